import { assert, demo, EXPECTED_MENUS, loginUI, openUserMenu, visibleMenus } from "../lib.mjs";

export const tests = Object.entries(EXPECTED_MENUS).map(([role, expected]) => ({
  name: `menus: ${role} sees exactly ${expected.join(", ")}`,
  async run({ page }) {
    await page.goto("/login");
    await loginUI(page, demo(role));
    await page.waitForURL((u) => u.pathname === "/");
    assert.deepEqual(await visibleMenus(page), expected);

    // Admin entries live in the user menu, for the roles that have the capability.
    await openUserMenu(page);
    const admin = role === "super_admin";
    assert.equal(await page.getByTestId("menu-users").count(), admin ? 1 : 0, "Users entry");
    assert.equal(await page.getByTestId("menu-api-keys").count(), admin ? 1 : 0, "API keys entry");
  },
}));
