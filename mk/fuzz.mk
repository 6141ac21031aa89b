# libFuzzer targets (package Fuzz/, built with AddressSanitizer and coverage instrumentation).
# Included by the top-level Makefile:  include mk/fuzz.mk
#
#   make fuzz                    every target for FUZZ_SECONDS seconds (default 60)
#   make fuzz FUZZ_SECONDS=600   longer
#   make fuzz-smoke              every target: the seed corpus, then its FUZZ_SMOKE_RUNS inputs
#                                from the fixed FUZZ_SMOKE_SEED (what CI runs)
#   make fuzz-build              build only
#
# The corpora under Tests/Fuzz/corpus/<target>/ are seeds and are never written to: new inputs go
# to $(FUZZ_WORK)/<target>/ (git-ignored), crashes to $(FUZZ_ARTIFACTS)/<target>/. A crash
# makes the run fail; reproduce it with  $(FUZZ_BIN)/<target> <crash-file>.

FUZZ_SECONDS       ?= 60
# The smoke run is kept as repeatable as libFuzzer allows, so that CI tests the code and not the
# luck of a draw: a fixed seed, a fixed number of runs, a fresh work directory (so inputs kept by
# earlier local runs do not steer it) and Swift's deterministic hashing (so Set and Dictionary
# order does not change the coverage libFuzzer sees). Coverage feedback still varies slightly
# between runs (measured: the same inputs for fuzz-request, a few features apart for the others).
# FUZZ_SMOKE_SECONDS only caps a slow machine. Long random exploration is `make fuzz`.
FUZZ_SMOKE_SEED    ?= 20261121
# Runs per target (target:runs); loading a whole formulary per input makes fuzz-formulary slow.
FUZZ_SMOKE_RUNS    ?= fuzz-formulary:1500 fuzz-request:60000 fuzz-sig:60000 fuzz-interop:8000
FUZZ_SMOKE_SECONDS ?= 120
FUZZ_TARGETS       ?= fuzz-formulary fuzz-request fuzz-sig fuzz-interop
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
                      LSAN_OPTIONS=suppressions=scripts/lsan.supp SWIFT_DETERMINISTIC_HASHING=1

.PHONY: fuzz fuzz-smoke fuzz-build

fuzz-build: deps
	$(SWIFT) build --package-path Fuzz -c release --scratch-path $(FUZZ_SCRATCH) $(FUZZ_SWIFTFLAGS)

# $(call fuzz_run,WORK,SECONDS,EXTRA): runs every target with WORK as its writable corpus for at
# most SECONDS, with EXTRA flags (which may use $$runs, the target's FUZZ_SMOKE_RUNS); stops at the
# first crash, leak or timeout.
define fuzz_run
@set -e; for t in $(FUZZ_TARGETS); do \
	mkdir -p $(1)/$$t $(FUZZ_ARTIFACTS)/$$t; \
	runs=$$(for p in $(FUZZ_SMOKE_RUNS); do case $$p in $$t:*) echo $${p#*:};; esac; done); \
	echo "== $$t (at most $(2) s $(3))"; \
	$(FUZZ_ENV) RENALCHECK_FORMULARY=formulary $(FUZZ_BIN)/$$t $(1)/$$t Tests/Fuzz/corpus/$$t \
		-max_total_time=$(2) -artifact_prefix=$(FUZZ_ARTIFACTS)/$$t/ $(FUZZ_FLAGS) $(3) \
		2>$(1)/$$t.log || { tail -n 60 $(1)/$$t.log; echo "$$t: FAILED (input in $(FUZZ_ARTIFACTS)/$$t/)"; exit 1; }; \
	grep -E '^(#[0-9]+[[:space:]]+DONE|stat::average_exec_per_sec|stat::peak_rss_mb)' $(1)/$$t.log || tail -n 5 $(1)/$$t.log; \
done
endef

fuzz: fuzz-build
	$(call fuzz_run,$(FUZZ_WORK),$(FUZZ_SECONDS),)

fuzz-smoke: fuzz-build
	@rm -rf $(FUZZ_SCRATCH)/smoke
	$(call fuzz_run,$(FUZZ_SCRATCH)/smoke,$(FUZZ_SMOKE_SECONDS),-seed=$(FUZZ_SMOKE_SEED) -runs=$$runs)
