# RenalCheck — see README.md. `make demo` and `make test` work on a fresh Debian machine with Swift.
SWIFT      ?= swift
PREFIX     ?= /usr/local
BUILD      ?= .build
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CLI        := $(BUILD)/debug/renalcheck

.PHONY: deps test-deps build demo test test-swift test-schemas test-readme sanitize bench clean

## deps: what building and installing need: libjansson-dev and pkg-config (apt-get, when missing).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists jansson; then \
		echo "Installing libjansson-dev and pkg-config with apt-get…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libjansson-dev pkg-config; \
	fi

## test-deps: what `make test` adds: jsonschema (schema checks), valgrind (the C host), python3-venv
## (FHIR validation). Never pulled by build or install.
test-deps: deps
	@python3 -c "import jsonschema, referencing" 2>/dev/null || python3 -m pip install -q "jsonschema>=4.18"
	@command -v valgrind >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind; }
	@python3 -c "import venv, ensurepip" 2>/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }

## build: debug build of the library and the CLI.
build: deps
	$(SWIFT) build

## demo: build, then screen every bundled example with the built-in formulary.
demo: build
	@echo "== renalcheck formulary info"; $(CLI) formulary info
	@echo; echo "== renalcheck drug lioresal"; $(CLI) drug lioresal
	@for f in examples/*.json; do \
		echo; echo "== renalcheck screen $$f"; \
		$(CLI) screen "$$f"; status=$$?; echo "(exit $$status)"; \
	done; true

## test: the full test suite (Swift, schemas and output schemas, README examples, the C host against
## the debug and the release library, FHIR validation, the installed CLI and library run without the
## Swift toolchain, the Spark example, the CDS Hooks service).
test: test-deps test-swift test-schemas test-readme test-c test-c-release test-fhir test-install test-spark test-server

test-swift: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-schemas: test-deps
	python3 scripts/check-schemas.py
	$(SWIFT) build --product renalcheck
	python3 scripts/check-output-schemas.py --cli $(CLI)

## test-readme: every shell example in README.md, run against the shipped example files with its
## documented exit status.
test-readme: build
	python3 scripts/check-readme.py $(CLI)

## sanitize: the Swift suite under AddressSanitizer, then ThreadSanitizer.
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

## bench: release benchmarks in their own package (never run by CI); see BENCHMARKS.md.
bench: deps
	python3 scripts/gen-formulary.py /tmp/renalcheck-synthetic
	cd Benchmarks && $(SWIFT) build -c release && .build/release/renalcheck-bench --cpu all --synthetic /tmp/renalcheck-synthetic

clean:
	rm -rf .build .build-* .venv-fhir .venv-spark .venv-server Server/.build

include mk/c-abi.mk
include mk/install.mk
include mk/fhir.mk
include mk/fuzz.mk
include mk/leaks.mk
include mk/spark.mk
include mk/server.mk
