#!/usr/bin/env node
// Fails when src/api/schema.d.ts is not what `npm run gen:api` produces from
// ../openapi/openapi.json (the committed spec), i.e. when the client types are stale.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderEnums } from "./gen-enums.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const spec = resolve(root, process.env.OPENAPI_JSON ?? "../openapi/openapi.json");
const committed = join(root, "src/api/schema.d.ts");

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} not found (the backend generates it)`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "cc-api-"));
const out = join(dir, "schema.d.ts");
try {
  const bin = join(root, "node_modules/.bin/openapi-typescript");
  const res = spawnSync(bin, [spec, "-o", out], { stdio: ["ignore", "ignore", "inherit"] });
  if (res.status !== 0) {
    console.error("check:api: openapi-typescript failed");
    process.exit(res.status ?? 1);
  }
  const fresh = readFileSync(out, "utf8");
  const current = existsSync(committed) ? readFileSync(committed, "utf8") : "";
  if (fresh !== current) {
    const a = current.split("\n");
    const b = fresh.split("\n");
    const line = a.findIndex((l, i) => l !== b[i]);
    console.error(
      `check:api: src/api/schema.d.ts is stale (first difference at line ${line + 1}); run \`npm run gen:api\``,
    );
    process.exit(1);
  }
  const enumsPath = join(root, "src/api/enums.gen.ts");
  const enumsFresh = renderEnums(JSON.parse(readFileSync(spec, "utf8")));
  const enumsNow = existsSync(enumsPath) ? readFileSync(enumsPath, "utf8") : "";
  if (enumsFresh !== enumsNow) {
    console.error("check:api: src/api/enums.gen.ts is stale; run `npm run gen:api`");
    process.exit(1);
  }
  console.log("check:api: src/api/schema.d.ts and enums.gen.ts match ../openapi/openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
