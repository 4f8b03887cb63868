// CRM Effectiveness dashboard (seed 002, WA-2/WA-3): a CS admin opens "Efektivitas CRM"
// from the dashboard's tab, sets the last 30 days in the dd/mm/yyyy fields (ISO days in
// the URL), and sees the KPI strip and the six sections with the demo's month of WhatsApp
// traffic — the heat-map a full 7 × 24 grid; a chart swaps to its table; one agent's
// figures through the URL; a customer's message moves "Pesan hari ini" without a reload.
// A CS agent gets their own figures without the agent filter; a salesperson neither the
// tab nor the page. When the demo has no WhatsApp traffic (an older seed), the spec
// posts a few Cloud API webhook bodies with the demo API key first.
import {
  api,
  apiLogin,
  assert,
  assertAccessible,
  demo,
  eventually,
  signIn,
  uniqueSuffix,
} from "../lib.mjs";

const DEMO_KEY = "demo-n8n-api-key";
const PAGE = "/dashboard/crm-effectiveness";
const SECTIONS = [
  ["conversation", "Efektivitas percakapan"],
  ["whatsapp", "Performa WhatsApp"],
  ["load", "Beban pelanggan"],
  ["agents", "Produktivitas agen"],
  ["automation", "Dampak otomasi"],
  ["business", "Dampak bisnis"],
];
const KPI_CARDS = ["active", "response", "delivery", "tickets", "today"];

const jakartaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });

/** The last 30 days in Asia/Jakarta, today included: ISO `from`/`to`. */
function last30Days() {
  const to = jakartaDay.format(new Date());
  const [y, m, d] = to.split("-").map(Number);
  const from = new Date(Date.UTC(y, m - 1, d - 29)).toISOString().slice(0, 10);
  return { from, to };
}

const ddmmyyyy = (iso) => iso.split("-").reverse().join("/");

/** "1.234" → 1234 (Indonesian digits). */
const idNumber = (text) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));

/** A customer number nobody else uses: 62812998 and five random digits. */
function uniqueNumber() {
  return `62812998${String(Math.floor(Math.random() * 100_000)).padStart(5, "0")}`;
}

/**
 * POSTs one text message from `from` in the Cloud API webhook shape of
 * tests/fixtures/whatsapp/text.json (as n8n forwards it, with the demo API key).
 */
