// SLA business calendar: a CS admin finds it from the SLA report, sees 2027's tentative
// holidays, adds, edits and deletes a collective-leave day; a CS agent only reads; axe.
import { api, apiLogin, assert, assertAccessible, demo, eventually, signIn } from "../lib.mjs";

const DAY = "2027-03-19";
const NAME = "Cuti bersama Idul Fitri 1448 H";
const RENAMED = "Cuti bersama Idul Fitri 1448 H (diubah)";

const rowOf = (page, day) => page.locator(`[data-testid="holiday-row"][data-day="${day}"]`);

/** Steps the year switcher until `year` is shown and its holidays are loaded. */
async function showYear(page, year) {
  const shown = page.getByTestId("calendar-year");
  await shown.waitFor();
  for (let i = 0; i < 10; i += 1) {
    const current = Number((await shown.textContent()).trim());
    if (current === year) break;
    await page.getByTestId(current < year ? "next-year" : "prev-year").click();
    await page.waitForURL(new RegExp(`year=${current < year ? current + 1 : current - 1}`));
  }
  assert.equal((await shown.textContent()).trim(), String(year));
}

/** Removes the test's holiday through the API (a rerun after a failure starts clean). */
async function removeTestHoliday() {
  const { token } = await apiLogin(demo("cs_admin"));
  const res = await api("DELETE", `/sla/holidays/${DAY}`, { token });
  assert.ok([204, 404].includes(res.status), `cleanup → ${res.status}`);
}

