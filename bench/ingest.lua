-- Department ingestion, POST /api/v1/ingest/records: each request is one JSON batch of rows that
-- all differ in their sourceRecordId (unique per run, thread, batch and row), so every row is a
-- new record, never an update of an earlier one.
--   wrk -s ingest.lua URL -- template.txt api-key [rows-per-batch, default 1000] [subjects.txt]
-- template.txt has three lines: the JSON before the rows, one row in which @@ID@@ marks where its
-- source record id goes, and the JSON after the rows (bench/run.sh derives it from the request
-- example in the running app's OpenAPI document). The key must belong to a department consumer
-- (scope ingest:write). With subjects.txt (lines of a USCC, a tab and the registered name as a JSON
-- string) each row is about a subject drawn at random from it, as in a department's real batch;
-- without it every row is about the example's one subject, whose evaluation then re-reads all the
-- records the run has given it after every batch.
local prefix, row_head, row_tail, suffix
local rows, batch, tag = 1000, 0, ""
local threads = 0
local subjects = {}

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
  if args[4] and args[4] ~= "" then
    local list = assert(io.open(args[4], "r"))
    for line in list:lines() do
      local uscc, name = line:match("^(%w+)\t(.+)$")
      if uscc then
        subjects[#subjects + 1] = { USCC = '"' .. uscc .. '"', NAME = name }
      end
    end
    list:close()
    assert(#subjects > 0, args[4] .. " holds no subjects")
    row_tail = row_tail:gsub('"subjectUscc":"[^"]*"', '"subjectUscc":@@USCC@@'):gsub('"subjectName":"[^"]*"', '"subjectName":@@NAME@@')
    assert(row_tail:find("@@USCC@@", 1, true), "the row template has no subjectUscc after its sourceRecordId")
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  tag = string.format("bench-%d-%d-%d", os.time(), thread_number or 0, math.random(1000000))
end

function request()
  batch = batch + 1
  local parts = {}
  for i = 1, rows do
    local tail = row_tail
    if #subjects > 0 then
      tail = row_tail:gsub("@@(%u+)@@", subjects[math.random(#subjects)])
    end
    parts[i] = row_head .. tag .. "-" .. batch .. "-" .. i .. tail
  end
  return wrk.format("POST", "/api/v1/ingest/records", nil, prefix .. table.concat(parts, ",") .. suffix)
end
