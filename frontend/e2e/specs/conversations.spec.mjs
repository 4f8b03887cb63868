// WhatsApp conversations (WA-2): a CS admin watches a customer's message arrive through
// the Cloud API webhook (as n8n forwards it, with the demo API key), opens the thread, sees
// the customer's next message appear in it live, and opens a ticket from it; axe checks
// on the list and the thread; a role without conversations gets neither card nor page.
import { api, apiLogin, assert, assertAccessible, demo, signIn, uniqueSuffix } from "../lib.mjs";

const DEMO_KEY = "demo-n8n-api-key";

/** A customer number nobody else uses: 62812999 and five random digits. */
function uniqueNumber() {
  return `62812999${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;
}

/**
 * POSTs one text message from `from` in the Cloud API webhook shape of
 * tests/fixtures/whatsapp/text.json, with a unique message id and the current time.
 */
async function customerWrites(from, name, text) {
  const body = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "100000000000001",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: "6281100000000",
                phone_number_id: "110000000000001",
              },
              contacts: [{ profile: { name }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.E2E${uniqueSuffix()}${from}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  };
  const res = await api("POST", "/webhooks/whatsapp", {
    body,
    headers: { "X-API-KEY": DEMO_KEY },
  });
  assert.equal(res.status, 200, `POST webhooks/whatsapp: ${JSON.stringify(res.json)}`);
  assert.equal(res.json.messages, 1, `stored: ${JSON.stringify(res.json)}`);
}

async function waitLive(page) {
  await page
    .locator('[data-testid="live-indicator"][data-state="connected"]')
    .first()
    .waitFor({ timeout: 10_000 });
}

/** A marker on the window: a full reload would wipe it. */
const markPage = (page) => page.evaluate(() => (window.__e2eNoReload = true));
const stillSamePage = async (page) =>
  assert.equal(await page.evaluate(() => window.__e2eNoReload), true, "the page must not reload");

const rowOf = (page, phone) =>
  page.locator(`[data-testid="conversation-row"][data-phone="+${phone}"]`);
const bubble = (page, text) => page.getByTestId("message").filter({ hasText: text });

export const tests = [
  {
    name: "conversations: a CS admin sees a WhatsApp message arrive, follows the thread live and opens a ticket from it",
    async run({ page }) {
      const phone = uniqueNumber();
      const name = `E2E Pelanggan ${uniqueSuffix()}`;
      await signIn(page, demo("cs_admin"), "/ticketing");
      await page.getByTestId("hub-conversations").click();
      await page.waitForURL(/\/ticketing\/conversations$/);
      await page.getByRole("heading", { level: 1, name: "Percakapan WhatsApp" }).waitFor();
      // Search for the number first (URL state): nothing yet, then it arrives.
      await page.getByLabel("Cari nomor atau nama").fill(phone.slice(2));
      await page.waitForURL((u) => u.searchParams.get("search") === phone.slice(2));
      await page.getByTestId("empty-state").waitFor();
      await waitLive(page);
      await markPage(page);

      const first = `Halo, paket saya dengan resi LOG${Date.now()} belum sampai. Bisa dicek?`;
      await customerWrites(phone, name, first);
      const row = rowOf(page, phone);
      await row.waitFor({ timeout: 10_000 });
      assert.equal((await row.textContent()).trim(), name);
      const tr = page.locator("tbody tr", { has: row });
      assert.match(await tr.innerText(), /Terbuka/);
      assert.match(await tr.innerText(), /Belum ditugaskan/);
      assert.match(await tr.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await stillSamePage(page);

      // The thread: the customer's bubble on the left.
      await row.click();
      await page.waitForURL(/\/ticketing\/conversations\/[0-9a-f-]{36}$/);
      const conversationId = page.url().split("/").pop();
      await page
        .getByTestId("conversation-phone")
        .filter({ hasText: `+${phone}` })
        .waitFor();
      await bubble(page, first).waitFor();
      assert.equal(await bubble(page, first).getAttribute("data-direction"), "inbound");
      await waitLive(page);

      // The customer writes again: the new bubble appears in the open thread.
      const second = `Sudah 3 hari kak, tolong dibantu ${uniqueSuffix()}`;
      await customerWrites(phone, name, second);
      await bubble(page, second).waitFor({ timeout: 10_000 });
      assert.equal(await page.getByTestId("message").count(), 2);
      const texts = await page.getByTestId("message-body").allTextContents();
      assert.deepEqual(texts, [first, second], "oldest first");
      await stillSamePage(page);

      // "Buat tiket" opens a ticket and links it.
      await page.getByTestId("open-conversation-ticket").click();
      await page.getByTestId("conversation-ticket-dialog").waitFor();
      await page.getByTestId("confirm-conversation-ticket").click();
      await page.getByTestId("conversation-ticket-dialog").waitFor({ state: "detached" });
      const link = page.getByTestId("conversation-ticket-link");
      await link.waitFor();
      const code = await link.getAttribute("data-ticket-code");
      assert.ok(code, "the link names the ticket");
      assert.equal(await page.getByTestId("open-conversation-ticket").count(), 0);

      // The server agrees, and the link leads to that ticket.
      const { token } = await apiLogin(demo("cs_admin"));
      const detail = await api("GET", `/conversations/${conversationId}`, { token });
      assert.equal(detail.status, 200);
      assert.equal(detail.json.ticket_code, code);
      assert.equal(detail.json.messages.length, 2);
      await link.click();
      await page.waitForURL(new RegExp(`/ticketing/tickets/${detail.json.ticket_id}$`));
      await page.getByTestId("ticket-code").filter({ hasText: code }).waitFor();
    },
  },
  {
    name: "conversations: a role without conversations sees no card and gets the forbidden state",
    async run({ page }) {
      await signIn(page, demo("sales_support"), "/ticketing");
      await page.getByTestId("ticketing-hub").waitFor();
      assert.equal(await page.getByTestId("hub-conversations").count(), 0);
      await page.goto("/ticketing/conversations");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    // The name starts with "a11y" so the runner lets axe's inline script through the CSP.
    name: "a11y: WhatsApp conversations list and thread",
    async run({ page }) {
      const phone = uniqueNumber();
      await customerWrites(phone, `E2E A11y ${uniqueSuffix()}`, "Halo, saya mau cek ongkir");
      await signIn(page, demo("cs_admin"), `/ticketing/conversations?search=${phone}`);
      const row = rowOf(page, phone);
      await row.waitFor();
      await assertAccessible(page, "/ticketing/conversations");
      await row.click();
      await page.getByTestId("thread").waitFor();
      await assertAccessible(page, "conversation thread");
      await page.getByTestId("open-conversation-ticket").click();
      await page.getByTestId("conversation-ticket-dialog").waitFor();
      await assertAccessible(page, "ticket dialog");
    },
  },
];
