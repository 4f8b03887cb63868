// Notifications (NTF-1): a CS admin assigns a fresh ticket to the demo CS agent while the
// agent's page is open — the bell's count goes up live (no reload, no polling), the item
// shows its kind, a click follows the deep link and marks it read; "mark all read" clears
// the badge. On the profile page the agent turns e-mail on for one kind and back off (the
// demo data is left as it was). The ticket is created here; the agent's unread
// notifications are read at the end so later a11y checks meet no pile of them.
import {
  api,
  apiLogin,
  assert,
  assertAccessible,
  demo,
  eventually,
  signIn,
  uniqueSuffix,
} from "../lib.mjs";

const DEMO_KEY = "demo-n8n-api-key";

async function unread(token) {
  const res = await api("GET", "/notifications/unread-count", { token });
  assert.equal(res.status, 200);
  return res.json.unread;
}

/** A new unassigned ticket (as n8n opens them), assigned to `agentId` by the CS admin. */
async function assignedTicket(agentId) {
  const created = await api("POST", "/tickets", {
    headers: { "X-API-KEY": DEMO_KEY },
    body: {
      tracking_number: `LOG${Date.now()}`,
      customer_phone: "081234567890",
      subject: `E2E notifikasi ${uniqueSuffix()}`,
      description: "Tolong dicek",
      priority: "high",
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const admin = await apiLogin(demo("cs_admin"));
  const patched = await api("PATCH", `/tickets/${created.json.ticket_id}`, {
    token: admin.token,
    body: { assigned_to_user_id: agentId },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.json));
  return { id: created.json.ticket_id, code: created.json.ticket_uid };
}

export const tests = [
  {
    name: "notifications: a ticket assigned to me shows live in the bell, the click follows it and marks it read",
    async run({ page }) {
      const agent = await signIn(page, demo("cs_agent"), "/ticketing/tickets");
      const me = await api("GET", "/auth/me", { token: agent.token });
      await api("POST", "/notifications/read-all", { token: agent.token });
      await page.reload();
      await page.getByTestId("sidebar").waitFor();
      await page.getByTestId("notification-count").waitFor({ state: "detached" });

      const ticket = await assignedTicket(me.json.id);
      // Live: the badge appears without a reload.
      await page.getByTestId("notification-count").waitFor({ timeout: 10_000 });
      assert.equal((await page.getByTestId("notification-count").innerText()).trim(), "1");

      await page.getByTestId("notification-bell").click();
      const item = page.getByTestId("notification-item").filter({ hasText: ticket.code }).first();
      await item.waitFor();
      assert.equal(await item.getAttribute("data-kind"), "ticket_assigned");
      assert.equal(await item.getAttribute("data-unread"), "true");
      assert.match(await item.innerText(), /Tiket ditugaskan/);
      await item.click();
      await page.waitForURL((url) => url.pathname === `/ticketing/tickets/${ticket.id}`);
      await page.getByTestId("ticket-code").filter({ hasText: ticket.code }).waitFor();
      await eventually(async () => assert.equal(await unread(agent.token), 0));
      await page.getByTestId("notification-count").waitFor({ state: "detached" });

      // Two more, then "mark all read" clears the badge.
      await assignedTicket(me.json.id);
      await assignedTicket(me.json.id);
      await eventually(async () =>
        assert.equal((await page.getByTestId("notification-count").innerText()).trim(), "2"),
      );
      await page.getByTestId("notification-bell").click();
      await page.getByTestId("notification-read-all").click();
      await page.getByTestId("notification-count").waitFor({ state: "detached" });
      assert.equal(await unread(agent.token), 0);
    },
  },
  {
    name: "notifications: the profile page turns e-mail on and off per kind, in-app stays on",
    async run({ page }) {
      const agent = await signIn(page, demo("cs_agent"), "/profile");
      const card = page.getByTestId("notification-preferences");
      await card.waitFor();
      const row = card.locator('tr[data-kind="sla_breached"]');
      await row.waitFor();
      const inApp = row.getByRole("checkbox").first();
      assert.equal(await inApp.isChecked(), true);
      assert.equal(await inApp.isDisabled(), true);
      const email = page.getByTestId("notification-email-sla_breached");
      const before = await email.isChecked();
      await email.click();
      await eventually(async () => {
        const prefs = await api("GET", "/me/notification-preferences", { token: agent.token });
        const p = prefs.json.data.find((x) => x.kind === "sla_breached");
        assert.equal(p.email, !before);
      });
      // Back as it was, and it stays so after a reload.
      await email.click();
      await eventually(async () => assert.equal(await email.isChecked(), before));
      await page.reload();
      await page.getByTestId("notification-email-sla_breached").waitFor();
      assert.equal(await page.getByTestId("notification-email-sla_breached").isChecked(), before);
    },
  },
  {
    // Named a11y (the runner lets axe in past the CSP for those): the open menu with its
    // kinds, and the profile's preferences.
    name: "a11y: notifications menu and the profile's notification preferences",
    async run({ page }) {
      const agent = await signIn(page, demo("cs_agent"), "/profile");
      const me = await api("GET", "/auth/me", { token: agent.token });
      await assignedTicket(me.json.id);
      await page.getByTestId("notification-preferences").locator("tr[data-kind]").first().waitFor();
      await assertAccessible(page, "profile with notification preferences");
      await page.getByTestId("notification-bell").click();
      await page.getByTestId("notification-item").first().waitFor();
      await assertAccessible(page, "notification menu");
      await api("POST", "/notifications/read-all", { token: agent.token });
    },
  },
];
