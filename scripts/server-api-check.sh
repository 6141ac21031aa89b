#!/usr/bin/env bash
# Exercises renalcheck-server against its OpenAPI document (docs/cds-hooks-service.openapi.json)
# with schemathesis: generated requests for every operation; the run fails on any server error
# (5xx) or a response that does not match the document. Run by `make test-server-api`.
#   scripts/server-api-check.sh SERVER_BINARY VENV [MAX_EXAMPLES]
# The server runs on loopback without authentication (schemathesis cannot sign EHR JWTs; the JWT
# checks are covered by the Swift tests) and may read only from a FHIR address that does not
# exist on loopback, so no generated fhirServer URL is ever contacted.
set -euo pipefail
bin=$1 venv=$2 examples=${3:-60}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" serve --no-auth --host 127.0.0.1 --port 0 --port-file "$work/port" --database "$work/cards.sqlite" \
    --fhir-server-allow http://127.0.0.1:9/ --fhir-timeout 1 --request-timeout 5 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 200); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "renalcheck-server did not start"; cat "$work/server.log"; exit 1; }
port=$(cat "$work/port")
status=0
"$venv/bin/schemathesis" run docs/cds-hooks-service.openapi.json --url "http://127.0.0.1:$port" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --max-examples "$examples" --seed 18 --request-timeout 10 --suppress-health-check all \
    --no-color || status=$?
kill -TERM "$pid"; wait "$pid" || true
if grep -q '"level":"error"' "$work/server.log"; then echo "server logged errors:"; grep '"level":"error"' "$work/server.log"; status=1; fi
exit $status
