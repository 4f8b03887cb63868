-- POST /api/v1/leads (CRM-1 lead bundle) with new identifiers on every request: NPWP,
-- e-mail, phone and company name all derive from n = BENCH_BASE + thread * 10^6 + counter,
-- formatted exactly like the capture request of run.sh (10-digit n), so each request
-- creates a customer, a prospect and a lead, as a fresh lead does.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local base = tonumber(os.getenv("BENCH_BASE"))
local counter = 0
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
  ["Content-Type"] = "application/json",
}

function request()
  counter = counter + 1
  local n = string.format("%010.0f", base + thread_no * 1000000 + counter)
  local body = '{"company_name":"PT Bench ' .. n .. ' Logistik","contact_name":"Bench ' .. n
    .. '","email":"bench-' .. n .. '@bench.local","phone":"+62877' .. n
    .. '","npwp":"88' .. n .. '0000","channel":"instagram_ads","utm_source":"instagram"}'
  return wrk.format("POST", "/api/v1/leads", headers, body)
end
