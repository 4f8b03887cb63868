// Broadcast monitor (live via the event stream) and the dashboard widgets.
import { api, assert, assertAccessible, demo, signIn, uniqueSuffix } from "../lib.mjs";

const N8N_KEY = "demo-n8n-api-key";

/** POSTs one log the way n8n does (X-API-KEY), from node, not the browser. */
async function postLog(body) {
  const res = await api("POST", "/broadcast-logs", { body, headers: { "X-API-KEY": N8N_KEY } });
  assert.ok(
    res.status === 200 || res.status === 201,
    `POST broadcast-logs: ${res.status} ${JSON.stringify(res.json)}`,
  );
  return res;
}

async function waitLive(page) {
  await page
    .locator('[data-testid="live-indicator"][data-state="connected"]')
    .first()
    .waitFor({ timeout: 10_000 });
}

export const tests = [
  {
    name: "broadcast: the broadcast monitor shows a log POSTed with the demo API key without a reload",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), "/ticketing/broadcasts");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByTestId("broadcast-table").waitFor();
      await page.getByTestId("summary-failed").waitFor();
      const failedBefore = Number(
        (await page.getByTestId("summary-failed").innerText()).replace(/\D/g, ""),
      );
      await waitLive(page);
      let navigations = 0;
      page.on("framenavigated", (f) => {
        if (f === page.mainFrame()) navigations += 1;
      });

      const awb = `E2E${uniqueSuffix().toUpperCase()}`;
      await postLog({
        tracking_number: awb,
        consignee_phone: "081234567890",
        status: "failed",
        message_content: "Paket Anda sedang dalam perjalanan",
        error_message: "Nomor tidak terdaftar WA",
      });

      const row = page.locator(`[data-testid="broadcast-row"][data-awb="${awb}"]`);
      await row.waitFor({ timeout: 10_000 });
      assert.equal(await row.getAttribute("data-status"), "failed");
      const tr = page.locator("tbody tr", { has: row });
      assert.match(await tr.innerText(), /Nomor tidak terdaftar WA/);
      // The summary refreshed too, still without a reload.
      await page.waitForFunction(
        (before) => {
          const el = document.querySelector('[data-testid="summary-failed"]');
          return el && Number(el.textContent.replace(/\D/g, "")) > before;
        },
        failedBefore,
        { timeout: 10_000 },
      );
      assert.equal(navigations, 0, "the page must not reload");

      // Search by AWB narrows the table to that log (URL state).
      await page.getByLabel("AWB", { exact: true }).fill(awb);
      await page.waitForURL((u) => u.searchParams.get("tracking_number") === awb);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="broadcast-row"]').length === 1,
      );
    },
  },
  {
    name: "broadcast: a salesperson gets the forbidden state on the broadcast monitor",
    async run({ page }) {
      await signIn(page, demo("salesperson"), "/ticketing/broadcasts");
      await page.getByTestId("forbidden-state").waitFor();
      assert.equal(await page.getByTestId("broadcast-table").count(), 0);
    },
  },
  {
    name: "broadcast: the dashboard shows the counters and the live activity feed",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), "/");
      await page.getByTestId("dash-open-tickets").waitFor();
      await page.getByTestId("dash-broadcasts-sent").waitFor();
      await page.getByTestId("activity-feed").waitFor();
      await waitLive(page);
      const awb = `E2E${uniqueSuffix().toUpperCase()}`;
      await postLog({ tracking_number: awb, consignee_phone: "081234567890", status: "success" });
      await page
        .getByTestId("activity-feed")
        .locator('[data-testid="activity-item"]', { hasText: awb })
        .waitFor({ timeout: 10_000 });

      // A salesperson sees no broadcast counters.
      await page.evaluate(() => localStorage.clear());
      await signIn(page, demo("salesperson"), "/");
      await page.getByTestId("dash-open-tickets").waitFor();
      assert.equal(await page.getByTestId("dash-broadcasts-sent").count(), 0);
    },
  },
  {
    name: "a11y: broadcast monitor and dashboard have no serious/critical axe violations",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), "/ticketing/broadcasts");
      await page.getByTestId("broadcast-table").waitFor();
      await page.getByTestId("summary-sent").waitFor();
      await page
        .locator('[data-testid="broadcast-row"], [data-testid="empty-state"]')
        .first()
        .waitFor();
      await assertAccessible(page, "broadcast monitor");

      await page.goto("/");
      await page.getByTestId("dash-open-tickets").waitFor();
      await page.getByTestId("activity-feed").waitFor();
      await assertAccessible(page, "dashboard");
    },
  },
];
