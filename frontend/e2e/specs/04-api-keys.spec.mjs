import { api, assert, demo, signIn, uniqueSuffix } from "../lib.mjs";

export const tests = [
  {
    name: "api keys: create in the UI, the key works on /integrations/ping, then revoke",
    async run({ page }) {
      const name = `e2e key ${uniqueSuffix()}`;
      await signIn(page, demo("super_admin"), "/admin/api-keys");
      await page.getByTestId("api-key-create").click();
      const form = page.getByTestId("api-key-form");
      await form.locator('input[name="name"]').fill(name);
      await page.getByTestId("scope-tickets:write").check();
      await page.getByTestId("api-key-submit").click();

      const keyInput = page.getByTestId("api-key-plaintext");
      await keyInput.waitFor();
      const key = await keyInput.inputValue();
      assert.ok(key.length >= 16, "a plaintext key is shown once");

      const ping = await api("GET", "/integrations/ping", { headers: { "X-API-KEY": key } });
      assert.equal(ping.status, 200, JSON.stringify(ping.json));
      assert.equal(ping.json.status, "ok");

      await page.getByTestId("api-key-done").click();
      const row = page.locator("tr", { hasText: name });
      await row.waitFor();
      assert.equal(
        await row.innerText().then((t) => t.includes(key)),
        false,
        "list never shows the key",
      );

      // Clean up: revoke the key through the UI.
      await row.getByTestId("api-key-revoke").click();
      await page.getByTestId("confirm-action").click();
      await row.getByTestId("api-key-revoke").waitFor({ state: "detached" });
    },
  },
];
