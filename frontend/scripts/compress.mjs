#!/usr/bin/env node
// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file in
// dist/assets after `vite build`; the server sends the copy the browser accepts, with
// Content-Encoding, so nothing is compressed per request. Node's own zlib, no package.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const assets = join(root, "dist", "assets");
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|html|map|wasm)$/;
// Smaller files gain less than the header costs.
const MIN_BYTES = 1024;

let files = 0;
let raw = 0;
let br = 0;
for (const name of readdirSync(assets)) {
  const path = join(assets, name);
  if (!COMPRESSIBLE.test(name) || statSync(path).size < MIN_BYTES) continue;
  const data = readFileSync(path);
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  files += 1;
  raw += data.length;
  br += brotli.length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`compressed ${files} assets: ${kb(raw)} KB raw, ${kb(br)} KB brotli`);
