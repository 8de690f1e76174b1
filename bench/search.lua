-- Name search, GET /api/v1/subjects?q=<fragment>&limit=20, with a fragment picked uniformly at
-- random per request from a list (one UTF-8 fragment a line; bench/search-terms.txt holds
-- two-character ones, frequent and rare).
--   wrk -s search.lua URL -- search-terms.txt [api-key]
-- Search answers anonymously too; with an API key the calls go through authentication and the
-- shared rate limiter.
local paths = {}

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local term = line:match("^%s*(.-)%s*$")
    if term ~= "" and term:sub(1, 1) ~= "#" then
      paths[#paths + 1] = "/api/v1/subjects?q=" .. encode(term) .. "&limit=20"
    end
  end
  file:close()
  assert(#paths > 0, "no search terms in " .. args[1])
  if args[2] and args[2] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
