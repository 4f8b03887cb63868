// Ticket pages (TCK-3): a CS agent works an unassigned ticket from the queue (reply,
// internal note, close) and sees the SLA badge; axe checks on the queue and detail.
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

/** Opens a ticket the way n8n does (API key), returning its id, code and subject. */
async function n8nTicket(label) {
  const subject = `E2E ${label} ${uniqueSuffix()}`;
  const res = await api("POST", "/tickets", {
    headers: { "X-API-KEY": DEMO_KEY },
    body: {
      tracking_number: `LOG${Date.now()}`,
      customer_phone: "081234567890",
      subject,
      description: "Pelanggan membalas: paket saya kok belum sampai?",
      priority: "high",
    },
  });
  assert.equal(res.status, 201, `create ticket: ${JSON.stringify(res.json)}`);
  return { id: res.json.ticket_id, code: res.json.ticket_uid, subject };
}

const rowOf = (page, code) =>
  page.locator(`[data-testid="ticket-row"][data-ticket-code="${code}"]`);

export const tests = [
  {
    name: "tickets: a CS agent picks an unassigned ticket, replies, adds a note, closes it and sees the SLA badge",
    async run({ page }) {
      const ticket = await n8nTicket("Keterlambatan");
      await signIn(page, demo("cs_agent"), "/ticketing/tickets");

      await page.getByTestId("tab-unassigned").click();
      await page.waitForURL(/view=unassigned/);
      const row = rowOf(page, ticket.code);
      await row.waitFor();
      assert.equal((await row.textContent()).trim(), ticket.subject);
      await row.click();
      await page.waitForURL(new RegExp(`/ticketing/tickets/${ticket.id}$`));
      await page.getByTestId("ticket-code").filter({ hasText: ticket.code }).waitFor();
      await page.getByTestId("sla-badge").waitFor();
      assert.equal(
        await page.getByTestId("sla-badge").getAttribute("data-first-response"),
        "pending",
      );

      // A reply to the customer (not internal).
      const reply = `Halo, paket Anda sedang kami cek ${uniqueSuffix()}`;
      assert.equal(await page.getByTestId("comment-internal-toggle").isChecked(), false);
      await page.getByTestId("comment-input").fill(reply);
      await page.getByTestId("comment-submit").click();
      const replyItem = page.getByTestId("comment").filter({ hasText: reply });
      await replyItem.waitFor();
      assert.equal(await replyItem.getAttribute("data-internal"), "false");

      // An internal note.
      const note = `Tertahan di hub Cikarang ${uniqueSuffix()}`;
      await page.getByTestId("comment-internal-toggle").check();
      await page.getByTestId("comment-input").fill(note);
      await page.getByTestId("comment-submit").click();
      const noteItem = page.getByTestId("comment").filter({ hasText: note });
      await noteItem.waitFor();
      assert.equal(await noteItem.getAttribute("data-internal"), "true");
      // Oldest first: the reply comes before the note.
      const texts = await page.getByTestId("comment").allTextContents();
      assert.ok(
        texts.findIndex((x) => x.includes(reply)) < texts.findIndex((x) => x.includes(note)),
        "comments are oldest first",
      );

      // Close it with a reason.
      await page.getByTestId("close-ticket").click();
      await page.getByTestId("close-dialog").waitFor();
      await page.getByTestId("close-reason").fill("Paket sudah diterima pelanggan");
      await page.getByTestId("confirm-close").click();
      await page.getByTestId("close-dialog").waitFor({ state: "detached" });
      await page.locator('[data-testid="ticket-status"][data-status="closed"]').first().waitFor();
      // A closed ticket takes internal notes only, until it is reopened.
      await page.getByTestId("comment-closed-notice").waitFor();
      assert.equal(await page.getByTestId("comment-internal-toggle").isDisabled(), true);

      const badge = page.getByTestId("sla-badge");
      await eventually(async () => {
        assert.equal(await badge.getAttribute("data-first-response"), "met");
        assert.equal(await badge.getAttribute("data-resolved"), "true");
      });
      assert.match(await badge.textContent(), /Respons pertama: terpenuhi/);
      assert.match(await badge.textContent(), /Selesai/);

      // The server agrees.
      const { token } = await apiLogin(demo("cs_agent"));
      const detail = await api("GET", `/tickets/${ticket.id}`, { token });
      assert.equal(detail.json.status, "closed");
      assert.equal(detail.json.close_reason, "Paket sudah diterima pelanggan");
      assert.deepEqual(
        detail.json.comments.map((c) => c.is_internal_note),
        [false, true],
      );
      assert.ok(detail.json.sla_events.some((e) => e.event_type === "FIRST_RESPONSE"));
    },
  },
  {
    // The name starts with "a11y" so the runner lets axe's inline script through the CSP.
    name: "a11y: ticket queue and detail",
    async run({ page }) {
      const ticket = await n8nTicket("A11y");
      await signIn(page, demo("cs_agent"), "/ticketing/tickets?view=unassigned");
      await rowOf(page, ticket.code).waitFor();
      await assertAccessible(page, "/ticketing/tickets");

      await page.goto(`/ticketing/tickets/${ticket.id}`);
      await page.getByTestId("sla-badge").waitFor();
      await page.getByTestId("comment-internal-toggle").check();
      await assertAccessible(page, "ticket detail");
      await page.getByTestId("close-ticket").click();
      await page.getByTestId("close-dialog").waitFor();
      await assertAccessible(page, "close dialog");
      await page.keyboard.press("Escape");

      await page.goto("/ticketing/tickets/new");
      await page.getByTestId("ticket-form").waitFor();
      await assertAccessible(page, "/ticketing/tickets/new");
      await page.goto("/ticketing/tickets/sla");
      await page.getByTestId("sla-table").waitFor();
      await assertAccessible(page, "/ticketing/tickets/sla");
      await page.goto("/ticketing");
      await page.getByTestId("ticketing-hub").waitFor();
      await assertAccessible(page, "/ticketing");
    },
  },
];
