// KPI menu (issue #14 item 5): a marketing manager sets a team target for leads in the
// target admin (an overlapping second one is refused on the period field), sees it on
// the team's scorecard, and a new lead moves the actual and the achievement; a
// salesperson sees only their own scorecard; the director sees the company's, read-only;
// a CS admin reaches the target admin from the user menu. Targets are cleaned up through
// the API first, so the spec does not depend on the demo's own targets and reruns.
import {
  api,
  apiLogin,
  assert,
  assertAccessible,
  demo,
  eventually,
  openUserMenu,
  signIn,
  uniqueSuffix,
} from "../lib.mjs";

const jakartaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });

/** This month in Asia/Jakarta: `2026-12`, its first and last day. */
function thisMonth() {
  const [y, m] = jakartaDay.format(new Date()).split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { period: `${y}-${mm}`, from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
}

const ddmmyyyy = (iso) => iso.split("-").reverse().join("/");

/** "1.234" → 1234; "85,7%" → 85.7 (Indonesian digits). */
const idNumber = (text) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));

async function me(token) {
  const res = await api("GET", "/auth/me", { token });
  assert.equal(res.status, 200);
  return res.json;
}

/** Deletes every leads_total target of the manager's team that touches this month. */
async function clearTeamLeadTargets(token, managerId, month) {
  const res = await api(
    "GET",
    `/kpi/targets?metric_key=leads_total&assignee_kind=team&assignee_user_id=${managerId}` +
      `&from=${month.from}&to=${month.to}&per_page=200`,
    { token },
  );
  assert.equal(res.status, 200, JSON.stringify(res.json));
  for (const t of res.json.data) {
    const del = await api("DELETE", `/kpi/targets/${t.id}`, { token });
    assert.equal(del.status, 204, JSON.stringify(del.json));
  }
}

function card(page, metric) {
  return page.locator(`[data-testid="kpi-card"][data-metric="${metric}"]`);
}

