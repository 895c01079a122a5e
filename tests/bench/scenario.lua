-- wrk script of tests/bench/run.sh: one scenario, configured by environment
-- variables (run.sh sets them; wrk's LuaJIT can read the environment):
--
--   BENCH_COOKIE    Cookie header sent with every request (optional)
--   BENCH_AUTH      an API key, sent as "Authorization: Bearer <key>" (optional)
--   BENCH_METHOD    GET (default) or POST
--   BENCH_EXPECT    the status that counts as success (default 200)
--   BENCH_OUT       file the results are written to (key=value lines)
--   POST /repair (BENCH_METHOD=POST):
--     BENCH_CSRF      the csrf value bound to the sl_anon cookie of BENCH_COOKIE
--     BENCH_CATEGORY  a category id offered by the form
--     BENCH_NONCE     48 hex digits, unique per wrk run: every form_token is
--                     nonce .. thread number (8 hex) .. request number (8 hex),
--                     64 hex digits, so no two requests share a token
--   GET of many ticket pages:
--     BENCH_IDS_FILE  one ticket id a line; each request asks for
--     BENCH_PATH_FMT  string.format(BENCH_PATH_FMT, id) of a random id
--
-- Every response's status is counted; done() writes requests, duration,
-- latency percentiles, socket errors and the status counts to BENCH_OUT.

local cookie   = os.getenv("BENCH_COOKIE") or ""
local method   = os.getenv("BENCH_METHOD") or "GET"
local ids_file = os.getenv("BENCH_IDS_FILE") or ""
local path_fmt = os.getenv("BENCH_PATH_FMT") or "/desk/tickets/%d"
local expect   = tonumber(os.getenv("BENCH_EXPECT") or "200")
local out_file = os.getenv("BENCH_OUT") or ""

if cookie ~= "" then
   wrk.headers["Cookie"] = cookie
end
local auth = os.getenv("BENCH_AUTH") or ""
if auth ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. auth
end
wrk.method = method

-- application/x-www-form-urlencoded encoding of a value
local function urlencode(s)
   return (string.gsub(s, "[^%w%-%._~]", function(c)
      return string.format("%%%02X", string.byte(c))
   end))
end

-- status -> count, per thread (summed in done() through thread:get)
counts = {}

function response(status, headers, body)
   counts[status] = (counts[status] or 0) + 1
end

local threads = {}
local thread_no = 0

function setup(thread)
   thread_no = thread_no + 1
   thread:set("tno", thread_no)
   table.insert(threads, thread)
end

if method == "POST" then
   local nonce    = os.getenv("BENCH_NONCE") or ""
   local csrf     = os.getenv("BENCH_CSRF") or ""
   local category = os.getenv("BENCH_CATEGORY") or "1"
   if not string.match(nonce, "^[0-9a-f]+$") or #nonce ~= 48 then
      error("BENCH_NONCE must be 48 lower-case hex digits")
   end
   local descriptions = {
      "家用空调不制冷，请尽快上门", "冰箱冷藏室不制冷", "洗衣机不排水，周末上门",
      "燃气热水器打不着火", "电视开机黑屏有声音", "油烟机吸力变小，已过保修期",
   }
   -- wrk.format() sends only the headers it is given: copy wrk.headers
   -- (Host, Cookie) into the POST's own table
   local headers = {}
   for k, v in pairs(wrk.headers) do headers[k] = v end
   headers["Content-Type"] = "application/x-www-form-urlencoded"
   local fixed, n = nil, 0
   local reqno = 0

   function init(args)
      -- tno was set by setup() in this thread's Lua state
      fixed = "name=" .. urlencode("压测用户" .. tno) ..
              "&phone=" .. urlencode("138 0013 8000") ..
              "&category=" .. urlencode(category) ..
              "&csrf=" .. urlencode(csrf)
      n = #descriptions
   end

   function request()
      reqno = reqno + 1
      local token = nonce .. string.format("%08x%08x", tno, reqno)
      local body = fixed ..
         "&description=" .. urlencode(descriptions[(reqno % n) + 1]) ..
         "&form_token=" .. token
      return wrk.format("POST", nil, headers, body)
   end
elseif ids_file ~= "" then
   local ids = {}

   function init(args)
      for line in io.lines(ids_file) do
         local id = tonumber(line)
         if id then table.insert(ids, id) end
      end
      if #ids == 0 then error("no ticket ids in " .. ids_file) end
      math.randomseed(os.time() + 7919 * tno)
   end

   function request()
      local path = string.format(path_fmt, ids[math.random(#ids)])
      return wrk.format("GET", path)
   end
end

function done(summary, latency, requests)
   local total = {}
   for _, t in ipairs(threads) do
      local c = t:get("counts")
      for status, k in pairs(c) do
         total[status] = (total[status] or 0) + k
      end
   end
   local statuses, ok = {}, 0
   for status, k in pairs(total) do
      table.insert(statuses, status)
      if status == expect then ok = ok + k end
   end
   table.sort(statuses)
   local parts = {}
   for _, status in ipairs(statuses) do
      table.insert(parts, status .. ":" .. total[status])
   end
   local e = summary.errors
   local lines = {
      "requests=" .. summary.requests,
      "duration_us=" .. summary.duration,
      "bytes=" .. summary.bytes,
      "ok=" .. ok,
      "p50_us=" .. latency:percentile(50),
      "p99_us=" .. latency:percentile(99),
      "mean_us=" .. string.format("%.0f", latency.mean),
      "max_us=" .. latency.max,
      "err_connect=" .. e.connect,
      "err_read=" .. e.read,
      "err_write=" .. e.write,
      "err_timeout=" .. e.timeout,
      "statuses=" .. table.concat(parts, ","),
   }
   local text = table.concat(lines, "\n") .. "\n"
   if out_file ~= "" then
      local f = assert(io.open(out_file, "w"))
      f:write(text)
      f:close()
   else
      io.write(text)
   end
end
