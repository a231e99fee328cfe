-- A bare GET for the ceiling run: same reporting as profile.lua, no per-response work.
function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.status + errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format("RESULT requests=%d failed=%d socket_errors=0 seconds=%.3f p50_us=%d p99_us=%d\n",
    summary.requests, failed, summary.duration / 1e6, latency:percentile(50), latency:percentile(99)))
end
