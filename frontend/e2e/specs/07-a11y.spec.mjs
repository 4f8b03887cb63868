import { assertAccessible, demo, signIn } from "../lib.mjs";

export const tests = [
  {
    name: "a11y: login page has no serious/critical axe violations",
    async run({ page }) {
      await page.goto("/login");
      await page.getByTestId("login-form").waitFor();
      await assertAccessible(page, "login");
    },
  },
  {
    name: "a11y: users and profile pages have no serious/critical axe violations",
    async run({ page }) {
      await signIn(page, demo("super_admin"), "/admin/users");
      await page.locator("tbody tr[data-row-id]").first().waitFor();
      await assertAccessible(page, "users");

      await page.goto("/profile");
      await page.getByTestId("profile-form").waitFor();
      await assertAccessible(page, "profile");
    },
  },
];
