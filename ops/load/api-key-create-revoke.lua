-- wrk script: write load that an account can keep up for any length of time. An account holds at
-- most 50 API keys, so creating keys alone is refused (409 TOO_MANY_KEYS) after the first 50; here
-- each key created (POST /api/api-keys, a fresh name each time) is revoked by the thread's next
-- request (DELETE /api/api-keys/{id}). Keys alive at once stay at most the connections in flight
-- (keep CONNECTIONS under 50). The Authorization header comes from --header; wrk counts the
-- non-2xx answers itself, so a refusal shows in its "Non-2xx" line.
local counter = 0
local created = {}

-- wrk.format uses the headers it is given instead of wrk.headers (Host, and the Authorization from
-- --header), so a request with headers of its own must carry those too.
local function headers_with(extra)
  local all = {}
  for name, value in pairs(wrk.headers) do
    all[name] = value
  end
  for name, value in pairs(extra) do
    all[name] = value
  end
  return all
end

request = function()
  local id = table.remove(created)
  if id then
    return wrk.format("DELETE", "/api/api-keys/" .. id)
  end
  counter = counter + 1
  return wrk.format("POST", "/api/api-keys", headers_with({ ["Content-Type"] = "application/json" }),
    '{"name":"load-' .. counter .. '"}')
end

response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":"([^"]+)"')
    if id then
      table.insert(created, id)
    end
  end
end
