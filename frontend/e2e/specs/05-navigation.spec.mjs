import { assert, demo, loginUI, signIn } from "../lib.mjs";

export const tests = [
  {
    name: "navigation: deep link /crm/leads renders inside the shell, also after reload",
    async run({ page }) {
      await signIn(page, demo("salesperson"), "/crm/leads");
      await page.getByRole("heading", { level: 1, name: "Leads" }).waitFor();
      await page.reload();
      await page.getByTestId("sidebar").waitFor();
      await page.getByRole("heading", { level: 1, name: "Leads" }).waitFor();
      assert.equal(new URL(page.url()).pathname, "/crm/leads");
      assert.equal(await page.locator('[data-menu="crm"][data-status="active"]').count(), 1);
    },
  },
  {
    name: "navigation: a deep link while signed out returns there after login",
    async run({ page }) {
      await page.goto("/crm/leads");
      await page.waitForURL((u) => u.pathname === "/login");
      await loginUI(page, demo("salesperson"));
      await page.waitForURL((u) => u.pathname === "/crm/leads");
      await page.getByRole("heading", { level: 1, name: "Leads" }).waitFor();
    },
  },
  {
    name: "navigation: a role without the menu gets a 403 page, not a blank one",
    async run({ page }) {
      await signIn(page, demo("ops_exim"), "/dso");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
];
