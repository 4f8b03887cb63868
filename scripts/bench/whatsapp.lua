-- POST /api/v1/webhooks/whatsapp with the n8n key $BENCH_API_KEY: Cloud API bodies with
-- $BENCH_ITEMS inbound text messages each (1: one message per request; B: B entries of
-- one message each, as Meta batches them). Every message has a new id from
-- BENCH_BASE + thread * 10^6 + counter; senders come from a pool of 20,000 numbers, so
-- conversations are joined as well as started.
package.path = os.getenv("BENCH_LUA_DIR") .. "/?.lua;" .. package.path
require("common")

local base = tonumber(os.getenv("BENCH_BASE"))
local batch = tonumber(os.getenv("BENCH_ITEMS") or "1")
local now = os.time()
local counter = 0
local headers = {
  ["X-API-KEY"] = os.getenv("BENCH_API_KEY"),
  ["Content-Type"] = "application/json",
}

local function entry(n)
  local from = string.format("62818%08d", n % 20000)
  return '{"id":"100000000000001","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",'
    .. '"metadata":{"display_phone_number":"6281100000000","phone_number_id":"110000000000001"},'
    .. '"contacts":[{"profile":{"name":"Bench ' .. (n % 20000) .. '"},"wa_id":"' .. from .. '"}],'
    .. '"messages":[{"from":"' .. from .. '","id":"wamid.bench.' .. n .. '","timestamp":"' .. now
    .. '","type":"text","text":{"body":"Halo, paket saya sudah sampai mana?"}}]}}]}'
end

function request()
  local entries = {}
  for i = 1, batch do
    counter = counter + 1
    entries[i] = entry(base + thread_no * 1000000 + counter)
  end
  local body = '{"object":"whatsapp_business_account","entry":[' .. table.concat(entries, ",") .. "]}"
  return wrk.format("POST", "/api/v1/webhooks/whatsapp", headers, body)
end
