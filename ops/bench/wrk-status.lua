-- wrk script for the side-by-side benchmark: counts every answer that is not 2xx (wrk's own
-- summary counts only >= 400, and says nothing when all is well) and prints one line at the end:
--   status-check: <responses> responses, <n> not 2xx
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  not2xx = 0
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    not2xx = not2xx + 1
  end
end

function done(summary, latency, requests)
  local all, bad = 0, 0
  for _, thread in ipairs(threads) do
    all = all + thread:get("responses")
    bad = bad + thread:get("not2xx")
  end
  io.write(string.format("status-check: %d responses, %d not 2xx\n", all, bad))
end
