-- Department ingestion, POST /api/v1/ingest/records: each request is one JSON batch of rows that
-- all differ in their sourceRecordId (unique per run, thread, batch and row), so every row is a
-- new record, never an update of an earlier one.
--   wrk -s ingest.lua URL -- template.txt api-key [rows-per-batch, default 1000]
-- template.txt has three lines: the JSON before the rows, one row in which @@ID@@ marks where its
-- source record id goes, and the JSON after the rows (bench/run.sh derives it from the request
-- example in the running app's OpenAPI document). The key must belong to a department consumer
-- (scope ingest:write).
local prefix, row_head, row_tail, suffix
local rows, batch, tag = 1000, 0, ""
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  local lines = {}
  for line in file:lines() do
    lines[#lines + 1] = line
  end
  file:close()
  assert(#lines == 3, args[1] .. " must have three lines")
  prefix, suffix = lines[1], lines[3]
  row_head, row_tail = lines[2]:match("^(.-)@@ID@@(.*)$")
  assert(row_head, "the row template has no @@ID@@")
  assert(args[2] and args[2] ~= "", "an API key of a department consumer is needed")
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  wrk.headers["Content-Type"] = "application/json"
  rows = tonumber(args[3] or "") or 1000
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  tag = string.format("bench-%d-%d-%d", os.time(), thread_number or 0, math.random(1000000))
end

function request()
  batch = batch + 1
  local parts = {}
  for i = 1, rows do
    parts[i] = row_head .. tag .. "-" .. batch .. "-" .. i .. row_tail
  end
  return wrk.format("POST", "/api/v1/ingest/records", nil, prefix .. table.concat(parts, ",") .. suffix)
end
