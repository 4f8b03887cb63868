// Import Center (IMP-1 … IMP-5): finance uploads a messy semicolon CSV of invoices (a
// title row above the header, Indonesian amounts, dd/mm/yyyy dates, a bad date, a row
// twice), maps the column the header guess missed (a refused mapping shows its problem
// inline), processes it and watches the progress bar, sees the failed row with its
// message, fixes the bad date in place (the row's "Perbaiki" dialog: pending again) and
// re-processes the same import. A file with a header mapped before maps itself. Revert:
// refused with the server's reason while a payment is allocated to an imported invoice,
// then done. Users without import rights get no menu entry and a forbidden page. Every
// file is built here with unique invoice numbers and a unique amount header, so reruns
// never meet an earlier import.
import {
  api,
  apiLogin,
  assert,
  assertAccessible,
  BASE_URL,
  demo,
  eventually,
  openUserMenu,
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

let fixturePromise;
/** Finance's token and a demo customer as finance finds it (GET ar/customers). */
function fixture() {
  fixturePromise ??= (async () => {
    const finance = await apiLogin(demo("finance_staff"));
    const found = await api("GET", "/ar/customers?per_page=5", { token: finance.token });
    assert.equal(found.status, 200, JSON.stringify(found.json));
    const customer = found.json.data.find((c) => c.customer_code);
    assert.ok(customer, "a demo customer with a code");
    return { finance, customer };
  })();
  return fixturePromise;
}

/**
 * Invoices as another system exports them: `;`-separated, a report title and a print
 * date above the header, Indonesian amounts and dates. The amount column's header is
 * one no alias names (unique per run), so the first upload needs the mapping editor.
 */
function invoiceCsv({ suffix, customer, rows }) {
  const lines = [
    "LAPORAN FAKTUR PENJUALAN;;;;;",
    `Dicetak: ${ddmmyyyy(day(0))};;;;;`,
    `No. Faktur;Kode Pelanggan;Tgl Faktur;Jatuh Tempo;Tagihan ${suffix};Keterangan`,
    ...rows.map((r) =>
      [r.number, customer.customer_code, r.issued, r.due, r.amount, r.note].join(";"),
    ),
  ];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

function rows(suffix) {
  const issued = ddmmyyyy(day(-10));
  const due = ddmmyyyy(day(20));
  const first = { number: `E2E-${suffix}-1`, issued, due, amount: "1.500.000", note: "satu" };
  return {
    good: [
      first,
      {
        number: `E2E-${suffix}-2`,
        issued,
        due,
        amount: "Rp 2.750.000,50",
        note: "dua",
      },
    ],
    // Spreadsheet row 6: month 25 does not exist. Its "500.000" is read with the
    // number style of the whole file (the other amounts told the thousands apart).
    bad: { number: `E2E-${suffix}-3`, issued: "13/25/2026", due, amount: "500.000", note: "tiga" },
    // Alone in a file, "500.000" could be 500: such a file writes the cents.
    alone: { number: `E2E-${suffix}-3`, issued, due, amount: "500.000,00", note: "tiga" },
    // Spreadsheet row 7 repeats row 4.
    duplicate: first,
  };
}

async function openImportCenter(page) {
  await openUserMenu(page);
  await page.getByTestId("menu-imports").click();
  await page.waitForURL((u) => u.pathname === "/imports");
  await page.getByTestId("import-upload").waitFor();
}

/** Uploads a file from the Import Center and waits for its import's page. */
async function upload(page, name, buffer) {
  await page.getByTestId("import-module").selectOption("invoices");
  await page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.waitForURL((u) => /^\/imports\/[0-9a-f-]{36}$/.test(u.pathname));
  await page.getByTestId("import-name").filter({ hasText: name }).waitFor();
  return new URL(page.url()).pathname.split("/").pop();
}

/** Records every state of the progress bar from now on (a short run shows it briefly). */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    const record = () => {
      const bar = document.querySelector('[role="progressbar"][data-testid="import-progress"]');
      if (!bar) return;
      const seen = {
        now: Number(bar.getAttribute("aria-valuenow")),
        max: Number(bar.getAttribute("aria-valuemax")),
      };
      const last = window.__progress.at(-1);
      if (!last || last.now !== seen.now || last.max !== seen.max) window.__progress.push(seen);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow", "aria-valuemax"],
    });
  });
}

/**
 * Starts a run with the button named `label` and waits for its end. A re-run starts
 * from "done": the run counts as started once the progress bar showed (the import
 * comes back queued from POST process, so the bar always shows at least once).
 */
