-- One benchmark scenario for wrk, chosen by the arguments after "--":
--   get                       GET the URL as given
--   id PATH MIN MAX           GET PATH with its %d replaced by an id drawn uniformly from [MIN, MAX]
--   post PATH BODY            POST BODY (JSON) to PATH; {{NAME}} in BODY becomes a name no other request uses
-- At the end it prints one line: RESULT requests seconds requests/s p50_ms p99_ms failed_responses socket_errors

local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  thread:set("thread_number", threads_started)
end

local mode, path, low, high, body
local headers = {}
local sent = 0

function init(args)
  -- Headers given to wrk with -H (a token, a session cookie) go with every request this script makes.
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  mode = args[1] or "get"
  if mode == "id" then
    path, low, high = args[2], tonumber(args[3]), tonumber(args[4])
    math.randomseed(os.time() * 1000 + thread_number * 7919)
  elseif mode == "post" then
    path, body = args[2], args[3]
    headers["Content-Type"] = "application/json"
  end
end

-- Letters only, so that the name passes any validation of names: thread, start time and count make it unique.
local function unique_name()
  sent = sent + 1
  local n = (os.time() % 1000000) * 1000000 + thread_number * 100000000000000 + sent
  local name = ""
  repeat
    name = string.char(97 + n % 26) .. name
    n = math.floor(n / 26)
  until n == 0
  return "B" .. name
end

function request()
  if mode == "id" then
    local target = path:gsub("%%d", tostring(math.random(low, high)))
    return wrk.format("GET", target, headers)
  elseif mode == "post" then
    return wrk.format("POST", path, headers, (body:gsub("{{NAME}}", unique_name())))
  end
  return wrk.format("GET", nil, headers)
end

-- A browser sends back the newest session version Payara Micro gives it (the cookie JSESSIONIDVERSION, which every
-- answer of a distributable application moves on); with an old one, every request makes the server read the
-- session again from its store.
function response(status, answer_headers, body)
  local set = answer_headers["Set-Cookie"]
  local cookie = headers["Cookie"]
  if set and cookie then
    local version = set:match("JSESSIONIDVERSION=([^;]+)")
    if version then
      headers["Cookie"] = cookie:gsub("JSESSIONIDVERSION=[^;]*", "JSESSIONIDVERSION=" .. version)
    end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %d %.2f %.1f %.2f %.2f %d %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000.0, latency:percentile(99) / 1000.0,
    e.status, e.connect + e.read + e.write + e.timeout))
end
