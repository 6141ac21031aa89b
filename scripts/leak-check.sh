#!/usr/bin/env bash
# Runs the built `renalcheck` CLI under valgrind on paths that load, screen and fail, and fails if
# valgrind finds a memory error or a *definite* leak (jansson trees not released, C strings not
# freed). Each case must also exit with its documented status.
#
#   scripts/leak-check.sh [path/to/renalcheck]      (default: .build/debug/renalcheck)
#
# Used by `make leak-check` (mk/leaks.mk). Needs valgrind (`apt-get install valgrind`).
set -uo pipefail
cd "$(dirname "$0")/.."
cli=${1:-.build/debug/renalcheck}
[ -x "$cli" ] || { echo "leak-check: $cli not found; build it first (swift build)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "leak-check: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

# 99 is not an exit status renalcheck uses, so it can only mean "valgrind found a problem".
# scripts/valgrind.supp explains its one suppression (the process-lifetime built-in formulary).
VALGRIND=(valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite
          --error-exitcode=99 --num-callers=64 --suppressions=scripts/valgrind.supp --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A broken formulary: a truncated drug file (a jansson parse error), a file with a duplicate key,
# and a rule with an unknown severity and an unknown source (validator errors after parsing).
cp -r formulary "$work/broken"
head -c 200 formulary/drugs/baclofen.json > "$work/broken/drugs/baclofen.json"
sed -i '0,/"name"/s//"name": "dup", "name"/' "$work/broken/drugs/gabapentin.json"
sed -i '0,/"severity": "[a-z]*"/s//"severity": "hgih"/; 0,/"sources": \[/s//"sources": ["no-such-source", /' \
    "$work/broken/drugs/quinine.json"

# A request that decodes, then fails in the decoder (unknown condition): the tree must still be released.
cat > "$work/unknown-condition.json" <<'JSON'
{"patient": {"conditions": ["gout"], "kidney": {"dialysis": "hemodialysis"}},
 "orders": [{"drug": "gabapentin", "dose": {"value": 300, "unit": "mg"}, "frequency": "daily"}]}
JSON

failures=0
# run NAME EXPECTED-STATUS ARGS...
run() {
    local name=$1 want=$2; shift 2
    local log="$work/$name.log"
    "${VALGRIND[@]}" --log-file="$log" "$cli" "$@" >/dev/null 2>"$work/$name.stderr"
    local got=$?
    if [ "$got" = 99 ]; then
        echo "FAIL $name: valgrind reported:"; cat "$log"; failures=$((failures + 1))
    elif [ "$got" != "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; head -n 5 "$work/$name.stderr"; failures=$((failures + 1))
    else
        echo "ok   $name (exit $got)"
    fi
}

run validate-broken-formulary 65 formulary validate "$work/broken"
run validate-shipped-formulary 0 formulary validate formulary
run screen-good-request 2 screen examples/baclofen-titration.json
run screen-good-request-json 0 screen --format json examples/statin-with-cramps.json
run screen-with-directory-formulary 2 screen --formulary formulary examples/baclofen-titration.json
run screen-truncated-request 65 screen Tests/Fixtures/malformed/truncated.json
run screen-duplicate-key 65 screen Tests/Fixtures/malformed/duplicate-keys.json
run screen-invalid-utf8 65 screen Tests/Fixtures/malformed/invalid-utf8.json
run screen-deep-nesting 65 screen Tests/Fixtures/malformed/deep-nesting.json
run screen-decoder-error 65 screen "$work/unknown-condition.json"
run screen-quick-form-bad-sig 64 screen --dialysis hemodialysis --order "baclofen ten mg"

if [ "$failures" -gt 0 ]; then echo "leak-check: $failures failed"; exit 1; fi
echo "leak-check: no memory errors and no definite leaks"
