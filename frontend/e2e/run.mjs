#!/usr/bin/env node
// End-to-end runner: playwright-core driving Debian's chromium against a running
// server (the backend serving frontend/dist). No Playwright test runner, no browser
// download. Usage: node e2e/run.mjs [name filter]
//   E2E_BASE_URL   default http://127.0.0.1:8080
//   CHROMIUM_PATH  default /usr/bin/chromium
//   E2E_HEADED=1   show the browser (needs a display)
// Prints one line per test and finally "N passed, M failed"; exits 1 on any failure.
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { BASE_URL } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, "artifacts");
const filter = process.argv[2] ?? process.env.E2E_GREP ?? "";
// The longest flows (a lead through handover to the masked RFQ, four roles) take ~40 s on a
// quiet 2-core box; the cap leaves room for a loaded one.
const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 120_000);

const specFiles = readdirSync(join(here, "specs"))
  .filter((f) => f.endsWith(".spec.mjs"))
  .sort();
const tests = [];
for (const file of specFiles) {
  const mod = await import(pathToFileURL(join(here, "specs", file)).href);
  for (const t of mod.tests) tests.push({ ...t, file });
}
const selected = tests.filter((t) => t.name.includes(filter));

let passed = 0;
let failed = 0;

async function preflight() {
  try {
    const res = await fetch(new URL("/readyz", BASE_URL), { signal: AbortSignal.timeout(5000) });
    return res.ok ? null : `GET /readyz answered ${res.status}`;
  } catch (e) {
    return `cannot reach ${BASE_URL}: ${e.cause?.code ?? e.message}`;
  }
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${name}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

console.log(`e2e: ${selected.length} test(s) against ${BASE_URL}`);
const down = await preflight();
if (down) {
  console.log(`e2e: server not ready (${down})`);
  for (const t of selected) console.log(`✗ ${t.name} — not run: server not ready`);
  failed = selected.length || 1;
} else {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: process.env.E2E_HEADED !== "1",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ].filter((a) => a !== "--headless" || process.env.E2E_HEADED !== "1"),
  });
  try {
    for (const t of selected) {
      const context = await browser.newContext({
        baseURL: BASE_URL,
        viewport: { width: 1280, height: 800 },
        locale: "id-ID",
        timezoneId: "Asia/Jakarta",
        // The server's CSP forbids inline scripts; only the axe checks inject one.
        bypassCSP: t.name.startsWith("a11y"),
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const consoleErrors = [];
      page.on("pageerror", (e) => consoleErrors.push(String(e)));
      const started = Date.now();
      try {
        await withTimeout(t.run({ page, context, browser }), TEST_TIMEOUT_MS, t.name);
        passed += 1;
        console.log(`✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`✗ ${t.name} (${Date.now() - started} ms)`);
        const message = error instanceof Error ? error.message : String(error);
        const where = String(error?.stack ?? "")
          .split("\n")
          .find((l) => l.includes("/e2e/"));
        console.log(`    ${message.split("\n").slice(0, 60).join("\n    ")}`);
        if (where) console.log(`    ${where.trim()}`);
        if (consoleErrors.length) console.log(`    page errors: ${consoleErrors.join(" | ")}`);
        try {
          mkdirSync(artifacts, { recursive: true });
          const shot = join(artifacts, `${t.name.replace(/[^a-z0-9]+/gi, "_")}.png`);
          await page.screenshot({ path: shot, fullPage: true });
          console.log(`    screenshot: ${shot}`);
        } catch {
          // page already gone
        }
      } finally {
        await context.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close();
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
