# Independent validation of FHIR and CDS Hooks output with the Python package fhir.resources
# (R4B models), in a git-ignored virtual environment. Included from the Makefile after
# mk/c-abi.mk (uses its `lib` target: the script drives librenalcheck.so through ctypes).

FHIR_VENV ?= .venv-fhir

.PHONY: test-fhir

$(FHIR_VENV)/.installed: | test-deps
	python3 -m venv $(FHIR_VENV)
	$(FHIR_VENV)/bin/pip install --quiet --disable-pip-version-check "fhir.resources>=8,<9"
	touch $@

## test-fhir: screen every example to FHIR and CDS Hooks through the C API and validate the output.
test-fhir: lib $(FHIR_VENV)/.installed
	$(FHIR_VENV)/bin/python scripts/validate-fhir.py $(LIB_FILE) $(CURDIR)
