// CRM work pages: pipeline kanban (drag and drop persists), activities (log a call),
// a visit with photo and GPS, tasks (add, mark done), marketing spend, analytics, analytics (charts render).
import { fileURLToPath } from "node:url";
import {
  BASE_URL,
  api,
  apiLogin,
  assert,
  assertAccessible,
  demo,
  eventually,
  signIn,
  uniqueSuffix,
} from "../lib.mjs";

/** A real JPEG (the demo's visit photo) for the file input. */
const VISIT_PHOTO = fileURLToPath(
  new URL("../../../crates/server/src/seed/visit_placeholder.jpg", import.meta.url),
);

/** A fresh lead for the salesperson: its customer and prospect (with prospect code). */
async function freshProspect(token, label) {
  const company = `PT E2E ${label} ${uniqueSuffix()}`;
  const lead = await api("POST", "/leads", {
    token,
    body: { company_name: company, contact_name: "E2E Kontak", channel: "website" },
  });
  assert.equal(lead.status, 201, `create lead: ${JSON.stringify(lead.json)}`);
  const prospect = await api("GET", `/prospects/${lead.json.prospect_id}`, { token });
  assert.equal(prospect.status, 200);
  return {
    company,
    customerId: lead.json.customer_id,
    customerCode: lead.json.customer_code,
    prospectId: lead.json.prospect_id,
    code: prospect.json.prospect_code,
  };
}

