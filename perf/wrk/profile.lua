-- The cache-hit profile query for wrk. Arguments after "--": the tokens file (used round-robin), the query document
-- (no quotes or backslashes in it), and optionally its sha256, which is then sent instead of the document (automatic
-- persisted queries; perf/run registers the document first).
-- A response counts as failed unless it is HTTP 200 without GraphQL errors.
local tokens = {}
local counter = 0
failures = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  counter = math.random(#tokens)
  wrk.method = "POST"
  if args[3] then
    wrk.body = '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"' .. args[3] .. '"}}}'
  else
    wrk.body = '{"query":"' .. args[2] .. '"}'
  end
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  return wrk.format(nil, nil, {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json",
    ["Authorization"] = "Bearer " .. token
  }, nil)
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format("RESULT requests=%d failed=%d socket_errors=%d seconds=%.3f p50_us=%d p99_us=%d\n",
    summary.requests, failed + socket_errors, socket_errors, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(99)))
end
