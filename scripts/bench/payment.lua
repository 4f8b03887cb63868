-- POST /api/v1/payments (DSO-1) as finance: a small payment (Rp 1,000) allocated FIFO, for
-- a customer picked at random per request from $BENCH_TARGETS (one customer id a line:
-- synthetic customers whose oldest open invoice has at least Rp 1,000,000 open, so every
-- payment allocates to that invoice and none is paid off during the run). The body is the
-- capture request's of run.sh with another customer.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local customers = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  if line ~= "" then
    table.insert(customers, line)
  end
end
local day = os.getenv("BENCH_PAYMENT_DATE")
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
  ["Content-Type"] = "application/json",
}

function init(args)
  math.randomseed(os.time() * 100 + (thread_no or 0))
end

function request()
  local customer = customers[math.random(#customers)]
  local body = '{"customer_id":"' .. customer .. '","payment_date":"' .. day
    .. '","amount":"1000.00","method":"bank_transfer","reference":"BENCH"}'
  return wrk.format("POST", "/api/v1/payments", headers, body)
end
