import {
  assert,
  demo,
  EXPECTED_MENUS,
  loginUI,
  openUserMenu,
  signIn,
  uniqueSuffix,
  visibleMenus,
} from "../lib.mjs";

export const tests = [
  {
    name: "users: super_admin creates a user in the UI and that user logs in",
    async run({ page }) {
      const suffix = uniqueSuffix();
      const email = `e2e.${suffix}@example.com`;
      const name = `E2E Agent ${suffix}`;
      const password = `Pw-${suffix}-123`;

      await signIn(page, demo("super_admin"), "/admin/users");
      await page.getByTestId("user-create").click();
      const form = page.getByTestId("user-form");
      await form.waitFor();
      await form.locator('input[name="email"]').fill(email);
      await form.locator('input[name="full_name"]').fill(name);
      await form.locator('select[name="role"]').selectOption("cs_agent");
      await form.locator('select[name="dept"]').selectOption("CS");
      await form.locator('input[name="password"]').fill(password);
      await page.getByTestId("user-form-submit").click();
      await form.waitFor({ state: "detached" });

      // The new user is listed (search goes through the URL).
      await page.getByTestId("filter-q").fill(email);
      await page.waitForURL((u) => u.searchParams.get("q") === email);
      await page.getByRole("cell", { name: email, exact: true }).waitFor();

      await openUserMenu(page);
      await page.getByTestId("menu-logout").click();
      await page.waitForURL((u) => u.pathname === "/login");

      await loginUI(page, email, password);
      await page.waitForURL((u) => u.pathname === "/");
      assert.deepEqual(await visibleMenus(page), EXPECTED_MENUS.cs_agent);
    },
  },
  {
    name: "users: table state (filter, sort, page size) lives in the URL and reaches the API",
    async run({ page }) {
      const calls = [];
      page.on("request", (r) => {
        const u = new URL(r.url());
        if (u.pathname === "/api/v1/users") calls.push(u.searchParams);
      });
      await signIn(
        page,
        demo("super_admin"),
        "/admin/users?role=salesperson&sort=-email&per_page=10",
      );
      await page.locator("tbody tr[data-row-id]").first().waitFor();
      assert.equal(await page.getByTestId("filter-role").inputValue(), "salesperson");
      await page.locator('th[aria-sort="descending"]').waitFor();
      assert.ok(
        calls.some(
          (q) =>
            q.get("role") === "salesperson" &&
            q.get("sort") === "-email" &&
            q.get("per_page") === "10" &&
            q.get("page") === "1",
        ),
        `list request carries the URL state: ${calls.map((q) => q.toString()).join(" | ")}`,
      );

      // Clearing a filter keeps the rest of the state.
      await page.getByTestId("filter-role").selectOption("");
      await page.waitForURL(
        (u) => !u.searchParams.has("role") && u.searchParams.get("sort") === "-email",
      );
    },
  },
];
