# libFuzzer targets (package Fuzz/, built with AddressSanitizer and coverage instrumentation).
# Included by the top-level Makefile:  include mk/fuzz.mk
#
#   make fuzz                    every target for FUZZ_SECONDS seconds (default 60)
#   make fuzz FUZZ_SECONDS=600   longer
#   make fuzz-smoke              every target for FUZZ_SMOKE_SECONDS seconds (default 5)
#   make fuzz-build              build only
#
# The corpora under Tests/Fuzz/corpus/<target>/ are seeds and are never written to: new inputs go
# to $(FUZZ_WORK)/<target>/ (git-ignored), crashes to $(FUZZ_ARTIFACTS)/<target>/. A crash
# makes the run fail; reproduce it with  $(FUZZ_BIN)/<target> <crash-file>.

FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_TARGETS       ?= fuzz-formulary fuzz-request fuzz-sig
FUZZ_SCRATCH       ?= .build-fuzz
FUZZ_WORK          ?= $(FUZZ_SCRATCH)/corpus
FUZZ_ARTIFACTS     ?= fuzz-artifacts
FUZZ_BIN            = $(FUZZ_SCRATCH)/release
# Coverage instrumentation for every module (so libFuzzer sees branches inside RenalCheck), and
# ASan; libFuzzer itself is linked into the three fuzz executables only (see Fuzz/Package.swift).
FUZZ_SWIFTFLAGS    ?= -Xswiftc -sanitize=address \
                      -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
# -rss_limit_mb and -timeout turn runaway memory or time on one input into a reported failure.
FUZZ_FLAGS         ?= -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
FUZZ_ENV           ?= ASAN_OPTIONS=allocator_may_return_null=1:malloc_context_size=128 \
                      LSAN_OPTIONS=suppressions=scripts/lsan.supp

.PHONY: fuzz fuzz-smoke fuzz-build

fuzz-build: deps
	$(SWIFT) build --package-path Fuzz -c release --scratch-path $(FUZZ_SCRATCH) $(FUZZ_SWIFTFLAGS)

# $(call fuzz_run,SECONDS): runs every target for SECONDS; stops at the first crash, leak or timeout.
define fuzz_run
@set -e; for t in $(FUZZ_TARGETS); do \
	mkdir -p $(FUZZ_WORK)/$$t $(FUZZ_ARTIFACTS)/$$t; \
	echo "== $$t for $(1) s"; \
	$(FUZZ_ENV) RENALCHECK_FORMULARY=formulary $(FUZZ_BIN)/$$t $(FUZZ_WORK)/$$t Tests/Fuzz/corpus/$$t \
		-max_total_time=$(1) -artifact_prefix=$(FUZZ_ARTIFACTS)/$$t/ $(FUZZ_FLAGS) \
		2>$(FUZZ_WORK)/$$t.log || { tail -n 60 $(FUZZ_WORK)/$$t.log; echo "$$t: FAILED (input in $(FUZZ_ARTIFACTS)/$$t/)"; exit 1; }; \
	grep -E '^(#[0-9]+ +DONE|stat::average_exec_per_sec|stat::peak_rss_mb)' $(FUZZ_WORK)/$$t.log || tail -n 5 $(FUZZ_WORK)/$$t.log; \
done
endef

fuzz: fuzz-build
	$(call fuzz_run,$(FUZZ_SECONDS))

fuzz-smoke: fuzz-build
	$(call fuzz_run,$(FUZZ_SMOKE_SECONDS))
