// USR-1: a salesperson opens "Laporan saya" from the user menu and sees the same figures
// as GET me/report (and downloads the xlsx); the dashboard's to-do lists their own open
// task, overdue first, and ticking it done takes it off the open list. Rows are the
// spec's own (a lead and a task created here), nothing other specs count on is changed.
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

const count = (n) => new Intl.NumberFormat("id-ID").format(n);

export const tests = [
  {
    name: "me-report: a salesperson opens Laporan saya from the user menu and sees their figures",
    async run({ page }) {
      const { token } = await apiLogin(demo("salesperson"));
      const lead = await api("POST", "/leads", {
        token,
        body: {
          company_name: `PT E2E Laporan ${uniqueSuffix()}`,
          contact_name: "E2E",
          channel: "website",
        },
      });
      assert.equal(lead.status, 201, JSON.stringify(lead.json));
      const report = await api("GET", "/me/report", { token });
      assert.equal(report.status, 200);
      assert.ok(report.json.leads.total >= 1, "the new lead counts");

      await signIn(page, demo("salesperson"), "/");
      await openUserMenu(page);
      await page.getByTestId("menu-me-report").click();
      await page.waitForURL(/\/me\/report/);
      await page.getByRole("heading", { name: "Laporan saya", level: 1 }).waitFor();
      const figure = (id) => page.getByTestId(id).textContent();
      await eventually(async () =>
        assert.equal(await figure("report-leads-total"), count(report.json.leads.total)),
      );
      assert.equal(await figure("report-activities-total"), count(report.json.activities.total));
      assert.equal(await figure("report-tasks-open"), count(report.json.tasks.open));
      assert.equal(await figure("report-tickets-opened"), count(report.json.tickets.opened));
      await page.getByTestId("report-targets").waitFor();
      await page.getByTestId("report-ar-outstanding").waitFor();

      const exported = page.waitForResponse(
        (r) => r.url().includes("/api/v1/exports/me-report") && r.request().method() === "GET",
      );
      const download = page.waitForEvent("download");
      await page.getByTestId("report-export").click();
      assert.equal((await exported).status(), 200);
      assert.match((await download).suggestedFilename(), /^me-report-\d{4}-\d{2}\.xlsx$/);
    },
  },
  {
    name: "me-report: a salesperson ticks a task done in the dashboard to-do and it leaves the open list",
    async run({ page }) {
      const { token } = await apiLogin(demo("salesperson"));
      const title = `E2E to-do ${uniqueSuffix()}`;
      // Due long ago: the most overdue task, so first in the widget.
      const task = await api("POST", "/tasks", {
        token,
        body: { title, due_at: "2021-01-04T02:00:00Z" },
      });
      assert.equal(task.status, 201, JSON.stringify(task.json));

      await signIn(page, demo("salesperson"), "/");
      const widget = page.getByTestId("todo-widget");
      const item = widget.getByTestId("todo-item").filter({ hasText: title });
      await item.waitFor();
      const first = await widget.getByTestId("todo-item").first().textContent();
      assert.ok(first.includes(title), `the most overdue task comes first, not: ${first}`);
      const patched = page.waitForResponse(
        (r) => r.url().endsWith(`/tasks/${task.json.id}`) && r.request().method() === "PATCH",
      );
      await item.getByRole("checkbox", { name: `Tandai selesai: ${title}` }).check();
      assert.equal((await patched).status(), 200);
      await item.waitFor({ state: "detached" });

      const after = await api("GET", `/tasks/${task.json.id}`, { token });
      assert.equal(after.json.status, "done");
      const open = await api("GET", `/tasks?owner=me&status=open&per_page=200`, { token });
      assert.ok(!open.json.data.some((t) => t.id === task.json.id), "no longer open");
    },
  },
  {
    name: "a11y: Laporan saya and the dashboard to-do have no serious violations",
    async run({ page }) {
      await signIn(page, demo("salesperson"), "/me/report");
      await page.getByTestId("report-leads").waitFor();
      await page.getByTestId("report-ar").waitFor();
      await assertAccessible(page, "/me/report");
      await page.goto("/");
      await page.getByTestId("todo-widget").waitFor();
      await page
        .getByTestId("todo-list")
        .or(page.getByTestId("todo-widget").getByTestId("empty-state"))
        .first()
        .waitFor();
      await assertAccessible(page, "dashboard to-do");
    },
  },
];
