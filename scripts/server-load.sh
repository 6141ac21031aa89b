#!/usr/bin/env bash
# Bounded load test of renalcheck-server on loopback with wrk (Debian's wrk): the order-sign
# example (baclofen on haemodialysis, full prefetch, 3 cards) with a fresh hookInstance per call,
# at 8 and 64 connections, DURATION seconds each (default 20). Prints requests/s, p50/p99 latency,
# the server's peak RSS (VmHWM) and the rows stored. Run by `make server-load`; not part of make test.
#   scripts/server-load.sh SERVER_BINARY [DURATION]
set -euo pipefail
bin=$1 duration=${2:-20}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk"; exit 1; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work/body.json" <<'PY'
import json, sys
d = json.load(open("examples/cds-hooks/order-sign.json"))
d["hookInstance"] = "HOOK-INSTANCE-PLACEHOLDER"
json.dump(d, open(sys.argv[1], "w"))
PY
"$bin" serve --no-auth --host 127.0.0.1 --port 0 --port-file "$work/port" --database "$work/cards.sqlite" \
    --log-level warning --max-concurrent 256 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 200); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
echo "server pid $pid port $port; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for c in 8 64; do
    t=$(( c < 2 ? c : 2 ))
    RC_BODY="$work/body.json" wrk -t"$t" -c"$c" -d"${duration}s" --timeout 10s -s scripts/server-load.lua "http://127.0.0.1:$port" \
        | grep -E "RESULT|Socket errors" | sed "s/^/connections=$c /"
    echo "connections=$c peak_rss_kib=$(awk '/VmHWM/ {print $2}' /proc/$pid/status) load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
done
kill -TERM "$pid"; wait "$pid" || true
python3 - "$work/cards.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("rows_stored", c.execute("select count(*) from cards").fetchone()[0])
PY
