// KPI menu (issue #14 item 5): a marketing manager sets a team target for leads in the
// target admin (an overlapping second one is refused on the period field), sees it on
// the team's scorecard, and a new lead moves the actual and the achievement; a
// salesperson sees only their own scorecard; the director sees the company's, read-only;
// a CS admin reaches the target admin from the user menu. Targets are cleaned up through
// the API first, so the spec does not depend on the demo's own targets and reruns.
// KPI-5: the marketing manager closes last month for MKT (reopened through the API first
// when a demo or an earlier run left it closed), sees the frozen figures marked on the
// team's scorecard, reopens it with a reason and reads the history by revision.
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

/** Last month in Asia/Jakarta: `2026-11`. */
function lastMonth() {
  const [y, m] = jakartaDay.format(new Date()).split("-").map(Number);
  const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${ly}-${String(lm).padStart(2, "0")}`;
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

/** Every close of `period` for `dept`, newest revision first. */
async function closesOf(token, period, dept) {
  const res = await api("GET", `/kpi/periods?period=${period}&dept=${dept}`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  return res.json;
}

/** Reopens `period` of `dept` when it is closed, so the spec starts from an open period. */
async function ensureOpen(token, period, dept) {
  const standing = (await closesOf(token, period, dept)).find((c) => !c.reopened_at);
  if (!standing) return;
  const res = await api("POST", "/kpi/periods/reopen", {
    token,
    body: { period, dept, reason: "e2e: start from an open period" },
  });
  assert.equal(res.status, 200, JSON.stringify(res.json));
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
    name: "kpi: a marketing manager closes last month for MKT, sees it on the scorecard, reopens it with a reason",
    async run({ page }) {
      const period = lastMonth();
      const current = thisMonth().period;
      const manager = await apiLogin(demo("marketing_manager"));
      const self = await me(manager.token);
      await ensureOpen(manager.token, period, "MKT");
      const before = await closesOf(manager.token, period, "MKT");
      const revision = Math.max(0, ...before.map((c) => c.revision)) + 1;

      // 1. The period close page (a KPI tab): close last month; the department is fixed to
      //    the manager's and this month (not over) is not offered.
      await signIn(page, demo("marketing_manager"), "/kpi");
      await page.getByTestId("kpi-tab-periods").click();
      await page.waitForURL((u) => u.pathname === "/kpi/periods");
      await page.getByTestId("close-period-open").click();
      const dialog = page.getByTestId("close-period-dialog");
      await dialog.waitFor();
      const select = page.getByTestId("close-period");
      assert.equal(await select.inputValue(), period, "last month is the default");
      assert.equal(await select.locator(`option[value="${current}"]`).count(), 0);
      assert.equal(await page.getByTestId("close-dept").count(), 0, "no department picker");
      assert.equal(await page.getByTestId("close-dept-fixed").isEditable(), false);
      await page.getByTestId("confirm-close-period").click();
      await dialog.waitFor({ state: "detached" });

      const group = page.locator(
        `[data-testid="close-group"][data-period="${period}"][data-dept="MKT"]`,
      );
      await eventually(async () =>
        assert.equal(
          await group.getByTestId("close-state").getAttribute("data-revision"),
          String(revision),
        ),
      );
      assert.equal(await group.getAttribute("data-state"), "closed");

      // 2. Closing it again: 409, said on the period field.
      await page.getByTestId("close-period-open").click();
      await dialog.waitFor();
      await page.getByTestId("confirm-close-period").click();
      const conflict = page.getByTestId("error-period");
      await conflict.waitFor();
      assert.ok((await conflict.innerText()).includes("sudah ditutup"));
      await page.getByRole("button", { name: "Batal" }).click();
      await dialog.waitFor({ state: "detached" });

      // 3. The team's scorecard of last month: the frozen rows carry "Ditutup (rev. N)".
      const scored = await api("GET", `/kpi/scorecard?period=${period}&team=${self.id}`, {
        token: manager.token,
      });
      assert.equal(scored.status, 200, JSON.stringify(scored.json));
      const frozen = scored.json.rows.filter((r) => r.closed_revision === revision);
      assert.ok(frozen.length > 0, "the team's MKT targets are frozen");
      await page.goto(`/kpi?period=${period}&scope=team:${self.id}`);
      const closedCard = card(page, frozen[0].metric_key);
      await closedCard.getByTestId("kpi-closed").waitFor();
      assert.equal(
        (await closedCard.getByTestId("kpi-closed").innerText()).trim(),
        `Ditutup (rev. ${revision})`,
      );
      assert.equal(await page.getByTestId("kpi-closed").count(), frozen.length);
      await page.getByTestId("kpi-closed-note").waitFor();

      // 4. Reopen with a reason (required: an empty one is refused on the field).
      await page.goto("/kpi/periods");
      await group.getByTestId("reopen-period").click();
      const reopen = page.getByTestId("reopen-period-dialog");
      await reopen.waitFor();
      await page.getByTestId("confirm-reopen-period").click();
      await page.getByTestId("error-reason").waitFor();
      const reason = `e2e: koreksi leads ${uniqueSuffix()}`;
      await page.getByTestId("reopen-reason").fill(reason);
      await page.getByTestId("confirm-reopen-period").click();
      await reopen.waitFor({ state: "detached" });

      // 5. The history: reopened, every revision newest first, the reason on this one.
      await eventually(async () =>
        assert.equal(await group.getAttribute("data-state"), "reopened"),
      );
      const revisions = group.getByTestId("close-revision");
      const numbers = await revisions.evaluateAll((rows) => rows.map((r) => r.dataset.revision));
      assert.deepEqual(
        numbers,
        Array.from({ length: revision }, (_, i) => String(revision - i)),
      );
      const latest = group.locator(`[data-testid="close-revision"][data-revision="${revision}"]`);
      assert.equal(await latest.getAttribute("data-reopened"), "true");
      assert.equal((await latest.getByTestId("close-reason").innerText()).trim(), reason);
      assert.ok((await latest.innerText()).includes(`rev. ${revision}`));
      assert.ok((await latest.innerText()).includes(self.full_name), "reopened by the manager");

      // 6. The scorecard shows live figures again.
      await page.goto(`/kpi?period=${period}&scope=team:${self.id}`);
      await card(page, frozen[0].metric_key).waitFor();
      assert.equal(await page.getByTestId("kpi-closed").count(), 0);
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
      await page.keyboard.press("Escape");
      assert.equal(await page.getByTestId("kpi-tab-periods").count(), 0);
      await page.goto("/kpi/periods");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    name: "kpi: the sales manager sets their team's targets but closes no period",
    async run({ page }) {
      const sales = await apiLogin(demo("sales_manager"));
      const res = await api("POST", "/kpi/periods/close", {
        token: sales.token,
        body: { period: lastMonth(), dept: "SAL" },
      });
      assert.equal(res.status, 403, JSON.stringify(res.json));
      await signIn(page, demo("sales_manager"), "/kpi/targets");
      await page.getByTestId("kpi-tab-targets").waitFor();
      assert.equal(await page.getByTestId("kpi-tab-periods").count(), 0);
      await page.goto("/kpi/periods");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    name: "kpi: a CS admin (no KPI menu) opens the target admin from the user menu, and the period close",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), "/");
      await openUserMenu(page);
      await page.getByTestId("menu-kpi-targets").click();
      await page.waitForURL((u) => u.pathname === "/kpi/targets");
      await page.getByTestId("new-target").waitFor();
      assert.equal(await page.getByTestId("kpi-tab-scorecard").count(), 0, "no scorecard tab");
      // Only the target admin and the period close (CS's own periods); the menu closed
      // itself on the way.
      assert.equal(await page.getByRole("menu").count(), 0, "the user menu closes on select");
      await page.getByTestId("kpi-tab-periods").click();
      await page.waitForURL((u) => u.pathname === "/kpi/periods");
      await page.getByTestId("close-period-open").waitFor();
      await page.goto("/kpi");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    name: "a11y: kpi scorecard, charts, targets, entries, period close and their forms have no serious/critical axe violations",
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
      await page.keyboard.press("Escape");
      await page.getByTestId("kpi-tab-periods").click();
      await page
        .locator('[data-testid="close-group"], [data-testid="empty-state"]')
        .first()
        .waitFor();
      await assertAccessible(page, "kpi period close");
      await page.getByTestId("close-period-open").click();
      await page.getByTestId("close-period-dialog").waitFor();
      await assertAccessible(page, "kpi close period form");
    },
  },
];
