-- Decides the calls of one consumer that arrived together, in one atomic step: GCRA for the burst
-- and the sustained rate, and a counter per calendar day in Asia/Shanghai for the daily quota. As
-- many calls as both have room for are admitted, in arrival order, the others refused, exactly as if
-- the calls had come one by one. Deciding and recording inside one script is what keeps any number
-- of replicas from admitting more than the plan between them. GcraPolicy takes the same steps in
-- Java (acquireAll); keep the two in line.
--
-- KEYS[1]  the consumer's TAT key: theoretical arrival time, microseconds since the epoch
-- KEYS[2]  the consumer's day-key prefix; the day's key is this plus the Shanghai date, yyyymmdd.
--          It cannot be passed in whole because the date comes from the server's clock, read
--          here. Both names carry the consumer as hash tag, so the day's key is in the slot the
--          call was routed to.
-- ARGV[1]  emission interval in microseconds (one over the sustained rate)
-- ARGV[2]  burst
-- ARGV[3]  daily quota
-- ARGV[4]  how many calls arrived together (1 when absent)
--
-- Returns { how many of the calls were admitted, from the first on,
--           the limit that refused the others ("burst" or "day"), or "" when all were admitted,
--           microseconds from now to the theoretical arrival time after the admitted calls,
--           calls left today,
--           microseconds until the day ends,
--           microseconds until a refused call could be admitted, 0 when none was refused }

-- China has kept UTC+8, without daylight saving, since 1991.
local SHANGHAI_OFFSET = 8 * 3600 * 1000000
local DAY = 86400 * 1000000
-- A day's counter outlives midnight a little, so that after a failover to a node whose clock lags
-- behind, the day's count is still found instead of starting afresh.
local DAY_KEY_MARGIN_MS = 3600 * 1000

-- Days since 1970-01-01 to yyyymmdd (Howard Hinnant's civil_from_days); Redis' Lua has no os.date.
local function yyyymmdd(days)
    local z = days + 719468
    local era = math.floor(z / 146097)
    local doe = z - era * 146097
    local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
    local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
    local mp = math.floor((5 * doy + 2) / 153)
    local d = doy - math.floor((153 * mp + 2) / 5) + 1
    local m = mp < 10 and mp + 3 or mp - 9
    local y = yoe + era * 400 + (m <= 2 and 1 or 0)
    return string.format('%04d%02d%02d', y, m, d)
end

local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local quota = tonumber(ARGV[3])
local calls = tonumber(ARGV[4]) or 1

-- The server's clock, so that every replica counts the same time and the same day.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local local_time = now + SHANGHAI_OFFSET
local day = math.floor(local_time / DAY)
local day_reset = (day + 1) * DAY - local_time
local today = yyyymmdd(day)
local day_key = KEYS[2] .. today

local tat = math.max(tonumber(redis.call('GET', KEYS[1])) or now, now)
local used = tonumber(redis.call('GET', day_key)) or 0

-- k calls move the TAT k intervals on, and it may run at most a whole burst ahead of now.
local burst_room = math.max(0, math.floor((burst * interval - (tat - now)) / interval))
local quota_room = math.max(0, quota - used)
local admitted = math.min(calls, burst_room, quota_room)

if admitted > 0 then
    tat = tat + admitted * interval
    -- tostring would print a microsecond timestamp in 14 significant digits and lose the rest.
    redis.call('SET', KEYS[1], string.format('%d', tat), 'PX', math.ceil((tat - now) / 1000))
    used = used + admitted
    redis.call('SET', day_key, string.format('%d', used), 'PX', math.ceil(day_reset / 1000) + DAY_KEY_MARGIN_MS)
end

local refused_by, retry_after = '', 0
if admitted < calls then
    -- Positive when the next call would arrive before the burst has room for it.
    local burst_wait = tat + interval - burst * interval - now
    if used >= quota then
        refused_by, retry_after = 'day', math.max(day_reset, burst_wait)
    else
        refused_by, retry_after = 'burst', burst_wait
    end
end

return { admitted, refused_by, tat - now, math.max(0, quota - used), day_reset, retry_after }
