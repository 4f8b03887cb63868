// Receivables and DSO (DSO-1 … DSO-5): finance records a partial payment in the UI and
// sees the outstanding amount and the aging change (and, as of yesterday, not yet); a
// salesperson sees only their customers' AR; the collection-ticket button on an overdue
// row opens a FIN ticket. Every invoice is created here through the API, so the spec
// does not depend on demo invoices.
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

const jakartaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" });

/** Today in Asia/Jakarta plus `n` days, as YYYY-MM-DD. */
function day(n = 0) {
  const [y, m, d] = jakartaDay.format(new Date()).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const ddmmyyyy = (iso) => iso.split("-").reverse().join("/");

/** "Rp 1.250.000", "-Rp 1.234,50" → cents (BigInt), never through a float. */
function cents(text) {
  const t = text.trim();
  const m = /^(-?)Rp\s*([\d.]+)(?:,(\d{1,2}))?$/.exec(t);
  assert.ok(m, `an IDR amount: "${t}"`);
  return (
    (BigInt(m[2].replace(/\./g, "")) * 100n + BigInt((m[3] ?? "").padEnd(2, "0"))) *
    (m[1] ? -1n : 1n)
  );
}

/** Every customer id a user sees through GET /customers (their AR scope for sales roles). */
async function customerIds(token) {
  const ids = new Set();
  for (let page = 1; ; page += 1) {
    const res = await api("GET", `/customers?per_page=200&page=${page}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    for (const c of res.json.data) ids.add(c.id);
    if (res.json.data.length < 200) return ids;
  }
}

let fixturePromise;
/** Tokens and two customers: one of the salesperson only, one of salesperson2 only. */
function fixture() {
  fixturePromise ??= (async () => {
    const finance = await apiLogin(demo("finance_staff"));
    const sales = await apiLogin(demo("salesperson"));
    const sales2 = await apiLogin(demo("salesperson2"));
    const mine = await customerIds(sales.token);
    const theirs = await customerIds(sales2.token);
    const own = [...mine].find((id) => !theirs.has(id));
    const other = [...theirs].find((id) => !mine.has(id));
    assert.ok(own && other, "each salesperson owns a customer the other does not");
    return { finance, sales, own, other };
  })();
  return fixturePromise;
}

async function createInvoice(token, customerId, { issued, due, amount }) {
  const res = await api("POST", "/invoices", {
    token,
    body: {
      customer_id: customerId,
      invoice_number: `E2E-${uniqueSuffix()}`,
      invoice_date: issued,
      due_date: due,
      amount,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json;
}

/** The open-invoices row of an invoice on /dso and its cells' texts. */
function outstandingRow(page, code) {
  const link = page.locator(`[data-testid="outstanding-row"][data-invoice-code="${code}"]`);
  return page.locator("tbody tr", { has: link });
}

async function outstandingCells(page, code) {
  const row = outstandingRow(page, code);
  await row.waitFor();
  // invoice, customer, invoice date, due date, amount, paid, outstanding, paid after, …
  const cells = await row.locator("td").allInnerTexts();
  return { amount: cells[4], paid: cells[5], outstanding: cells[6], paidAfter: cells[7] };
}

/** The 1–30 days bucket of a customer in the aging table, and the AR balance, in cents. */
async function agingFigures(page, customerId) {
  const table = page.getByTestId("aging-table");
  if (!(await table.isVisible())) await page.getByTestId("aging-card-toggle").click();
  const cell = page.locator(
    `[data-testid="aging-row"][data-customer-id="${customerId}"] [data-col="d1_30"]`,
  );
  await cell.waitFor();
  return {
    d1_30: cents(await cell.innerText()),
    balance: cents(await page.getByTestId("stat-ar-balance-value").innerText()),
  };
}

export const tests = [
  {
    name: "ar: finance records a partial payment; outstanding and aging change, as of yesterday they do not",
    async run({ page }) {
      const { finance, own } = await fixture();
      const invoice = await createInvoice(finance.token, own, {
        issued: day(-40),
        due: day(-10),
        amount: "2000000.00",
      });
      const code = invoice.invoice_code;

      await signIn(page, demo("finance_staff"), `/dso?q=${code}`);
      assert.deepEqual(await outstandingCells(page, code), {
        amount: "Rp 2.000.000",
        paid: "Rp 0",
        outstanding: "Rp 2.000.000",
        paidAfter: "Rp 0",
      });
      const before = await agingFigures(page, own);

      // Record 750.000 against this invoice from its detail page.
      await outstandingRow(page, code).getByRole("link", { name: code }).click();
      await page.getByTestId("invoice-code").filter({ hasText: code }).waitFor();
      await page.getByTestId("record-payment").click();
      await page.getByTestId("customer-picked").waitFor();
      await page.getByTestId("payment-amount").fill("750.000");
      const mine = page.locator(`[data-testid="alloc-row"][data-invoice-code="${code}"]`);
      await mine.waitFor();
      // FIFO preview: what it allocates plus what is left is the payment, to the cent.
      await eventually(async () => {
        const allocated = cents(await page.getByTestId("allocation-allocated").innerText());
        const remaining = cents(await page.getByTestId("allocation-remaining").innerText());
        assert.equal(allocated + remaining, 75_000_000n);
      });
      await page.getByTestId("mode-manual").check();
      await page.getByTestId(`alloc-input-${code}`).fill("750.000");
      await eventually(async () =>
        assert.equal(await page.getByTestId("allocation-remaining").innerText(), "Rp 0"),
      );
      await page.getByTestId("save-payment").click();
      await page.waitForURL((u) => u.pathname === "/dso/payments");

      await page.goto(`/dso?q=${code}`);
      await eventually(async () =>
        assert.deepEqual(await outstandingCells(page, code), {
          amount: "Rp 2.000.000",
          paid: "Rp 750.000",
          outstanding: "Rp 1.250.000",
          paidAfter: "Rp 0",
        }),
      );
      const after = await agingFigures(page, own);
      assert.equal(before.d1_30 - after.d1_30, 75_000_000n, "1–30 days bucket down by 750.000");
      assert.equal(before.balance - after.balance, 75_000_000n, "AR balance down by 750.000");

      // As of yesterday the payment (dated today) is not counted yet: it is "paid after".
      await page.getByTestId("as-of-input").fill(ddmmyyyy(day(-1)));
      await page.getByTestId("as-of-input").press("Enter");
      await page.waitForURL((u) => u.searchParams.get("as_of") === day(-1));
      await eventually(async () =>
        assert.deepEqual(await outstandingCells(page, code), {
          amount: "Rp 2.000.000",
          paid: "Rp 0",
          outstanding: "Rp 2.000.000",
          paidAfter: "Rp 750.000",
        }),
      );
    },
  },
  {
    name: "ar: a salesperson sees only their customers' AR",
    async run({ page }) {
      const { finance, own, other } = await fixture();
      const terms = { issued: day(-5), due: day(25), amount: "1111111.00" };
      const mine = await createInvoice(finance.token, own, terms);
      const notMine = await createInvoice(finance.token, other, terms);

      await signIn(page, demo("salesperson"), "/dso/my-customers");
      await page.getByTestId("my-invoices").waitFor();
      const row = (code) =>
        page.locator(`[data-testid="my-invoice-row"][data-invoice-code="${code}"]`);
      await row(mine.invoice_code).waitFor();
      assert.equal(await row(notMine.invoice_code).count(), 0, "another salesperson's invoice");
      const agingRow = (id) => page.locator(`[data-testid="aging-row"][data-customer-id="${id}"]`);
      assert.equal(await agingRow(own).count(), 1);
      assert.equal(await agingRow(other).count(), 0);
      // Sales read AR; they do not write it (hidden, not disabled).
      assert.equal(await page.getByTestId("new-invoice").count(), 0);

      // The overview is scoped the same way.
      await page.goto(`/dso?q=${notMine.invoice_code}`);
      await page.getByTestId("outstanding-total").filter({ hasText: "Rp 0" }).waitFor();
      assert.equal(await outstandingRow(page, notMine.invoice_code).count(), 0);
      await page.goto(`/dso?q=${mine.invoice_code}`);
      await outstandingRow(page, mine.invoice_code).waitFor();

      const { sales } = await fixture();
      const direct = await api("GET", `/invoices/${notMine.id}`, { token: sales.token });
      assert.equal(direct.status, 404, "not visible by id either");
    },
  },
  {
    name: "ar: the collection-ticket button on an overdue row opens a FIN ticket",
    async run({ page }) {
      const { finance, sales, own } = await fixture();
      const invoice = await createInvoice(finance.token, own, {
        issued: day(-60),
        due: day(-30),
        amount: "4200000.00",
      });
      const code = invoice.invoice_code;

      await signIn(page, demo("salesperson"), `/dso?q=${code}`);
      await outstandingRow(page, code).getByTestId("collection-ticket").click();
      await page.waitForURL((u) => /^\/ticketing\/tickets\/[0-9a-f-]{36}$/.test(u.pathname));
      const ticketId = new URL(page.url()).pathname.split("/").pop();
      await page.getByTestId("ticket-subject").filter({ hasText: code }).waitFor();
      await page.getByText("Keuangan (FIN)").first().waitFor();

      const ticket = await api("GET", `/tickets/${ticketId}`, { token: sales.token });
      assert.equal(ticket.status, 200);
      assert.equal(ticket.json.dept_target, "FIN");
      assert.equal(ticket.json.ticket_type, "general_request");
      assert.equal(ticket.json.related_customer_id, own);

      // A second click returns the ticket already open, for finance too.
      await page.goto(`/dso?q=${code}`);
      await outstandingRow(page, code).getByTestId("collection-ticket").click();
      await page.waitForURL((u) => u.pathname === `/ticketing/tickets/${ticketId}`);
      const again = await api("POST", `/invoices/${invoice.id}/collection-ticket`, {
        token: finance.token,
      });
      assert.equal(again.status, 200, JSON.stringify(again.json));
      assert.deepEqual([again.json.ticket_id, again.json.created], [ticketId, false]);
    },
  },
  {
    name: "ar: voiding an invoice needs a reason, and a void invoice leaves the open list",
    async run({ page }) {
      const { finance, own } = await fixture();
      const invoice = await createInvoice(finance.token, own, {
        issued: day(-3),
        due: day(27),
        amount: "500000.00",
      });
      await signIn(page, demo("finance_staff"), `/dso/invoices/${invoice.id}`);
      await page.getByTestId("void-invoice").click();
      await page.getByTestId("confirm-void").click();
      await page.getByTestId("error-reason").waitFor();
      await page.getByTestId("void-reason").fill("Tertagih dua kali (uji e2e)");
      await page.getByTestId("confirm-void").click();
      await page.getByTestId("void-reason-shown").filter({ hasText: "uji e2e" }).waitFor();
      await page.locator('[data-testid="invoice-status"][data-status="void"]').waitFor();
      assert.equal(await page.getByTestId("void-invoice").count(), 0);

      await page.goto(`/dso?q=${invoice.invoice_code}`);
      await page.getByTestId("outstanding-total").filter({ hasText: "Rp 0" }).waitFor();
      assert.equal(await outstandingRow(page, invoice.invoice_code).count(), 0);
    },
  },
  {
    name: "ar: finance allocates a payment's remaining credit, reverses it on the invoice, then voids it",
    async run({ page }) {
      const { finance } = await fixture();
      // A demo customer as finance finds it (no CRM menu): GET ar/customers.
      const found = await api("GET", "/ar/customers?per_page=5", { token: finance.token });
      assert.equal(found.status, 200, JSON.stringify(found.json));
      const customer = found.json.data[0];
      assert.ok(customer?.customer_code, "a demo customer with its code");
      const first = await createInvoice(finance.token, customer.id, {
        issued: day(-20),
        due: day(10),
        amount: "1000000.00",
      });
      // 1.500.000 paid, 1.000.000 allocated: 500.000 stays as the customer's credit.
      const paid = await api("POST", "/payments", {
        token: finance.token,
        body: {
          customer_id: customer.id,
          payment_date: day(0),
          amount: "1500000.00",
          method: "bank_transfer",
          reference: `E2E-${uniqueSuffix()}`,
          allocations: [{ invoice_id: first.id, amount: "1000000.00" }],
        },
      });
      assert.equal(paid.status, 201, JSON.stringify(paid.json));
      assert.equal(paid.json.unapplied, "500000.00");
      const second = await createInvoice(finance.token, customer.id, {
        issued: day(-2),
        due: day(28),
        amount: "800000.00",
      });
      const code = second.invoice_code;

      await signIn(page, demo("finance_staff"), `/dso/payments?q=${paid.json.payment_code}`);
      const row = page.locator("tbody tr", {
        has: page.getByTestId("payment-row").filter({ hasText: paid.json.payment_code }),
      });
      await row.getByTestId("allocate-credit").click();
      const dialog = page.getByTestId("credit-dialog");
      await dialog.locator(`[data-testid="alloc-row"][data-invoice-code="${code}"]`).waitFor();
      await dialog.getByTestId("mode-manual").check();
      await dialog.getByTestId(`alloc-input-${code}`).fill("500.000");
      await eventually(async () =>
        assert.equal(await dialog.getByTestId("allocation-remaining").innerText(), "Rp 0"),
      );
      await dialog.getByTestId("confirm-credit").click();
      await dialog.waitFor({ state: "detached" });
      await eventually(async () =>
        assert.equal(await row.getByTestId("allocate-credit").count(), 0),
      );

      await page.goto(`/dso/invoices/${second.id}`);
      await page.getByTestId("invoice-outstanding").filter({ hasText: "Rp 300.000" }).waitFor();
      const line = page.getByTestId("allocation-row").filter({ hasText: paid.json.payment_code });
      await line.waitFor();

      // Voiding is refused while the payment is allocated: the message says to reverse first.
      await page.getByTestId("void-invoice").click();
      await page.getByTestId("void-reason").fill("Salah tagih (uji e2e)");
      await page.getByTestId("confirm-void").click();
      await page.getByTestId("void-error").filter({ hasText: "Batalkan dulu alokasi" }).waitFor();
      await page
        .getByTestId("void-dialog")
        .getByRole("button", { name: "Batal", exact: true })
        .click();

      await line.getByTestId("reverse-allocation").click();
      await page.getByTestId("confirm-action").click();
      await page.getByTestId("invoice-outstanding").filter({ hasText: "Rp 800.000" }).waitFor();
      await eventually(async () =>
        assert.equal(await page.getByTestId("allocation-row").count(), 0),
      );
      const after = await api("GET", `/payments?q=${paid.json.payment_code}`, {
        token: finance.token,
      });
      assert.equal(after.json.data[0]?.unapplied, "500000.00", "the credit is back");

      await page.getByTestId("void-invoice").click();
      await page.getByTestId("void-reason").fill("Salah tagih (uji e2e)");
      await page.getByTestId("confirm-void").click();
      await page.locator('[data-testid="invoice-status"][data-status="void"]').waitFor();
    },
  },
  {
    // The name starts with "a11y" so the runner lets axe's inline script through the CSP.
    name: "a11y: DSO overview, aging table, invoice and payment forms, credit dialog, statement, my customers",
    async run({ page }) {
      const { own } = await fixture();
      await signIn(page, demo("finance_staff"), "/dso");
      await page.getByTestId("stat-ar-balance").waitFor();
      await page
        .getByTestId("aging-card")
        .getByRole("figure")
        .or(page.getByTestId("aging-card").getByTestId("empty-state"))
        .first()
        .waitFor();
      await assertAccessible(page, "/dso");
      await page.getByTestId("aging-card-toggle").click();
      await page.getByTestId("aging-table").waitFor();
      await assertAccessible(page, "/dso (aging table)");

      await page.goto("/dso/invoices/new");
      await page.getByTestId("invoice-form").waitFor();
      await assertAccessible(page, "/dso/invoices/new");

      await page.goto(`/dso/payments/new?customer_id=${own}`);
      await page.getByTestId("customer-picked").waitFor();
      await page.getByTestId("payment-amount").fill("100.000");
      await page
        .getByTestId("allocation-table")
        .or(page.getByTestId("no-open-invoices"))
        .first()
        .waitFor();
      await page.getByTestId("mode-manual").check();
      await assertAccessible(page, "/dso/payments/new");

      // The demo book has a payment with credit left: its "Alokasikan sisa" dialog.
      await page.goto("/dso/payments?unapplied=true");
      await page.getByTestId("allocate-credit").first().click();
      await page
        .getByTestId("credit-dialog")
        .getByTestId("allocation-table")
        .or(page.getByTestId("credit-dialog").getByTestId("no-open-invoices"))
        .first()
        .waitFor();
      await assertAccessible(page, "/dso/payments (allocate credit dialog)");
      await page.keyboard.press("Escape");

      await page.goto(`/dso/statement?customer_id=${own}`);
      await page.getByTestId("statement-table").waitFor();
      await assertAccessible(page, "/dso/statement");

      await signIn(page, demo("salesperson"), "/dso/my-customers");
      await page.getByTestId("my-invoices").or(page.getByTestId("empty-state")).first().waitFor();
      await assertAccessible(page, "/dso/my-customers");
    },
  },
];
