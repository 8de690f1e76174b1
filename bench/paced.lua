-- Open-model load for wrk: another wrk script's requests sent at a fixed total rate, with latency
-- measured from when each request was due rather than from when it was sent (as wrk2 does), so that a
-- slow answer delays the requests behind it into the figures instead of out of them (coordinated
-- omission). wrk's closed loop sends as fast as answers come back; this is how clients arriving at
-- their own pace see the service at a given load.
--   PACED_SCRIPT=bench/hotset.lua PACED_RATE=5000 PACED_THREADS=2 wrk -t2 -c64 -s bench/paced.lua URL -- <its args>
-- Each thread owns a schedule of PACED_RATE / PACED_THREADS requests a second; a connection that is
-- free takes the next due time, waits for it (wrk's delay()) and sends. Each request carries its due
-- and send times in X-Request-Id, which the gateway echoes, so that the answer finds them again
-- without knowing its connection. After wrk's own figures, done() prints the distribution of
-- answer time minus due time (or minus send time when a request went out before it was due) in
-- wrk's format, which is what bench/lib.sh's wrk_json reads last.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
int clock_gettime(int clock_id, paced_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("paced_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end

dofile(assert(os.getenv("PACED_SCRIPT"), "PACED_SCRIPT names the wrk script whose requests to pace"))
local inner_init, inner_request = init, request

local interval_us, next_due
local due_queue, head, tail = {}, 1, 0
-- Read by done() through thread:get, so global in each thread's state.
latencies, measured, unmatched = {}, 0, 0

function init(args)
  if inner_init then inner_init(args) end
  local rate = assert(tonumber(os.getenv("PACED_RATE") or ""), "PACED_RATE: requests a second, all threads together")
  local threads = assert(tonumber(os.getenv("PACED_THREADS") or ""), "PACED_THREADS: wrk's -t")
  interval_us = 1000000 * threads / rate
end

local function claim()
  next_due = next_due or now_us()
  local due = next_due
  next_due = next_due + interval_us
  return due
end

-- Called when a connection is free to send again: it takes the next due time and waits for it.
function delay()
  local due = claim()
  tail = tail + 1
  due_queue[tail] = due
  local wait_ms = (due - now_us()) / 1000
  return wait_ms > 0 and math.floor(wait_ms) or 0
end

function request()
  local due
  if head <= tail then
    due = due_queue[head]
    due_queue[head] = nil
    head = head + 1
  else
    due = claim() -- a connection's first request, sent on connecting without delay()
  end
  wrk.headers["X-Request-Id"] = string.format("paced-%d-%d", due, now_us())
  return inner_request()
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"]
  local due, sent = (id or ""):match("^paced%-(%d+)%-(%d+)$")
  if not due then
    unmatched = unmatched + 1
    return
  end
  measured = measured + 1
  latencies[measured] = now_us() - math.min(tonumber(due), tonumber(sent))
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

local function format_us(us)
  if us >= 1000000 then return string.format("%.2fs", us / 1000000) end
  if us >= 1000 then return string.format("%.2fms", us / 1000) end
  return string.format("%.2fus", us)
end

function done(summary, latency, requests)
  local all, lost = {}, 0
  for _, thread in ipairs(threads) do
    local from = thread:get("latencies")
    for i = 1, thread:get("measured") do all[#all + 1] = from[i] end
    lost = lost + thread:get("unmatched")
  end
  table.sort(all)
  io.write(string.format("Paced at %s requests/s: %d answers timed from their due time, %d without the echoed id\n",
    os.getenv("PACED_RATE"), #all, lost))
  if #all == 0 then return end
  io.write("  Latency Distribution (from the due time)\n")
  for _, p in ipairs({ 50, 75, 90, 99 }) do
    io.write(string.format("  %3d%% %s\n", p, format_us(all[math.max(1, math.ceil(#all * p / 100))])))
  end
  io.write(string.format("  99.9%% %s\n  max %s\n", format_us(all[math.max(1, math.ceil(#all * 0.999))]), format_us(all[#all])))
end
