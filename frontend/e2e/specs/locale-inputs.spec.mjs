// Numbers and days the Indonesian way whatever the browser: `1.500` typed into the RFQ
// weight is one thousand five hundred kilos, `1.500.000,50` typed into a prospect's value
// is stored as 1500000.50 and shown back as typed; a date filter in an English (en-US)
// browser still shows dd/mm/yyyy; a deep link to a record the user may not see says
// "Akses ditolak", not a load error; the login page's JavaScript stays within budget
// over the wire.
import { api, apiLogin, assert, demo, eventually, signIn, uniqueSuffix } from "../lib.mjs";

/** Initial JavaScript of the login page over the wire (compressed bytes), in KB. */
const LOGIN_JS_BUDGET_KB = 250;

export const tests = [
  {
    name: "locale: RFQ weight 1.500 is 1500 kg, stored and shown back after a reload; Ops see labels",
    async run({ page }) {
      const company = `PT Angka Uji ${uniqueSuffix()}`;
      await signIn(page, demo("marketing_staff"), "/crm/leads/new");
      await page.locator('input[name="company_name"]').fill(company);
      await page.locator('input[name="contact_name"]').fill("Budi Angka");
      await page.locator('select[name="channel"]').selectOption("website");
      await page.getByTestId("need-rfq").check();
      await page.locator('select[name="rfq_service"]').selectOption("EXIM");
      await page.locator('input[name="rfq_origin"]').fill("Jakarta");
      await page.locator('input[name="rfq_destination"]').fill("Surabaya");
      await page.locator('input[name="rfq_commodity"]').fill("Kopi");
      await page.locator('input[name="rfq_weight_kg"]').fill("1.500");
      await page.locator('input[name="rfq_volume_cbm"]').fill("2,5");
      await page.getByTestId("save-lead").click();
      const ticketText = await page.getByTestId("rfq-ticket").innerText();
      const ticketCode = ticketText.match(/TKT-\d{4}-\d+/)?.[0];
      assert.ok(ticketCode, `ticket code in "${ticketText}"`);

      const ops = await apiLogin(demo("ops_exim"));
      const listed = await api("GET", `/ops/rfqs?q=${encodeURIComponent(ticketCode)}`, {
        token: ops.token,
      });
      assert.equal(listed.status, 200);
      const rfq = listed.json.data.find((r) => r.ticket_code === ticketCode);
      assert.ok(rfq, "the RFQ is listed for Ops");
      assert.equal(Number(rfq.rfq.weight_kg), 1500, "1.500 is stored as 1500 kg");
      assert.equal(Number(rfq.rfq.volume_cbm), 2.5, "2,5 is stored as 2.5 cbm");

      await page.context().clearCookies();
      await signIn(page, demo("ops_exim"), `/ticketing/rfqs/${rfq.id}`);
      for (let round = 0; round < 2; round += 1) {
        await page.getByTestId("rfq-weight_kg").waitFor();
        assert.equal((await page.getByTestId("rfq-weight_kg").innerText()).trim(), "1.500");
        assert.equal((await page.getByTestId("rfq-volume_cbm").innerText()).trim(), "2,5");
        // Status and priority in Indonesian, not the API's English values.
        const status = (await page.getByTestId("ticket-status").innerText()).trim();
        assert.equal(status, "Terbuka");
        await page.reload();
      }
      await page.goto(`/ticketing/rfqs?q=${encodeURIComponent(ticketCode)}`);
      const row = page.locator("tr", { hasText: ticketCode });
      await row.waitFor();
      assert.equal((await row.getByTestId("ticket-status").innerText()).trim(), "Terbuka");
      assert.doesNotMatch(await row.innerText(), /\bopen\b/);
    },
  },
  {
    name: "locale: a prospect value typed 1.500.000,50 is stored as 1500000.50 and shown back as typed",
    async run({ page }) {
      const { token } = await apiLogin(demo("salesperson"));
      const company = `PT Nilai Uji ${uniqueSuffix()}`;
      const lead = await api("POST", "/leads", {
        token,
        body: { company_name: company, contact_name: "Sari Nilai", channel: "website" },
      });
      assert.equal(lead.status, 201, JSON.stringify(lead.json));
      const prospectId = lead.json.prospect_id;

      await signIn(page, demo("salesperson"), "/crm/pipeline");
      const open = async () => {
        await page.getByRole("button", { name: company }).click();
        await page.getByTestId("prospect-form").waitFor();
      };
      await open();
      await page.locator('input[name="expected_value"]').fill("1.500.000,50");
      await page.getByTestId("prospect-form").getByRole("button", { name: "Simpan" }).click();
      await eventually(async () => {
        const stored = await api("GET", `/prospects/${prospectId}`, { token });
        assert.equal(stored.json.expected_value, "1500000.50");
      });

      await page.reload();
      await open();
      assert.equal(await page.locator('input[name="expected_value"]').inputValue(), "1.500.000,50");
    },
  },
  {
    name: "locale: in an en-US browser the date filter shows and reads dd/mm/yyyy",
    async run({ browser }) {
      const context = await browser.newContext({
        baseURL: (await import("../lib.mjs")).BASE_URL,
        locale: "en-US",
        timezoneId: "Asia/Jakarta",
      });
      try {
        const page = await context.newPage();
        await signIn(page, demo("cs_agent"), "/ticketing/tickets?from=2026-03-01&to=2026-03-31");
        const from = page.getByTestId("range-from");
        await from.waitFor();
        assert.equal(await page.evaluate(() => navigator.language), "en-US");
        assert.equal(await from.inputValue(), "01/03/2026");
        assert.equal(await page.getByTestId("range-to").inputValue(), "31/03/2026");
        await from.fill("05/03/2026");
        await from.press("Enter");
        await page.waitForURL((u) => u.searchParams.get("from") === "2026-03-05");
        assert.equal(await from.inputValue(), "05/03/2026");
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "size: the login page's initial JavaScript is at most 250 KB over the wire",
    async run({ page }) {
      const scripts = [];
      page.on("response", (r) => {
        if (new URL(r.url()).pathname.endsWith(".js")) scripts.push(r);
      });
      await page.goto("/login", { waitUntil: "networkidle" });
      await page.locator('input[name="email"]').waitFor();
      assert.ok(scripts.length > 0, "the login page loads JavaScript");
      let wire = 0;
      for (const response of scripts) {
        const encoding = response.headers()["content-encoding"];
        // The build compresses every file of 1 KB or more (smaller ones gain nothing).
        if ((await response.body()).length >= 1024) {
          assert.ok(
            encoding === "br" || encoding === "gzip",
            `${response.url()} comes compressed (content-encoding ${encoding})`,
          );
        }
        assert.match(response.headers()["cache-control"] ?? "", /immutable/);
        wire += (await response.request().sizes()).responseBodySize;
      }
      const kb = wire / 1024;
      console.log(
        `    login page JS over the wire: ${kb.toFixed(1)} KB in ${scripts.length} files`,
      );
      assert.ok(kb <= LOGIN_JS_BUDGET_KB, `${kb.toFixed(1)} KB > ${LOGIN_JS_BUDGET_KB} KB`);
    },
  },
  {
    name: "states: a deep link to a record the user may not see says Akses ditolak",
    async run({ page }) {
      const admin = await apiLogin(demo("super_admin"));
      const invoices = await api("GET", "/invoices?per_page=1", { token: admin.token });
      const leads = await api("GET", "/leads?per_page=1", { token: admin.token });
      const invoice = invoices.json.data[0];
      const lead = leads.json.data[0];
      assert.ok(invoice && lead, "the demo data has an invoice and a lead");
      const cs = await apiLogin(demo("cs_agent"));
      assert.equal((await api("GET", `/invoices/${invoice.id}`, { token: cs.token })).status, 403);

      await signIn(page, demo("cs_agent"), `/dso/invoices/${invoice.id}`);
      for (const path of [`/dso/invoices/${invoice.id}`, `/crm/leads/${lead.id}`]) {
        await page.goto(path);
        const denied = page.getByTestId("forbidden-state");
        await denied.waitFor();
        assert.match(await denied.innerText(), /Akses ditolak/, path);
        assert.equal(await page.getByText("Gagal memuat data").count(), 0, path);
      }
    },
  },
];
