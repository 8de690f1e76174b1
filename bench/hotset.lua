-- Hot-set profile lookups: a Zipf-like pick over a list of USCCs, whose order is the popularity
-- rank (line 1 is the most requested subject). Subject k of n is requested with probability
-- k^-s / H(n, s); with the default s = 1.1 the first 1 % of 20 000 subjects get about 68 % of the
-- calls (54 % of 2 000) and the single hottest about 15 %.
--   wrk -s hotset.lua URL -- usccs.txt [api-key]
--   HOTSET_EXPONENT=1.3 wrk ...      another exponent s (larger: hotter hot set)
--   HOTSET_PATH=/api/v1/subjects/{uscc}/evaluation wrk ...
--                                    another path per subject ({uscc} is replaced; default the profile)
-- With an API key the calls go through authentication, the shared rate limiter and the access log;
-- without one they are anonymous.
local usccs, cumulative = {}, {}
local path_head, path_tail = "/api/v1/subjects/", ""

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if #line == 18 then
      usccs[#usccs + 1] = line
    end
  end
  file:close()
  assert(#usccs > 0, "no USCCs in " .. args[1])
  if args[2] and args[2] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
  local path = os.getenv("HOTSET_PATH")
  if path and path ~= "" then
    local at = assert(path:find("{uscc}", 1, true), "HOTSET_PATH has no {uscc}: " .. path)
    path_head, path_tail = path:sub(1, at - 1), path:sub(at + #"{uscc}")
  end
  local s = tonumber(os.getenv("HOTSET_EXPONENT") or "") or 1.1
  local total = 0
  for k = 1, #usccs do
    total = total + k ^ -s
    cumulative[k] = total
  end
  for k = 1, #usccs do
    cumulative[k] = cumulative[k] / total
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

-- The smallest rank whose cumulative share reaches a uniform draw (binary search).
local function pick()
  local u = math.random()
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < u then lo = mid + 1 else hi = mid end
  end
  return usccs[lo]
end

function request()
  return wrk.format("GET", path_head .. pick() .. path_tail)
end