async function customerWrites(from, text) {
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
              contacts: [{ profile: { name: `E2E Dasbor ${uniqueSuffix()}` }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.E2EDASH${uniqueSuffix()}${from}`,
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
  const res = await api("POST", "/webhooks/whatsapp", { body, headers: { "X-API-KEY": DEMO_KEY } });
  assert.equal(res.status, 200, `POST webhooks/whatsapp: ${JSON.stringify(res.json)}`);
}

const query = (range, extra = "") => `?from=${range.from}&to=${range.to}${extra}`;

/**
 * Whether the demo has a month of WhatsApp traffic; without it, a few customers write
 * first so the dashboard has something to show (the richer checks then stay off).
 */
async function ensureTraffic(token, range) {
  const kpi = await api("GET", `/dashboard/kpi${query(range)}`, { token });
  assert.equal(kpi.status, 200, JSON.stringify(kpi.json));
  if (kpi.json.conversations.value >= 20) return true;
  for (let i = 0; i < 3; i += 1) {
    await customerWrites(uniqueNumber(), `Halo, mau cek resi LOG${Date.now()}${i}`);
  }
  return false;
}

async function waitReady(page) {
  await page.locator('[data-testid="wa-kpi-strip"][data-state="ready"]').waitFor();
  for (const [id] of SECTIONS) {
    await page.locator(`[data-testid="wa-section-${id}"][data-state="ready"]`).waitFor();
  }
}

async function kpiValue(page, card) {
  return (await page.getByTestId(`wa-kpi-${card}-value`).innerText()).trim();
}

export const tests = [
  {
    name: "wa-dashboard: a CS admin opens Efektivitas CRM for the last 30 days; the KPI strip and six sections show the month",
    async run({ page }) {
      const range = last30Days();
      const { token } = await apiLogin(demo("cs_admin"));
      const rich = await ensureTraffic(token, range);

      await signIn(page, demo("cs_admin"), "/");
      await page.getByTestId("dashboard-tab-crm").click();
      await page.waitForURL((u) => u.pathname === PAGE);
      await page.getByRole("heading", { level: 1, name: "Efektivitas CRM" }).waitFor();
      assert.equal(await page.locator('[data-menu="dashboard"].bg-navy-800').count(), 1);

      // The period in dd/mm/yyyy fields; the URL carries ISO days.
      const from = page.getByTestId("wa-filter-from");
      await from.fill(ddmmyyyy(range.from));
      await from.press("Enter");
      const to = page.getByTestId("wa-filter-to");
      await to.fill(ddmmyyyy(range.to));
      await to.press("Enter");
      await page.waitForURL(
        (u) => u.searchParams.get("from") === range.from && u.searchParams.get("to") === range.to,
      );
      assert.equal(await from.inputValue(), ddmmyyyy(range.from));
      await waitReady(page);

      // The KPI strip: five cards with figures, the same as the API's.
      const strip = page.getByTestId("wa-kpi-strip");
      assert.equal(await strip.locator(":scope > [data-testid^='wa-kpi-']").count(), 5);
      for (const card of KPI_CARDS) {
        assert.notEqual(await kpiValue(page, card), "—", `KPI ${card} has a figure`);
      }
      const kpi = (await api("GET", `/dashboard/kpi${query(range)}`, { token })).json;
      assert.equal(idNumber(await kpiValue(page, "active")), kpi.active_conversations);
      assert.equal(idNumber(await kpiValue(page, "tickets")), kpi.open_tickets.total);
      assert.match(await kpiValue(page, "response"), /^\d+( j)?( \d+ m)?( \d+ d)?$|^\d+ (m|d)/);
      assert.equal(
        await page
          .getByTestId("wa-kpi-response")
          .getByTestId("sla-status")
          .getAttribute("data-status"),
        kpi.response_time.sla.status,
      );
      assert.match(await kpiValue(page, "delivery"), /%$/);

      // Every section's heading, each with its data.
      for (const [id, title] of SECTIONS) {
        const heading = page.getByRole("heading", { level: 2, name: title, exact: true });
        await heading.waitFor();
        const section = page.getByTestId(`wa-section-${id}`);
        assert.equal(await section.getByTestId("error-state").count(), 0, `${title}: no error`);
      }
      await page.getByTestId("wa-per-agent").locator("figure svg").first().waitFor();
      await page.getByTestId("wa-response-trend").locator("figure svg").first().waitFor();
      await page.getByTestId("gauge-fill").waitFor();
      await page.getByTestId("wa-resolved-open").locator("figure svg").first().waitFor();
      await page.getByTestId("wa-per-hour").locator("figure svg").first().waitFor();

      // The heat-map: 168 cells, some of them busy, and the peak named as people say it.
      const cells = page.getByTestId("heatmap-cell");
      assert.equal(await cells.count(), 168);
      const counts = await cells.evaluateAll((els) => els.map((e) => Number(e.dataset.count)));
      assert.ok(
        counts.some((c) => c > 0),
        "some hour had incoming messages",
      );
      assert.match(
        (await page.getByTestId("wa-peak-value").innerText()).trim(),
        /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \d{2}:00$/,
      );
      // Its table alternative: a row per weekday.
      await page.getByTestId("wa-heatmap-panel-toggle").click();
      assert.equal(await page.getByTestId("wa-heatmap-panel").locator("tbody tr").count(), 7);
      await page.getByTestId("wa-heatmap-panel-toggle").click();
      await page.getByTestId("wa-heatmap").waitFor();

      if (rich) {
        assert.ok(idNumber(await page.getByTestId("funnel-sent").innerText()) > 0, "messages sent");
        assert.ok((await page.getByTestId("wa-failed-row").count()) > 0, "failed messages listed");
        assert.ok((await page.getByTestId("wa-agent-row").count()) > 0, "agents listed");
        assert.ok(
          (await page.getByTestId("wa-campaigns-table").locator("tbody tr").count()) > 0,
          "campaigns listed",
        );
        assert.match(await page.getByTestId("wa-cost-value").innerText(), /^Rp \d/);
        assert.match(await page.getByTestId("wa-time-saved-value").innerText(), /\d+ (j|m)/);
      }

      // One agent's figures, through the URL (and still there after a reload).
      const agentSelect = page.getByTestId("wa-filter-agent");
      const agentId = await agentSelect.locator("option").nth(1).getAttribute("value");
      await agentSelect.selectOption(agentId);
      await page.waitForURL((u) => u.searchParams.get("agent") === agentId);
      await eventually(async () => {
        const rows = page.getByTestId("wa-agent-row");
        assert.ok((await rows.count()) <= 1);
        if ((await rows.count()) === 1)
          assert.equal(await rows.getAttribute("data-agent"), agentId);
      });
      await page.reload();
      await waitReady(page);
      assert.equal(await page.getByTestId("wa-filter-agent").inputValue(), agentId);
      assert.equal(await page.getByTestId("wa-filter-from").inputValue(), ddmmyyyy(range.from));
    },
  },
  {
    name: "wa-dashboard: a customer's WhatsApp message moves today's count without a reload",
    async run({ page }) {
      const range = last30Days();
      await signIn(page, demo("cs_admin"), `${PAGE}${query(range)}`);
      await waitReady(page);
      await page
        .locator('[data-testid="live-indicator"][data-state="connected"]')
        .waitFor({ timeout: 10_000 });
      await page.evaluate(() => (window.__e2eNoReload = true));
      const before = idNumber(await kpiValue(page, "today"));
      await customerWrites(uniqueNumber(), `Halo, ongkir ke Surabaya berapa? ${uniqueSuffix()}`);
      await eventually(async () => {
        assert.ok(idNumber(await kpiValue(page, "today")) > before, "today's messages went up");
      }, 20_000);
      assert.equal(await page.evaluate(() => window.__e2eNoReload), true, "no reload");
    },
  },
  {
    name: "wa-dashboard: a CS agent sees their own figures without the agent filter",
    async run({ page }) {
      const range = last30Days();
      const { token } = await apiLogin(demo("cs_agent"));
      const me = (await api("GET", "/auth/me", { token })).json;
      await signIn(page, demo("cs_agent"), `${PAGE}${query(range)}`);
      await waitReady(page);
      await page.getByTestId("wa-own-figures").waitFor();
      assert.equal(await page.getByTestId("wa-filter-agent").count(), 0);
      assert.equal(await page.getByTestId("wa-filter-team").count(), 0);
      const rows = page.getByTestId("wa-agent-row");
      assert.ok((await rows.count()) <= 1, "only their own row");
      if ((await rows.count()) === 1) assert.equal(await rows.getAttribute("data-agent"), me.id);
    },
  },
  {
    name: "wa-dashboard: a salesperson has no CRM Effectiveness tab and gets the forbidden state",
    async run({ page }) {
      await signIn(page, demo("salesperson"), "/");
      await page.getByRole("heading", { level: 1, name: "Dasbor" }).waitFor();
      assert.equal(await page.getByTestId("dashboard-tab-crm").count(), 0);
      await page.goto(PAGE);
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    // The name starts with "a11y" so the runner lets axe's inline script through the CSP.
    name: "a11y: the CRM Effectiveness dashboard",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), `${PAGE}${query(last30Days())}`);
      await waitReady(page);
      await assertAccessible(page, PAGE);
    },
  },
];
