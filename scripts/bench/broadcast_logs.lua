-- POST /api/v1/broadcast-logs (BRD-1) with the n8n key $BENCH_API_KEY, as the
-- "Broadcast Logistic" flow sends it: one log per request, or with $BENCH_ITEMS = B a
-- JSON array of B logs per request. Every log has a new AWB derived from
-- n = BENCH_BASE + thread * 10^6 + counter, formatted exactly like the capture request
-- of run.sh (10-digit n), so every request is new to the 24-hour retry fingerprint.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local base = tonumber(os.getenv("BENCH_BASE"))
local batch = tonumber(os.getenv("BENCH_ITEMS") or "0")
local counter = 0
local headers = {
  ["X-API-KEY"] = os.getenv("BENCH_API_KEY"),
  ["Content-Type"] = "application/json",
}

-- Keep in step with broadcast_item in run.sh.
local function item(n, i)
  local awb = "BENCH" .. n .. "-" .. i
  return '{"tracking_number":"' .. awb .. '","consignee_phone":"+62877' .. n
    .. '","status":"success","message_content":"Paket Anda dalam perjalanan (resi ' .. awb
    .. ')","broadcast_at":"2026-12-01T08:00:00Z"}'
end

function request()
  counter = counter + 1
  local n = string.format("%010.0f", base + thread_no * 1000000 + counter)
  local body
  if batch > 0 then
    local items = {}
    for i = 1, batch do
      items[i] = item(n, i)
    end
    body = "[" .. table.concat(items, ",") .. "]"
  else
    body = item(n, 1)
  end
  return wrk.format("POST", "/api/v1/broadcast-logs", headers, body)
end
