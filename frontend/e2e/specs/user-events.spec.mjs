import { assert, assertAccessible, demo, eventually, openUserMenu, signIn } from "../lib.mjs";

export const tests = [
  {
    name: "user events: the admin opens the activity log, filters by login and sees their own",
    async run({ page }) {
      // Signing in (through the API, as signIn does) is itself a recorded login.
      const session = await signIn(page, demo("super_admin"), "/");
      await openUserMenu(page);
      await page.getByTestId("menu-user-events").click();
      await page.waitForURL((u) => u.pathname === "/admin/user-events");
      const table = page.getByTestId("user-events-table");
      await table.waitFor();

      await page.getByTestId("filter-type").selectOption("login");
      await page.waitForURL((u) => u.searchParams.get("type") === "login");
      await page.getByTestId("filter-user").selectOption(session.user.id);
      await page.waitForURL((u) => u.searchParams.get("user_id") === session.user.id);

      const actors = table.getByTestId("user-event-actor");
      await eventually(async () => {
        const names = await actors.allInnerTexts();
        assert.ok(names.length >= 1, "at least the sign-in just made");
        for (const name of names) {
          assert.ok(name.includes(session.user.full_name), `only the admin's: ${name}`);
        }
      });
      const types = await table.getByTestId("user-event-type").allInnerTexts();
      assert.ok(types.length >= 1);
      assert.ok(
        types.every((t) => t.trim() === "Login"),
        `only logins: ${types.join(", ")}`,
      );

      // A filter that matches nothing shows the empty state, not an error.
      await page.getByTestId("filter-type").selectOption("api_key_used");
      await page.waitForURL((u) => u.searchParams.get("type") === "api_key_used");
      await page.getByText(/Tidak ada hasil|No results/).waitFor();
    },
  },
  {
    // "a11y" names get a context that lets axe be injected past the CSP (run.mjs).
    name: "a11y: the activity log page (user events) has no serious violations",
    async run({ page }) {
      await signIn(page, demo("super_admin"), "/admin/user-events?type=login");
      await page.getByTestId("user-event-type").first().waitFor();
      await assertAccessible(page, "user activity log");
    },
  },
];