async function processAndWait(page, label) {
  await watchProgress(page);
  const button = page.getByTestId("process-import");
  assert.equal((await button.innerText()).trim(), label);
  await button.click();
  await page.waitForFunction(() => window.__progress.length > 0);
  await page.getByTestId("import-running").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator('[data-testid="import-status"][data-status="done"]').waitFor();
  return page.evaluate(() => window.__progress);
}

/**
 * Every finished import notifies its uploader. The bell shows "9+" past nine unread,
 * which axe flags on the shell (its name says the exact count): reruns against one
 * database must not pile up finance's unread notifications for later a11y checks.
 */
async function readAllNotifications(token) {
  const res = await api("POST", "/notifications/read-all", { token });
  assert.ok(res.status < 300, `read-all → ${res.status}`);
}

const count = (page, name) => page.getByTestId(`count-${name}`).innerText();

/** Uploads and processes a CSV through the API (multipart from node), to its end. */
async function importThroughApi(token, name, buffer) {
  const form = new FormData();
  form.append("module", "invoices");
  form.append("file", new Blob([buffer], { type: "text/csv" }), name);
  const res = await fetch(`${BASE_URL}/api/v1/imports`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const staged = await res.json();
  assert.equal(res.status, 201, JSON.stringify(staged));
  const mapping = staged.headers.map((h, i) =>
    h.startsWith("Tagihan") ? "amount" : staged.mapping[i],
  );
  const mapped = await api("PUT", `/imports/${staged.id}/mapping`, { token, body: { mapping } });
  assert.equal(mapped.status, 200, JSON.stringify(mapped.json));
  const started = await api("POST", `/imports/${staged.id}/process`, { token });
  assert.equal(started.status, 202, JSON.stringify(started.json));
  return eventually(async () => {
    const res = await api("GET", `/imports/${staged.id}`, { token });
    assert.equal(res.json.status, "done", JSON.stringify(res.json));
    return res.json;
  }, 30_000);
}

export const tests = [
  {
    name: "imports: finance imports a messy CSV, fixes the failed row in place and re-processes",
    async run({ page }) {
      const { finance, customer } = await fixture();
      const suffix = uniqueSuffix();
      const r = rows(suffix);
      const messy = invoiceCsv({ suffix, customer, rows: [...r.good, r.bad, r.duplicate] });

      await signIn(page, demo("finance_staff"));
      await openImportCenter(page);
      const importId = await upload(page, `faktur-${suffix}.csv`, messy);

      // The header was found under the title rows; the amount column was not guessed.
      assert.match(await page.getByTestId("import-summary").innerText(), /\b3\b/);
      const amountRow = page.locator('[data-testid="mapping-row"][data-column="4"]');
      assert.equal(await amountRow.getAttribute("data-header"), `Tagihan ${suffix}`);
      assert.equal(await amountRow.getAttribute("data-field"), "");
      assert.equal(
        await page
          .locator('[data-testid="required-fields"] [data-field="amount"]')
          .getAttribute("data-mapped"),
        "false",
      );
      assert.ok(await page.getByTestId("process-import").isDisabled(), "no run while unmapped");

      // A mapping without any customer column: the server's problem shows inline.
      await page.getByTestId("mapping-select-4").selectOption("amount");
      await page.getByTestId("mapping-select-1").selectOption("");
      await page.getByTestId("save-mapping").click();
      await page
        .getByTestId("mapping-refused")
        .filter({ hasText: /customer/i })
        .waitFor();

      await page.getByTestId("mapping-select-1").selectOption("customer_code");
      await page.getByTestId("save-mapping").click();
      await page
        .locator('[data-testid="mapping-row"][data-column="4"][data-field="amount"]')
        .waitFor();
      await eventually(async () => assert.ok(await page.getByTestId("save-mapping").isDisabled()));

      const progress = await processAndWait(page, "Proses");
      assert.ok(progress.length > 0, "the progress bar showed while the import ran");
      assert.ok(
        progress.every((p) => p.max === 4 && p.now >= 0 && p.now <= 4),
        JSON.stringify(progress),
      );
      assert.equal(await count(page, "total"), "4");
      assert.equal(await count(page, "success"), "2");
      assert.equal(await count(page, "error"), "1");
      assert.equal(await count(page, "duplicate"), "1");
      assert.equal(await count(page, "created"), "2");

      // The failed row: its number in the sheet, its cells, the message in Indonesian.
      const failed = page.locator("[data-testid='import-rows'] tbody tr", {
        has: page.getByTestId("row-number").filter({ hasText: /^6$/ }),
      });
      await failed.waitFor();
      const failedText = await failed.innerText();
      assert.match(failedText, /13\/25\/2026/);
      assert.match(
        await failed.locator('[data-testid="row-cells"] [data-flagged]').innerText(),
        /^Tgl Faktur:\s*13\/25\/2026$/,
      );
      assert.match(failedText, new RegExp(`E2E-${suffix}-3`));
      assert.match(await failed.getByTestId("row-problems").innerText(), /bulan 25 tidak ada/);
      // The duplicate names the row it repeats, and cannot be "fixed".
      await page.getByTestId("rows-status").selectOption("duplicate");
      const dup = page.locator("[data-testid='import-rows'] tbody tr", {
        has: page.getByTestId("row-number").filter({ hasText: /^7$/ }),
      });
      assert.match(await dup.getByTestId("row-problems").innerText(), /baris 4/);
      assert.equal(await dup.getByTestId("fix-row").count(), 0);
      await page.getByTestId("rows-status").selectOption("error");
      await failed.waitFor();
      assert.equal((await page.getByTestId("process-import").innerText()).trim(), "Proses ulang");

      // The fix, in place: the row's dialog shows its problem above one input per column
      // (the header as written and the field it maps to), prefilled as written.
      await failed.getByTestId("fix-row").click();
      const dialog = page.getByTestId("fix-row-dialog");
      await dialog.waitFor();
      assert.match(await dialog.getByRole("heading").innerText(), /Perbaiki baris 6/);
      const problem = dialog.locator('[data-testid="fix-problems"] li[data-field="invoice_date"]');
      assert.match(await problem.innerText(), /bulan 25 tidak ada/);
      assert.equal(await dialog.getByTestId("fix-cell-0").inputValue(), `E2E-${suffix}-3`);
      assert.equal(await dialog.getByTestId("fix-cell-4").inputValue(), "500.000");
      const dateInput = dialog.getByLabel(/^Tgl Faktur \(/);
      assert.equal(await dateInput.inputValue(), "13/25/2026");
      assert.equal(await dateInput.getAttribute("aria-invalid"), "true");
      assert.ok(await dialog.getByTestId("save-fix").isDisabled(), "nothing to save yet");
      const fixedDate = day(-3);
      await dateInput.fill(ddmmyyyy(fixedDate));
      await dialog.getByTestId("save-fix").click();
      await dialog.waitFor({ state: "detached" });

      // Pending now: out of the failed rows, named as waiting for "Proses ulang".
      await page.getByTestId("rows-pending").waitFor();
      const pendingText = await page.getByTestId("rows-pending-text").innerText();
      assert.match(pendingText, /baris 6\b/);
      assert.match(pendingText, /Proses ulang/);
      await eventually(async () => assert.equal(await failed.count(), 0));
      await page.getByTestId("show-pending").click();
      const pendingRow = page.locator("[data-testid='import-rows'] tbody tr", {
        has: page.getByTestId("row-number").filter({ hasText: /^6$/ }),
      });
      assert.match(await pendingRow.getByTestId("row-pending").innerText(), /Menunggu/);
      assert.match(
        await pendingRow.getByTestId("row-cells").innerText(),
        new RegExp(ddmmyyyy(fixedDate)),
      );
      const stored = await api("GET", `/imports/${importId}/rows?status=pending`, {
        token: finance.token,
      });
      assert.deepEqual(
        stored.json.data.map((row) => [row.row_number, row.cells[2], row.errors]),
        [[6, ddmmyyyy(fixedDate), []]],
      );

      // The same import again: only the fixed row runs, and it is written.
      const rerun = await processAndWait(page, "Proses ulang");
      assert.ok(
        rerun.every((p) => p.max === 4 && p.now >= 0 && p.now <= 4),
        JSON.stringify(rerun),
      );
      assert.equal(await count(page, "total"), "4");
      assert.equal(await count(page, "success"), "3");
      assert.equal(await count(page, "error"), "0");
      assert.equal(await count(page, "duplicate"), "1");
      assert.equal(await count(page, "created"), "3");
      assert.equal(await page.getByTestId("rows-pending").count(), 0);
      assert.equal(await page.getByTestId("process-import").count(), 0);

      // Three invoices, amounts read the Indonesian way, to the cent; the fixed date kept.
      const made = await api("GET", `/invoices?q=E2E-${suffix}&per_page=10`, {
        token: finance.token,
      });
      assert.equal(made.status, 200, JSON.stringify(made.json));
      assert.deepEqual(
        made.json.data.map((i) => [i.invoice_number, i.amount, i.invoice_date]).sort(),
        [
          [`E2E-${suffix}-1`, "1500000.00", day(-10)],
          [`E2E-${suffix}-2`, "2750000.50", day(-10)],
          [`E2E-${suffix}-3`, "500000.00", fixedDate],
        ],
      );

      // In the history, newest first, with who and the counts of the last run.
      await page.getByRole("link", { name: "Pusat Impor" }).click();
      const listed = page.locator("tbody tr", {
        has: page.locator(`[data-testid="import-row"][href="/imports/${importId}"]`),
      });
      assert.match(await listed.innerText(), new RegExp(`faktur-${suffix}\\.csv`));
      // (The list shown first may be the one read before the runs: it is read again.)
      await eventually(async () =>
        assert.equal((await listed.getByTestId("import-counts").innerText()).trim(), "3 / 0 / 1"),
      );
      assert.match(await listed.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await readAllNotifications(finance.token);
    },
  },
  {
    name: "imports: a file whose header was mapped before maps itself",
    async run({ page }) {
      const { finance, customer } = await fixture();
      const suffix = uniqueSuffix();
      const r = rows(suffix);
      // The first file's mapping (its amount column by hand) is remembered for its header.
      await importThroughApi(
        finance.token,
        `ingat-${suffix}.csv`,
        invoiceCsv({ suffix, customer, rows: r.good }),
      );
      await readAllNotifications(finance.token);

      await signIn(page, demo("finance_staff"));
      await openImportCenter(page);
      await upload(
        page,
        `ingat-${suffix}-2.csv`,
        invoiceCsv({ suffix, customer, rows: [r.alone] }),
      );
      assert.equal(await page.getByTestId("mapping-select-4").inputValue(), "amount");
      assert.equal(
        await page
          .locator('[data-testid="required-fields"] [data-field="amount"]')
          .getAttribute("data-mapped"),
        "true",
      );
      await processAndWait(page, "Proses");
      assert.equal(await count(page, "total"), "1");
      assert.equal(await count(page, "success"), "1");
      assert.equal(await count(page, "error"), "0");
      assert.equal(await page.getByTestId("import-rows").count(), 0);

      const made = await api("GET", `/invoices?q=E2E-${suffix}-3&per_page=10`, {
        token: finance.token,
      });
      assert.deepEqual(
        made.json.data.map((i) => [i.invoice_number, i.amount]),
        [[`E2E-${suffix}-3`, "500000.00"]],
      );
      await readAllNotifications(finance.token);
    },
  },
  {
    name: "imports: a fix is refused with the reason once a run has written the row",
    async run({ page }) {
      const { finance, customer } = await fixture();
      const token = finance.token;
      const suffix = uniqueSuffix();
      const r = rows(suffix);
      const imported = await importThroughApi(
        token,
        `basi-${suffix}.csv`,
        invoiceCsv({ suffix, customer, rows: [...r.good, r.bad] }),
      );
      assert.equal(imported.error_count, 1);
      // Row 6 fixed through the API (as a script would): pending again.
      const { number, due, amount, note } = r.bad;
      const cells = [number, customer.customer_code, ddmmyyyy(day(-1)), due, amount, note];
      const path = `/imports/${imported.id}/rows/6`;
      const fixed = await api("PUT", path, { token, body: { cells } });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.json));
      assert.equal(fixed.json.status, "pending");
      const tooMany = await api("PUT", path, { token, body: { cells: [...cells, "x"] } });
      assert.equal(tooMany.status, 422, JSON.stringify(tooMany.json));

      await signIn(page, demo("finance_staff"), `/imports/${imported.id}`);
      await page.getByTestId("show-pending").click();
      await page.getByTestId("row-pending").waitFor();
      await page.getByTestId("fix-row").click();
      const dialog = page.getByTestId("fix-row-dialog");
      await dialog.getByTestId("fix-cell-5").fill("diubah");

      // Meanwhile a run writes the row: saving is refused, and the dialog says why.
      const started = await api("POST", `/imports/${imported.id}/process`, { token });
      assert.equal(started.status, 202, JSON.stringify(started.json));
      await eventually(async () => {
        const res = await api("GET", `/imports/${imported.id}`, { token });
        assert.equal(res.json.status, "done", JSON.stringify(res.json));
      }, 30_000);
      await dialog.getByTestId("save-fix").click();
      await dialog
        .getByTestId("fix-refused")
        .filter({ hasText: /tidak bisa diubah lagi/ })
        .waitFor();
      assert.ok(await dialog.getByTestId("save-fix").isDisabled(), "no second try");
      // Closed, the page reads the import again: the run's counts show.
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("count-success").filter({ hasText: /^3$/ }).waitFor();
      assert.equal(await count(page, "error"), "0");
      await readAllNotifications(token);
    },
  },
  {
    name: "imports: a revert is refused while an imported invoice is paid, then removes the invoices",
    async run({ page }) {
      const { finance, customer } = await fixture();
      const suffix = uniqueSuffix();
      const r = rows(suffix);
      const imported = await importThroughApi(
        finance.token,
        `revert-${suffix}.csv`,
        invoiceCsv({ suffix, customer, rows: r.good }),
      );
      assert.equal(imported.created_count, 2);
      const list = await api("GET", `/invoices?q=E2E-${suffix}&per_page=10`, {
        token: finance.token,
      });
      const invoice = list.json.data.find((i) => i.invoice_number === `E2E-${suffix}-1`);
      const paid = await api("POST", "/payments", {
        token: finance.token,
        body: {
          customer_id: customer.id,
          payment_date: day(0),
          amount: "100000.00",
          method: "bank_transfer",
          reference: `E2E-${suffix}`,
          allocations: [{ invoice_id: invoice.id, amount: "100000.00" }],
        },
      });
      assert.equal(paid.status, 201, JSON.stringify(paid.json));

      await signIn(page, demo("finance_staff"), `/imports/${imported.id}`);
      await page.locator('[data-testid="import-status"][data-status="done"]').waitFor();
      await page.getByTestId("revert-import").click();
      await page.getByTestId("confirm-revert").click();
      await page
        .getByTestId("revert-refused")
        .filter({ hasText: /in use|payment/i })
        .waitFor();
      await page.getByRole("button", { name: "Batal" }).click();

      const reversed = await api("POST", `/payments/${paid.json.id}/reverse`, {
        token: finance.token,
        body: {},
      });
      assert.equal(reversed.status, 200, JSON.stringify(reversed.json));
      await page.getByTestId("revert-import").click();
      await page.getByTestId("confirm-revert").click();
      await page.locator('[data-testid="import-status"][data-status="reverted"]').waitFor();
      await page.getByTestId("import-reverted").waitFor();
      assert.equal(await page.getByTestId("revert-import").count(), 0);
      assert.equal(await page.getByTestId("mapping-editor").count(), 0);

      await eventually(async () => {
        const left = await api("GET", `/invoices?q=E2E-${suffix}&per_page=10`, {
          token: finance.token,
        });
        assert.deepEqual(left.json.data, []);
      });
      await readAllNotifications(finance.token);
    },
  },
  {
    name: "imports: a user without import rights has no menu entry and no Import Center",
    async run({ page }) {
      const ops = await apiLogin(demo("ops_exim"));
      const modules = await api("GET", "/imports/modules", { token: ops.token });
      assert.deepEqual(modules.json, [], "ops_exim imports into nothing");
      await signIn(page, demo("ops_exim"));
      await openUserMenu(page);
      await page.getByTestId("menu-profile").waitFor();
      assert.equal(await page.getByTestId("menu-imports").count(), 0);
      await page.keyboard.press("Escape");
      await page.goto("/imports");
      await page.getByTestId("forbidden-state").waitFor();
    },
  },
  {
    name: "a11y: the Import Center and an import's page",
    async run({ page }) {
      const { finance, customer } = await fixture();
      const suffix = uniqueSuffix();
      const r = rows(suffix);
      const imported = await importThroughApi(
        finance.token,
        `a11y-${suffix}.csv`,
        invoiceCsv({ suffix, customer, rows: [...r.good, r.bad] }),
      );
      await readAllNotifications(finance.token);
      await signIn(page, demo("finance_staff"), "/imports");
      await page.getByTestId("import-row").first().waitFor();
      await assertAccessible(page, "/imports");
      await page.goto(`/imports/${imported.id}`);
      await page.getByTestId("row-number").first().waitFor();
      await assertAccessible(page, "/imports/$id");
      await page.getByTestId("fix-row").first().click();
      await page.getByTestId("fix-row-dialog").waitFor();
      await assertAccessible(page, "/imports/$id, fix a row");
    },
  },
];
