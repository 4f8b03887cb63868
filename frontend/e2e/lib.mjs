// Shared helpers for the e2e specs (plain playwright-core, no test framework).
import assert from "node:assert/strict";
import { createRequire } from "node:module";

export const BASE_URL = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
export const PASSWORD = "demo12345";
export const demo = (role) => `${role}@demo.local`;
export { assert };

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** SPEC §3: top-level menus per role, in sidebar order. */
export const EXPECTED_MENUS = {
  super_admin: ["dashboard", "kpi", "crm", "ticketing", "dso"],
  salesperson: ["dashboard", "kpi", "crm", "ticketing", "dso"],
  ops_exim: ["dashboard", "ticketing"],
  finance_staff: ["dashboard", "dso"],
  cs_agent: ["dashboard", "ticketing"],
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Calls the API from node (not through the browser). */
export async function api(method, path, { token, body, headers = {} } = {}) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

/** POST auth/login, waiting out a 429 (Retry-After) so reruns stay green. */
export async function apiLogin(email, password = PASSWORD) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const res = await api("POST", "/auth/login", { body: { email, password } });
    if (res.status === 200) return res.json;
    if (res.status === 429) {
      const wait = Number(res.headers.get("retry-after") ?? 5);
      await sleep(Math.min(wait, 30) * 1000 + 250);
      continue;
    }
    throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.json)}`);
  }
  throw new Error(`login ${email}: still rate limited`);
}

/** Starts the SPA already signed in (tokens put where the app keeps them). */
export async function signIn(page, email, path = "/") {
  const tokens = await apiLogin(email);
  await page.goto("/login");
  await page.evaluate((t) => {
    localStorage.setItem(
      "cc.session",
      JSON.stringify({
        token: t.token,
        refreshToken: t.refresh_token,
        expiresAt: Date.now() + t.expires_in * 1000,
      }),
    );
  }, tokens);
  await page.goto(path);
  await page.getByTestId("sidebar").waitFor();
  return tokens;
}

/** Signs in through the login form. */
export async function loginUI(page, email, password = PASSWORD) {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId("login-submit").click();
}

export async function visibleMenus(page) {
  await page.getByTestId("sidebar").waitFor();
  return page.$$eval('[data-testid="sidebar"] [data-menu]', (els) =>
    els.map((e) => e.getAttribute("data-menu")),
  );
}

/** Retries an assertion until it passes or the time is up. */
export async function eventually(fn, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > end) throw error;
      await sleep(150);
    }
  }
}

export async function openUserMenu(page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menu").waitFor();
}

/** Injects axe-core and fails on serious or critical violations. */
export async function assertAccessible(page, label) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef -- injected by addScriptTag
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
  });
  assert.deepEqual(
    violations,
    [],
    `${label}: axe found ${violations.length} serious/critical violation(s):\n${JSON.stringify(violations, null, 2)}`,
  );
}

export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