export const tests = [
  {
    name: "crm-work: salesperson drags a pipeline card to another column and it persists",
    async run({ page }) {
      const { token } = await apiLogin(demo("salesperson"));
      const p = await freshProspect(token, "Drag");
      await signIn(page, demo("salesperson"), "/crm/pipeline");

      const card = page.getByTestId(`prospect-card-${p.code}`);
      await page.getByTestId("stage-column-new").getByTestId(`prospect-card-${p.code}`).waitFor();
      const target = page.getByTestId("stage-column-qualification");
      const patched = page.waitForResponse(
        (r) =>
          r.url().endsWith(`/prospects/${p.prospectId}/stage`) && r.request().method() === "PATCH",
      );
      // Pointer-event drag: press on the card, move in steps onto the column, release.
      await card.scrollIntoViewIfNeeded();
      const from = await card.boundingBox();
      await page.mouse.move(from.x + from.width / 2, from.y + 24);
      await page.mouse.down();
      await target.scrollIntoViewIfNeeded();
      const to = await target.boundingBox();
      await page.mouse.move(to.x + to.width / 2, to.y + Math.min(120, to.height / 2), {
        steps: 12,
      });
      await page.mouse.up();
      assert.equal((await patched).status(), 200);
      await target.getByTestId(`prospect-card-${p.code}`).waitFor();

      await page.reload();
      await page
        .getByTestId("stage-column-qualification")
        .getByTestId(`prospect-card-${p.code}`)
        .waitFor();
      assert.equal(
        await page.getByTestId("stage-column-new").getByTestId(`prospect-card-${p.code}`).count(),
        0,
      );
      const after = await api("GET", `/prospects/${p.prospectId}`, { token });
      assert.equal(after.json.stage, "qualification");

      // Playwright's own dragTo works too; dropping on "lost" asks for the reason first.
      await card.dragTo(page.getByTestId("stage-column-lost"));
      const dialog = page.getByTestId("lost-reason-dialog");
      await dialog.waitFor();
      await page.getByTestId("lost-reason-submit").click();
      await dialog.getByTestId("error-lost_reason").waitFor();
      await page.getByTestId("lost-reason-input").fill("Harga kompetitor lebih murah");
      await page.getByTestId("lost-reason-submit").click();
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("stage-column-lost").getByTestId(`prospect-card-${p.code}`).waitFor();
      await eventually(async () => {
        const lost = await api("GET", `/prospects/${p.prospectId}`, { token });
        assert.equal(lost.json.stage, "lost");
        assert.equal(lost.json.lost_reason, "Harga kompetitor lebih murah");
      });
    },
  },
  {
    name: "crm-work: salesperson logs a call activity",
    async run({ page }) {
      const { token } = await apiLogin(demo("salesperson"));
      const p = await freshProspect(token, "Call");
      const subject = `Telepon follow-up ${uniqueSuffix()}`;
      await signIn(page, demo("salesperson"), "/crm/activities");

      await page.getByTestId("log-activity-open").click();
      const form = page.getByTestId("log-activity-form");
      await form.waitFor();
      await page.getByTestId("activity-type-call").click();
      assert.equal(
        await page.getByTestId("activity-type-call").getAttribute("aria-checked"),
        "true",
      );
      await page.getByTestId("customer-search").fill(p.company);
      await page
        .locator(`[data-testid="customer-option"][data-customer-code="${p.customerCode}"]`)
        .click();
      await page.getByTestId("customer-picked").waitFor();
      await page.getByTestId("activity-subject").fill(subject);
      await page.getByTestId("activity-notes").fill("Minta penawaran harga ekspor.");
      const created = page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === "/api/v1/activities" && r.request().method() === "POST",
      );
      await page.getByTestId("log-activity-submit").click();
      const response = await created;
      assert.equal(response.status(), 201);
      const body = await response.json();
      assert.equal(body.activity_type, "call");
      assert.equal(body.prospect_id, p.prospectId, "linked to the customer's only prospect");
      await form.waitFor({ state: "detached" });

      // The list shows it (newest first).
      await page.getByRole("button", { name: subject, exact: true }).waitFor();
      const list = await api("GET", `/activities?customer_id=${p.customerId}&type=call`, { token });
      assert.ok(list.json.data.some((a) => a.subject === subject));
    },
  },
  {
    name: "crm-work: salesperson logs a visit with a photo and the browser's location",
    async run({ page }) {
      const { token } = await apiLogin(demo("salesperson"));
      const p = await freshProspect(token, "Visit");
      const subject = `Kunjungan ${uniqueSuffix()}`;
      const context = page.context();
      await context.grantPermissions(["geolocation"], { origin: new URL(BASE_URL).origin });
      await context.setGeolocation({ latitude: -6.1754, longitude: 106.8272, accuracy: 12 });
      await signIn(page, demo("salesperson"), "/crm/activities");

      await page.getByTestId("log-activity-open").click();
      await page.getByTestId("log-activity-form").waitFor();
      await page.getByTestId("activity-type-visit").click();
      await page.getByTestId("customer-search").fill(p.company);
      await page
        .locator(`[data-testid="customer-option"][data-customer-code="${p.customerCode}"]`)
        .click();
      await page.getByTestId("customer-picked").waitFor();
      await page.getByTestId("activity-subject").fill(subject);

      // Without evidence the form refuses and says what is missing.
      await page.getByTestId("log-activity-submit").click();
      await page.getByText("Kunjungan memerlukan foto bukti.").waitFor();

      const uploaded = page.waitForResponse(
        (r) => new URL(r.url()).pathname === "/api/v1/files" && r.request().method() === "POST",
      );
      await page.getByTestId("visit-photo-input").setInputFiles(VISIT_PHOTO);
      assert.equal((await uploaded).status(), 201);
      await page.getByTestId("visit-locate").click();
      await eventually(async () =>
        assert.match(await page.getByTestId("visit-location").innerText(), /-6\.17540/),
      );
      const created = page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === "/api/v1/activities" && r.request().method() === "POST",
      );
      await page.getByTestId("log-activity-submit").click();
      const response = await created;
      assert.equal(response.status(), 201);
      const body = await response.json();
      assert.equal(body.activity_type, "visit");
      assert.ok(body.evidence_file_id, "the photo is linked");
      assert.ok(Math.abs(Number(body.latitude) + 6.1754) < 1e-6, `latitude ${body.latitude}`);
      await page.getByTestId("log-activity-result").waitFor();

      // The photo is stored and served back to its owner.
      const photo = await fetch(new URL(`/api/v1/files/${body.evidence_file_id}`, BASE_URL), {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(photo.status, 200);
      assert.equal(photo.headers.get("content-type"), "image/jpeg");
    },
  },
  {
    name: "crm-work: salesperson adds a task and marks it done",
    async run({ page }) {
      const title = `E2E tugas ${uniqueSuffix()}`;
      await signIn(page, demo("salesperson"), "/crm/tasks");
      await page.getByTestId("task-quick-title").fill(title);
      await page.getByTestId("task-quick-add").click();
      const item = page.locator(`[data-testid="task-item"][data-task-title="${title}"]`);
      await item.waitFor();
      const group = await item.evaluate(
        (el) => el.closest("[data-testid^='task-group-']")?.getAttribute("data-testid") ?? "",
      );
      assert.ok(["task-group-today", "task-group-upcoming"].includes(group), group);

      await item.getByTestId("task-done").check();
      await page.getByTestId("task-group-done").locator(`[data-task-title="${title}"]`).waitFor();
      await page.reload();
      await page.getByTestId("task-group-done").locator(`[data-task-title="${title}"]`).waitFor();
      assert.equal(
        await page.locator(`[data-task-title="${title}"]`).getByTestId("task-done").isChecked(),
        true,
      );
    },
  },
  {
    name: "crm-work: marketing staff records ad spend and sees it in the list and the ads analytics",
    async run({ page }) {
      const campaign = `e2e-${uniqueSuffix()}`;
      await signIn(page, demo("marketing_staff"), "/crm/marketing");
      await page.getByTestId("marketing-spend-table").waitFor();
      await page.getByTestId("marketing-add-spend").click();
      const form = page.getByTestId("marketing-spend-form");
      await form.waitFor();
      // Nothing filled in: the form says what is missing and sends nothing.
      await page.getByTestId("marketing-spend-submit").click();
      await form.locator('[id$="-error"], [role="alert"], .text-danger').first().waitFor();
      await form.locator('select[name="platform"]').selectOption("tiktok");
      await form.locator('input[name="amount"]').fill("Rp 1.250.000");
      await form.locator('input[name="clicks"]').fill("1.500");
      await form.locator('input[name="campaign"]').fill(campaign);
      const created = page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === "/api/v1/marketing/spend" &&
          r.request().method() === "POST",
      );
      await page.getByTestId("marketing-spend-submit").click();
      const response = await created;
      assert.equal(response.status(), 201, await response.text());
      const body = await response.json();
      assert.equal(Number(body.amount), 1250000);
      assert.equal(body.clicks, 1500);
      await form.waitFor({ state: "detached" });
      await page.getByTestId("marketing-spend-table").getByText(campaign).waitFor();

      await page.goto("/crm/analytics");
      for (const id of ["funnel", "conversion", "trend", "sources", "ads", "workload"]) {
        await page.getByTestId(`analytics-${id}`).waitFor();
      }
      await page.getByTestId("analytics-ads").getByTestId("ads-table").waitFor();
    },
  },
  {
    // The name starts with "a11y" so the runner lets axe's inline script through the CSP.
    name: "a11y: crm-work pages, marketing, analytics and the log-activity form have no serious violations",
    async run({ page }) {
      await signIn(page, demo("salesperson"), "/crm/pipeline");
      const pages = [
        ["/crm/pipeline", "pipeline-board"],
        ["/crm/forecast", "forecast-table"],
        ["/crm/activities", "log-activity-open"],
        ["/crm/tasks", "task-quick-title"],
        ["/crm/calendar", "calendar-month"],
        ["/crm/calendar?view=week", "calendar-week"],
      ];
      for (const [path, testId] of pages) {
        await page.goto(path);
        await page.getByTestId(testId).waitFor();
        await assertAccessible(page, path);
      }
      await page.goto("/crm/activities");
      await page.getByTestId("log-activity-open").click();
      await page.getByTestId("activity-type-visit").click();
      await page.getByTestId("log-activity-form").waitFor();
      await assertAccessible(page, "log activity form");

      // Marketing pages, as the marketing staff who use them.
      await page.context().clearCookies();
      await signIn(page, demo("marketing_staff"), "/crm/marketing");
      await page.getByTestId("marketing-spend-table").waitFor();
      await assertAccessible(page, "/crm/marketing");
      await page.getByTestId("marketing-add-spend").click();
      await page.getByTestId("marketing-spend-form").waitFor();
      await assertAccessible(page, "spend form");
      await page.goto("/crm/analytics");
      await page.getByTestId("analytics-funnel").waitFor();
      await page.getByTestId("analytics-workload").waitFor();
      await assertAccessible(page, "/crm/analytics");
    },
  },
];
