# renalcheck-server, the CDS Hooks 2.0 service: a separate SwiftPM package in Server/ so that a host
# linking the library does not build the HTTP stack. Included from the Makefile (uses SWIFT and deps).
# See docs/cds-hooks-service.md.
#
#   make test-server        build Server/, run its end-to-end tests (real HTTP on loopback), then
#                           schemathesis against docs/cds-hooks-service.openapi.json
#   make server             debug build of Server/.build/debug/renalcheck-server
#   make server-load        bounded wrk load test on loopback (not part of make test); see BENCHMARKS.md

SERVER_VENV     ?= .venv-server
SERVER_BIN      := Server/.build/debug/renalcheck-server
SERVER_EXAMPLES ?= 40

.PHONY: server server-deps test-server test-server-swift test-server-api server-load

## server-deps: libsqlite3-dev for the card store (apt-get when pkg-config does not find sqlite3).
server-deps:
	@pkg-config --exists sqlite3 2>/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libsqlite3-dev; }

## server: debug build of renalcheck-server.
server: deps server-deps
	cd Server && $(SWIFT) build --product renalcheck-server

## test-server: the service's end-to-end tests and the OpenAPI check.
test-server: deps server-deps test-server-swift test-server-api

test-server-swift:
	cd Server && $(SWIFT) build --build-tests && $(SWIFT) test --skip-build

$(SERVER_VENV)/.installed:
	python3 -m venv $(SERVER_VENV)
	$(SERVER_VENV)/bin/pip install --quiet --disable-pip-version-check "schemathesis>=4,<5"
	touch $@

## test-server-api: schemathesis against the OpenAPI document; any 5xx or non-conforming answer fails.
test-server-api: $(SERVER_VENV)/.installed
	cd Server && $(SWIFT) build --product renalcheck-server
	scripts/server-api-check.sh $(SERVER_BIN) $(SERVER_VENV) $(SERVER_EXAMPLES)

## server-load: release build, then wrk at 8 and 64 connections on loopback (bounded: 20 s each).
server-load: deps server-deps
	cd Server && $(SWIFT) build -c release --product renalcheck-server
	scripts/server-load.sh Server/.build/release/renalcheck-server
