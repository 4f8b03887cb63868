// The CRM flow of issue #4: marketing staff enters a lead with an RFQ and sees the dedup
// message on a second entry; the marketing manager assigns it; the salesperson drags it
// to `qualification` after the bell told them; Operations see the RFQ with the customer masked
// and answer with a quote that marketing reads on the same ticket.
import { api, apiLogin, assert, demo, eventually, signIn, uniqueSuffix } from "../lib.mjs";

/** A fresh 15-digit NPWP in its printed form (01.234.567.8-901.000) and plain. */
function freshNpwp() {
  const digits = `7${Date.now().toString().slice(-11)}${Math.floor(Math.random() * 900 + 100)}`;
  const printed = `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}.${digits.slice(8, 9)}-${digits.slice(9, 12)}.${digits.slice(12, 15)}`;
  return { digits, printed };
}

async function fillLead(page, { company, contact, npwp }) {
  if (company) await page.locator('input[name="company_name"]').fill(company);
  await page.locator('input[name="contact_name"]').fill(contact);
  await page.locator('input[name="npwp"]').fill(npwp);
  await page.locator('select[name="channel"]').selectOption("website");
}

export const tests = [
  {
    name: "crm-flow: lead with RFQ and dedup message, handover, drag to qualification, masked RFQ for ops",
    async run({ page }) {
      const company = `PT Alur Uji ${uniqueSuffix()}`;
      const npwp = freshNpwp();

      // 1. Marketing staff enters the lead with an RFQ.
      await signIn(page, demo("marketing_staff"), "/crm/leads/new");
      await fillLead(page, { company, contact: "Budi Santoso", npwp: npwp.printed });
      await page.getByTestId("need-rfq").check();
      await page.locator('select[name="rfq_service"]').selectOption("EXIM");
      await page.locator('input[name="rfq_origin"]').fill("Jakarta");
      await page.locator('input[name="rfq_destination"]').fill("Singapore");
      await page.locator('input[name="rfq_commodity"]').fill("Garmen");
      await page.locator('input[name="rfq_weight_kg"]').fill("1200");
      await page.getByTestId("save-lead").click();
      const result = page.getByTestId("lead-result");
      await result.waitFor();
      assert.match(await page.getByTestId("dedup-message").innerText(), /Pelanggan baru dibuat/);
      const ticketText = await page.getByTestId("rfq-ticket").innerText();
      const ticketCode = ticketText.match(/TKT-\d{4}-\d+/)?.[0];
      assert.ok(ticketCode, `ticket code in "${ticketText}"`);

      // 2. The same NPWP typed another way links to the same customer, and says so.
      await page.getByRole("button", { name: "Masukkan lead lain" }).click();
      await fillLead(page, { contact: "Sari", npwp: npwp.digits });
      await page.getByTestId("save-lead").click();
      await result.waitFor();
      const message = await page.getByTestId("dedup-message").innerText();
      assert.match(message, /cocok pada NPWP/);
      assert.ok(message.includes(company), message);

      // 3. The marketing manager hands the first lead to the salesperson.
      const staff = await apiLogin(demo("marketing_staff"));
      const found = await api("GET", `/leads?q=${encodeURIComponent(company)}&sort=created_at`, {
        token: staff.token,
      });
      assert.equal(found.status, 200);
      const lead = found.json.data.find((l) => l.need_rfq);
      assert.ok(lead, "the RFQ lead is listed");
      const manager = await apiLogin(demo("marketing_manager"));
      const people = await api(
        "GET",
        `/users?role=salesperson&q=${encodeURIComponent(demo("salesperson"))}`,
        {
          token: manager.token,
        },
      );
      const salesperson = people.json.data.find((u) => u.email === demo("salesperson"));
      assert.ok(salesperson, "the demo salesperson exists");
      await page.context().clearCookies();
      await signIn(page, demo("marketing_manager"), `/crm/leads/${lead.id}`);
      await page.getByTestId("assign-lead").click();
      // Pick the salesperson by name, as a manager would.
      const option = page
        .getByTestId("assignee")
        .locator("option", { hasText: salesperson.full_name })
        .first();
      await option.waitFor({ state: "attached" });
      await page.getByTestId("assignee").selectOption({ label: await option.innerText() });
      await page.getByTestId("confirm-assign").click();
      await eventually(async () =>
        assert.equal(await page.getByTestId("lead-sales-owner").innerText(), salesperson.full_name),
      );

      // 4. The salesperson is told by the header bell, follows it to the lead, then drags
      //    the prospect to `qualification` on the kanban.
      await signIn(page, demo("salesperson"), "/crm/pipeline");
      await page.getByTestId("notification-count").waitFor();
      await page.getByTestId("notification-bell").click();
      await page
        .getByTestId("notification-item")
        .filter({ hasText: lead.lead_code })
        .first()
        .click();
      await page.waitForURL((url) => url.pathname === `/crm/leads/${lead.id}`);
      const prospectCode = (await page.getByTestId("lead-prospect-code").innerText()).trim();
      assert.match(prospectCode, /^PRS-/);
      await page.goto("/crm/pipeline");
      const card = page
        .getByTestId("stage-column-new")
        .getByTestId(`prospect-card-${prospectCode}`);
      await card.waitFor();
      const target = page.getByTestId("stage-column-qualification");
      const patched = page.waitForResponse(
        (r) => r.url().includes("/stage") && r.request().method() === "PATCH",
      );
      await card.scrollIntoViewIfNeeded();
      const from = await card.boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + 24);
      await page.mouse.down();
      await target.scrollIntoViewIfNeeded();
      const to = await target.boundingBox();
      // Drop near the column's head: a long column's middle can be below the fold.
      await page.mouse.move(to.x + to.width / 2, to.y + Math.min(120, to.height / 2), {
        steps: 12,
      });
      await page.mouse.up();
      assert.equal((await patched).status(), 200);
      await page.reload();
      await page
        .getByTestId("stage-column-qualification")
        .getByTestId(`prospect-card-${prospectCode}`)
        .waitFor();

      // 5. Operations (EXIM) see the RFQ with the customer masked.
      await signIn(page, demo("ops_exim"), `/ticketing/rfqs?q=${ticketCode}`);
      await page.getByRole("link", { name: ticketCode }).click();
      await eventually(async () =>
        assert.equal((await page.getByTestId("rfq-company").innerText()).trim(), "MASKED"),
      );
      assert.ok(!(await page.content()).includes(company), "the company name never reaches ops");

      // 6. Operations answer with a quote; marketing reads it on the same ticket, with the
      //    customer's identity.
      const quote = `LCL Jakarta → Singapore Rp 4.500.000/cbm ${uniqueSuffix()}`;
      await page.getByTestId("rfq-quote-input").fill(quote);
      await page.getByTestId("rfq-quote-submit").click();
      await page.getByTestId("rfq-message").filter({ hasText: quote }).waitFor();
      assert.ok(!(await page.content()).includes(company), "still masked after replying");
      const ticketId = new URL(page.url()).pathname.split("/").pop();
      await eventually(async () => {
        const seen = await api("GET", `/tickets/${ticketId}`, { token: staff.token });
        assert.equal(seen.status, 200);
        assert.equal(seen.json.company_name, company);
        assert.ok(seen.json.comments.some((c) => c.comment_text === quote));
      });
    },
  },
];
