-- wrk script for bench/pages: sends BENCH_COOKIE and, for a POST, BENCH_BODY as a form; counts the
-- answers by status class in every thread and prints one line that run.sh reads:
-- RESULT <req/s> <p50 ms> <p95 ms> <p99 ms> <2xx> <3xx> <4xx> <5xx> <socket errors>
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = { 0, 0, 0, 0 }
end

function response(status, headers, body)
  local class = math.floor(status / 100) - 1
  if class >= 1 and class <= 4 then
    counts[class] = counts[class] + 1
  end
end

function done(summary, latency, requests)
  local total = { 0, 0, 0, 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for i = 1, 4 do
      total[i] = total[i] + c[i]
    end
  end
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    total[1], total[2], total[3], total[4], e.connect + e.read + e.write + e.timeout))
end
