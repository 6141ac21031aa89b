# Memory checks of the built CLI under valgrind. Included by the top-level Makefile:  include mk/leaks.mk
#
#   make leak-check      loads, screens and fails under valgrind; fails on a memory error or a definite leak

LEAK_SCRATCH ?= .build-leaks

.PHONY: leak-check
leak-check: deps
	@command -v valgrind >/dev/null || { echo "Installing valgrind with apt-get…"; $(SUDO) apt-get install -y -qq valgrind; }
	$(SWIFT) build --scratch-path $(LEAK_SCRATCH) --product renalcheck
	scripts/leak-check.sh $(LEAK_SCRATCH)/debug/renalcheck