export const tests = [
  {
    name: "sla-calendar: a CS admin adds, edits and deletes a collective-leave day in 2027",
    async run({ page }) {
      await removeTestHoliday();
      try {
        await signIn(page, demo("cs_admin"), "/ticketing/tickets/sla");
        await page.getByTestId("sla-calendar-link").click();
        await page.waitForURL(/\/ticketing\/tickets\/sla\/calendar/);
        await page.getByRole("heading", { level: 1, name: "Kalender kerja SLA" }).waitFor();
        await showYear(page, 2027);

        // Working hours: Monday opens, Sunday is closed.
        const monday = page.locator('[data-testid="weekday-hours"][data-isodow="1"]');
        assert.match(await monday.textContent(), /Senin.*08:00–17:00/);
        const sunday = page.locator('[data-testid="weekday-hours"][data-isodow="7"]');
        assert.match(await sunday.textContent(), /Minggu.*Libur/);

        // A decree-dependent holiday is marked tentative, with the explanation above.
        const idulFitri = rowOf(page, "2027-03-10");
        await idulFitri.waitFor();
        assert.match(await idulFitri.textContent(), /Idul Fitri 1448 H/);
        assert.match(await idulFitri.textContent(), /Rabu, 10 Maret 2027/);
        assert.equal(await idulFitri.getByTestId("tentative-badge").textContent(), "Perkiraan");
        assert.equal(await rowOf(page, "2027-01-01").getByTestId("tentative-badge").count(), 0);
        await page.getByTestId("tentative-note").waitFor();

        // Add a collective-leave day.
        assert.equal(await rowOf(page, DAY).count(), 0);
        await page.getByTestId("add-holiday").click();
        const dialog = page.getByTestId("holiday-dialog");
        await dialog.waitFor();
        // A date the server refuses (before 2000): its message sits under the date field.
        await page.getByTestId("holiday-day-input").fill("1999-12-31");
        await page.getByTestId("holiday-name-input").fill(NAME);
        await page.getByTestId("holiday-kind-select").selectOption("collective_leave");
        await page.getByTestId("holiday-submit").click();
        await page.getByTestId("error-day").waitFor();
        assert.equal(
          await page.getByTestId("holiday-day-input").getAttribute("aria-invalid"),
          "true",
        );
        // Typed day first, as in Indonesia, whatever the browser's locale.
        await page.getByTestId("holiday-day-input").fill(DAY.split("-").reverse().join("/"));
        await page.getByTestId("holiday-submit").click();
        await dialog.waitFor({ state: "detached" });
        const added = rowOf(page, DAY);
        await added.waitFor();
        assert.equal(await added.getByTestId("holiday-name").textContent(), NAME);
        assert.equal(await added.getByTestId("holiday-kind").textContent(), "Cuti bersama");
        assert.match(await added.textContent(), /Jumat, 19 Maret 2027/);
        assert.equal(await added.getByTestId("tentative-badge").count(), 0);

        // Edit its name (the date stays fixed).
        await added.getByTestId("edit-holiday").click();
        await dialog.waitFor();
        assert.equal(
          await page.getByTestId("holiday-day-input").inputValue(),
          DAY.split("-").reverse().join("/"),
        );
        assert.equal(
          await page.getByTestId("holiday-day-input").getAttribute("readonly"),
          "",
          "the date of an existing holiday is fixed",
        );
        await page.getByTestId("holiday-name-input").fill(RENAMED);
        await page.getByTestId("holiday-submit").click();
        await dialog.waitFor({ state: "detached" });
        await eventually(async () => {
          assert.equal(await added.getByTestId("holiday-name").textContent(), RENAMED);
        });

        // The server agrees.
        const { token } = await apiLogin(demo("cs_admin"));
        const cal = await api("GET", "/sla/calendar?year=2027", { token });
        const stored = cal.json.holidays.find((h) => h.day === DAY);
        assert.deepEqual(
          { name: stored?.name, kind: stored?.kind, tentative: stored?.tentative },
          { name: RENAMED, kind: "collective_leave", tentative: false },
        );

        // Delete it (confirmed) and it is gone.
        await added.getByTestId("delete-holiday").click();
        await page.getByRole("alertdialog").waitFor();
        await page.getByTestId("confirm-action").click();
        await page.getByRole("alertdialog").waitFor({ state: "detached" });
        await added.waitFor({ state: "detached" });
        await rowOf(page, "2027-03-10").waitFor();
        const after = await api("GET", "/sla/calendar?year=2027", { token });
        assert.ok(!after.json.holidays.some((h) => h.day === DAY), "holiday deleted on the server");
      } finally {
        await removeTestHoliday();
      }
    },
  },
  {
    name: "sla-calendar: a CS agent reads the calendar without add, edit or delete",
    async run({ page }) {
      await signIn(page, demo("cs_agent"), "/ticketing");
      await page.getByTestId("hub-calendar").click();
      await page.waitForURL(/\/ticketing\/tickets\/sla\/calendar/);
      await showYear(page, 2027);
      const idulFitri = rowOf(page, "2027-03-10");
      await idulFitri.waitFor();
      await idulFitri.getByTestId("tentative-badge").waitFor();
      assert.equal(await page.getByTestId("add-holiday").count(), 0);
      assert.equal(await page.getByTestId("edit-holiday").count(), 0);
      assert.equal(await page.getByTestId("delete-holiday").count(), 0);
      assert.ok((await page.getByTestId("holiday-row").count()) > 0);
    },
  },
  {
    // The name starts with "a11y" so the runner lets axe's inline script through the CSP.
    name: "a11y: sla-calendar page, its holiday dialog and delete confirmation",
    async run({ page }) {
      await signIn(page, demo("cs_admin"), "/ticketing/tickets/sla/calendar?year=2027");
      await rowOf(page, "2027-03-10").waitFor();
      await assertAccessible(page, "/ticketing/tickets/sla/calendar");

      await page.getByTestId("add-holiday").click();
      await page.getByTestId("holiday-dialog").waitFor();
      await assertAccessible(page, "add holiday dialog");
      await page.keyboard.press("Escape");
      await page.getByTestId("holiday-dialog").waitFor({ state: "detached" });

      await rowOf(page, "2027-01-01").getByTestId("delete-holiday").click();
      await page.getByRole("alertdialog").waitFor();
      await assertAccessible(page, "delete holiday confirmation");
      await page.keyboard.press("Escape");
      await page.getByRole("alertdialog").waitFor({ state: "detached" });
      await rowOf(page, "2027-01-01").waitFor();

      await page.goto("/ticketing/tickets/sla/calendar?year=2030");
      await page.getByTestId("empty-state").waitFor();
      await assertAccessible(page, "/ticketing/tickets/sla/calendar (empty year)");
    },
  },
];
