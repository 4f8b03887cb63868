// DASH-2 in the browser: a widget's number is the total its "see the list" link shows.
import { assert, demo, eventually, signIn } from "../lib.mjs";

/** The digits of an Indonesian-formatted count ("1.234" → 1234). */
function count(text) {
  const digits = (text ?? "").replace(/[^\d]/g, "");
  assert.ok(digits.length > 0, `no number in ${JSON.stringify(text)}`);
  return Number(digits);
}

/** The total the list page shows: its "… dari N" summary, or 0 for its empty state. */
async function listTotal(page, expected) {
  if (expected === 0) {
    await page.getByTestId("empty-state").first().waitFor();
    return 0;
  }
  const summary = page.getByTestId("table-summary");
  await summary.waitFor();
  const text = await summary.textContent();
  const match = /(?:dari|of)\s+([\d.,]+)/.exec(text ?? "");
  assert.ok(match, `no total in ${JSON.stringify(text)}`);
  return count(match[1]);
}

async function followWidget(page, widget, link) {
  const shown = count(await page.getByTestId(widget).textContent());
  await page.getByTestId(link).click();
  await page.waitForURL(/\/(ticketing\/tickets|dso)/);
  // The dashboard (its to-do widget has an empty state of its own) is gone.
  await page.getByTestId(widget).waitFor({ state: "detached" });
  // The list may still be loading its first page: read it until it settles.
  await eventually(async () => {
    const listed = await listTotal(page, shown);
    assert.equal(listed, shown, `${widget}: the dashboard shows ${shown}, its list ${listed}`);
  });
}

export const tests = [
  {
    name: "dashboard: each ticket widget's number is the total of the queue it links to",
    async run({ page }) {
      for (const [widget, link] of [
        ["dash-open-tickets", "dash-open-tickets-link"],
        ["dash-closed-today", "dash-closed-today-link"],
        ["dash-high-priority-count", "dash-high-priority-link"],
      ]) {
        await signIn(page, demo("cs_admin"), "/");
        await page.getByTestId(link).waitFor();
        await followWidget(page, widget, link);
        assert.ok(page.url().includes("/ticketing/tickets"), page.url());
      }
    },
  },
  {
    name: "dashboard: finance's overdue receivables widget equals the overdue invoices list",
    async run({ page }) {
      await signIn(page, demo("finance_manager"), "/");
      await page.getByTestId("dash-ar-overdue").waitFor();
      await followWidget(page, "dash-ar-overdue-count", "dash-ar-overdue-link");
      assert.ok(page.url().includes("/dso"), page.url());
      // CS has no receivables: no AR widget.
      await page.evaluate(() => localStorage.clear());
      await signIn(page, demo("cs_admin"), "/");
      await page.getByTestId("dash-open-tickets").waitFor();
      assert.equal(await page.getByTestId("dash-ar-overdue").count(), 0);
    },
  },
];
