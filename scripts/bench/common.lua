-- Shared by the wrk scripts: numbers the threads (thread_no, for per-thread unique
-- identifiers) and writes the run's figures as one JSON line to $BENCH_RESULT.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end

-- wrk's --latency table has no p95, so the percentiles are taken here.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local line = string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,'
      .. '"max_ms":%.2f,"non_2xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout)
  local path = os.getenv("BENCH_RESULT")
  if path then
    local f = io.open(path, "w")
    f:write(line)
    f:close()
  end
  io.write(line)
end
