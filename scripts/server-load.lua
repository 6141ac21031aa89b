-- wrk script for scripts/server-load.sh: POSTs the order-sign example with a fresh hookInstance
-- each time (so every card uuid, and every stored row, is new), and prints p50/p99 in ms.
local path = os.getenv("RC_BODY")
local f = assert(io.open(path, "r"))
local template = f:read("*a")
f:close()
local counter = 0
-- Threads are numbered in the main Lua state; each thread's state gets its number as the global
-- `tid` (a global, not a local, so that thread:set is not shadowed).
local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  thread:set("tid", threads_started)
end

function init(args)
  math.randomseed(os.time() + (tid or 0))
end

function request()
  counter = counter + 1
  local hi = string.format("%08x-%04x-4000-8000-%012d", math.random(0, 0x7fffffff), (tid or 0) % 65536, counter)
  local body = string.gsub(template, "HOOK%-INSTANCE%-PLACEHOLDER", hi)
  return wrk.format("POST", "/cds-services/renalcheck", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
