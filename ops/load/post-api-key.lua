-- wrk script: POST /api/api-keys with a fresh name each time (the Authorization header comes
-- from --header); wrk counts the non-2xx answers itself.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, '{"name":"load-' .. counter .. '"}')
end