export const tests = [
  {
    name: "kpi: a marketing manager sets a team target for leads; a new lead moves the actual",
    async run({ page }) {
      const month = thisMonth();
      const manager = await apiLogin(demo("marketing_manager"));
      const self = await me(manager.token);
      await clearTeamLeadTargets(manager.token, self.id, month);

      // 1. The target admin: a team target for leads this month (the form's defaults:
      //    my team, this month).
      await signIn(page, demo("marketing_manager"), "/kpi/targets");
      const setTarget = async () => {
        await page.getByTestId("new-target").click();
        await page.getByTestId("target-dialog").waitFor();
        await page.getByTestId("target-metric").selectOption("leads_total");
        assert.equal(await page.getByTestId("assignee-kind").inputValue(), "team");
        assert.equal(await page.getByTestId("assignee-user").inputValue(), self.id);
        await page.getByTestId("target-value").fill("987");
        await page.getByTestId("save-target").click();
      };
      await setTarget();
      await page.getByTestId("target-dialog").waitFor({ state: "detached" });

      // 2. The same metric, assignee and month again: 409, said on the period field with
      //    the days and value of the target in the way.
      await setTarget();
      const overlap = page.getByTestId("error-period");
      await overlap.waitFor();
      const text = await overlap.innerText();
      assert.ok(text.includes(ddmmyyyy(month.from)) && text.includes(ddmmyyyy(month.to)), text);
      assert.ok(text.includes("987"), text);
      await page.getByRole("button", { name: "Batal" }).click();
      await page.getByTestId("target-dialog").waitFor({ state: "detached" });

      // 3. The team's scorecard shows the target and the actual.
      await page.goto(`/kpi?scope=team:${self.id}`);
      const leads = card(page, "leads_total");
      await eventually(async () =>
        assert.equal(await leads.getByTestId("kpi-target").innerText(), "987"),
      );
      assert.equal((await leads.getAttribute("data-status")) !== "na", true);
      const before = idNumber(await leads.getByTestId("kpi-actual").innerText());
      assert.equal(
        await leads.getByTestId("kpi-provenance").getAttribute("data-provenance"),
        "auto",
      );

      // 4. A new lead by the manager counts for the team; after a reload the actual and
      //    the achievement move (as the API computes them).
      const lead = await api("POST", "/leads", {
        token: manager.token,
        body: {
          company_name: `KPI E2E ${uniqueSuffix()}`,
          contact_name: "E2E",
          channel: "website",
        },
      });
      assert.equal(lead.status, 201, JSON.stringify(lead.json));
      const scored = await api("GET", `/kpi/scorecard?period=${month.period}&team=${self.id}`, {
        token: manager.token,
      });
      const row = scored.json.rows.find((r) => r.metric_key === "leads_total");
      assert.equal(Number(row.actual), before + 1, "the API counts the new lead");

      await page.reload();
      await eventually(async () =>
        assert.equal(idNumber(await leads.getByTestId("kpi-actual").innerText()), before + 1),
      );
      const pct = idNumber(await leads.getByTestId("kpi-achievement").innerText());
      assert.ok(
        Math.abs(pct - Number(row.achievement_pct)) < 0.06,
        `${pct} vs ${row.achievement_pct}`,
      );
      assert.ok(Math.abs(pct - ((before + 1) / 987) * 100) < 0.06, `${pct}%`);
    },
  },
  {
    name: "kpi: a salesperson sees only their own scorecard",
    async run({ page }) {
      const sales = await apiLogin(demo("salesperson"));
      const other = await api("GET", "/users?q=salesperson2%40demo.local", { token: sales.token });
      const otherId = other.json.data[0]?.id;
      assert.ok(otherId, "salesperson2 is in the directory");

      await signIn(page, demo("salesperson"), "/kpi");
      assert.equal((await page.getByTestId("kpi-title").innerText()).trim(), "Scorecard saya");
      await page.getByTestId("kpi-card").first().waitFor();
      assert.equal(await page.getByTestId("kpi-scope").count(), 0, "no scope picker");
      assert.equal(await page.getByTestId("kpi-tab-targets").count(), 0, "no target admin tab");

      // Asking for someone else's is refused by the API, and the page says so.
      await page.goto(`/kpi?scope=user:${otherId}`);
      await page.getByTestId("forbidden-state").waitFor();
      for (const q of [`assignee_user_id=${otherId}`, "company=true", "dept=SAL"]) {
        const res = await api("GET", `/kpi/scorecard?${q}`, { token: sales.token });
        assert.equal(res.status, 403, `${q}: ${JSON.stringify(res.json)}`);
      }
      await page.goto("/kpi/targets");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    name: "kpi: the director sees the company scorecard, read-only",
    async run({ page }) {
      await signIn(page, demo("director"), "/kpi");
      await page.getByTestId("kpi-card").first().waitFor();
      assert.equal(await page.getByTestId("kpi-scope").inputValue(), "company");
      assert.ok((await page.getByTestId("kpi-title").innerText()).includes("Perusahaan"));
      assert.equal(await page.getByTestId("kpi-tab-targets").count(), 0);

      await page.getByTestId("kpi-tab-entries").click();
      await page.waitForURL((u) => u.pathname === "/kpi/entries");
      await page.locator("tbody tr").first().waitFor();
      assert.equal(await page.getByTestId("new-entry").count(), 0, "the director enters nothing");

      await page.goto("/kpi/targets");
      await page.getByTestId("forbidden-state").waitFor();
      await openUserMenu(page);
      assert.equal(await page.getByTestId("menu-kpi-targets").count(), 0);
    },
  },
  {
    name: "kpi: a CS admin (no KPI menu) opens the target admin from the user menu",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), "/");
      await openUserMenu(page);
      await page.getByTestId("menu-kpi-targets").click();
      await page.waitForURL((u) => u.pathname === "/kpi/targets");
      await page.getByTestId("new-target").waitFor();
      assert.equal(await page.getByTestId("kpi-tab-scorecard").count(), 0, "no KPI tabs");
      await page.goto("/kpi");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    name: "a11y: kpi scorecard, charts, targets, entries and their forms have no serious/critical axe violations",
    async run({ page }) {
      await signIn(page, demo("marketing_manager"), "/kpi");
      await page.getByTestId("kpi-card").first().waitFor();
      await assertAccessible(page, "kpi scorecard");
      await page.getByTestId("kpi-tab-trend").click();
      await page.getByTestId("kpi-chart").first().waitFor();
      await assertAccessible(page, "kpi charts");
      await page.getByTestId("kpi-tab-targets").click();
      await page.locator("tbody tr[data-row-id]").first().waitFor();
      await assertAccessible(page, "kpi targets");
      await page.getByTestId("new-target").click();
      await page.getByTestId("target-dialog").waitFor();
      await assertAccessible(page, "kpi target form");
      await page.keyboard.press("Escape");
      await page.getByTestId("kpi-tab-entries").click();
      await page.locator("tbody tr[data-row-id]").first().waitFor();
      await assertAccessible(page, "kpi entries");
      await page.getByTestId("new-entry").click();
      await page.getByTestId("entry-dialog").waitFor();
      await assertAccessible(page, "kpi entry form");
    },
  },
];
