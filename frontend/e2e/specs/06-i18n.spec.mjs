import { api, apiLogin, assert, demo, eventually, openUserMenu, signIn } from "../lib.mjs";

const label = (page, menu) => page.locator(`[data-menu="${menu}"]`).innerText();

export const tests = [
  {
    name: "i18n: Indonesian by default, switching to English changes labels",
    async run({ page }) {
      const email = demo("sales_manager");
      // Start from the default language whatever a previous run left behind.
      const { token } = await apiLogin(email);
      await api("PATCH", "/auth/me", { token, body: { language: "id" } });

      await signIn(page, email);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "id");
      assert.equal(await label(page, "ticketing"), "Tiket");
      assert.equal(await label(page, "dashboard"), "Dasbor");

      await openUserMenu(page);
      await page.getByTestId("lang-en").click();
      await eventually(async () => assert.equal(await label(page, "ticketing"), "Ticketing"));
      assert.equal(await label(page, "dashboard"), "Dashboard");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");

      // Stored on the account: still English after a reload.
      await page.reload();
      await page.getByTestId("sidebar").waitFor();
      await eventually(async () => assert.equal(await label(page, "ticketing"), "Ticketing"));

      await openUserMenu(page);
      await page.getByTestId("lang-id").click();
      await eventually(async () => assert.equal(await label(page, "ticketing"), "Tiket"));
    },
  },
];
