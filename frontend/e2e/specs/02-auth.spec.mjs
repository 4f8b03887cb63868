import { apiLogin, assert, demo, eventually, loginUI, openUserMenu, signIn } from "../lib.mjs";

export const tests = [
  {
    name: "auth: wrong password shows the error and stays on /login",
    async run({ page }) {
      await page.goto("/login");
      await loginUI(page, demo("finance_manager"), "definitely-wrong-password");
      const alert = page.getByTestId("login-error");
      await alert.waitFor();
      assert.equal(await alert.getAttribute("data-code"), "invalid_credentials");
      assert.match(await alert.innerText(), /salah|wrong/i);
      assert.equal(new URL(page.url()).pathname, "/login");
      assert.equal(await page.evaluate(() => localStorage.getItem("cc.session")), null);
      // A successful login resets the failure counter (5 failures / 15 min lock the
      // e-mail), so repeated runs keep seeing invalid_credentials, not rate_limited.
      await apiLogin(demo("finance_manager"));
    },
  },
  {
    name: "auth: client-side validation runs before any request",
    async run({ page }) {
      await page.goto("/login");
      await page.locator('input[name="email"]').fill("not-an-email");
      await page.getByTestId("login-submit").click();
      await page.getByTestId("error-email").waitFor();
    },
  },
  {
    name: "auth: logout ends the session",
    async run({ page }) {
      await signIn(page, demo("cs_agent"));
      await openUserMenu(page);
      await page.getByTestId("menu-logout").click();
      await page.waitForURL((u) => u.pathname === "/login");
      await eventually(async () =>
        assert.equal(await page.evaluate(() => localStorage.getItem("cc.session")), null),
      );
      await page.goto("/");
      await page.waitForURL((u) => u.pathname === "/login");
    },
  },
];
