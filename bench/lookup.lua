-- Profile lookups over a list of USCCs, one picked at random per request (uniform over the list).
--   wrk -s lookup.lua URL -- usccs.txt [api-key]
-- With an API key the calls go through authentication, the shared rate limiter and the access log.
local usccs = {}

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if #line == 18 then
      usccs[#usccs + 1] = line
    end
  end
  file:close()
  if args[2] then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/api/v1/subjects/" .. usccs[math.random(#usccs)])
end
