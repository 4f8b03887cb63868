#!/usr/bin/env node
// Prints the gzip size of the JavaScript a first visit downloads: the entry
// <script type="module"> and every <link rel="modulepreload"> in dist/index.html.
// Lazy route chunks are not counted. Fails above the budget (SPEC §6: 250 KB gzip).
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = Number(process.env.SIZE_BUDGET_KB ?? 250);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const indexPath = join(dist, "index.html");

if (!existsSync(indexPath)) {
  console.error("dist/index.html not found: run `npm run build` first");
  process.exit(2);
}

const html = readFileSync(indexPath, "utf8");
const refs = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
if (refs.size === 0) {
  console.error("no module script found in dist/index.html");
  process.exit(2);
}

let total = 0;
const rows = [];
for (const ref of refs) {
  const file = join(dist, ref.replace(/^\//, ""));
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  rows.push([ref, raw.length, gz]);
}
const kb = (n) => (n / 1024).toFixed(1);
for (const [ref, raw, gz] of rows) console.log(`${ref}  ${kb(raw)} KB raw  ${kb(gz)} KB gzip`);
console.log(`initial JS: ${kb(total)} KB gzip (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) {
  console.error(`over budget by ${kb(total - BUDGET_KB * 1024)} KB`);
  process.exit(1);
}
