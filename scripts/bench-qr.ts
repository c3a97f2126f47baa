/**
 * Benchmarks src/qr.ts against qrcode's own renderers for 10,000 distinct
 * short links (`{site}/q/{5–6 char base32 code}/`).
 *
 *   npx tsx scripts/bench-qr.ts
 *
 * Each measured pass is preceded by a short warm-up on other URLs so JIT
 * compilation is not billed to the first implementation measured.
 */
import { performance } from "node:perf_hooks";
import QRCode from "qrcode";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { qrMatrix, qrPng, qrSvg } from "../src/qr.ts";

runCommandLine(defineCommand({ invocation: "npx tsx scripts/bench-qr.ts", summary: "cli.command.benchQr", options: {} }));

const COUNT = 10_000;
const WARMUP = 300;
const SITES = ["https://example.gov.vn", "https://sotuphap.daklak.gov.vn"]; // 22 and 30 chars
const BASE32 = "abcdefghijkmnpqrstuvwxyz23456789"; // Crockford-ish lowercase alphabet

function code(n: number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    s = (BASE32[n % 32] ?? "") + s;
    n = Math.floor(n / 32);
  }
  return s;
}

function urls(offset: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = (offset + i) * 7919; // spread codes across the space
    return `${SITES[i % SITES.length]}/q/${code(n, i % 3 === 0 ? 6 : 5)}/`;
  });
}

const list = urls(0, COUNT);
const warm = urls(COUNT, WARMUP);
if (new Set(list).size !== COUNT) throw new Error("URLs are not distinct");

async function bench(name: string, fn: (url: string) => unknown, count = COUNT): Promise<number> {
  for (const url of warm) await fn(url);
  let bytes = 0;
  const start = performance.now();
  for (const url of list.slice(0, count)) {
    const out = await fn(url);
    if (typeof out === "string" || Buffer.isBuffer(out)) bytes += out.length;
  }
  const ms = performance.now() - start;
  const avg = bytes ? `, avg ${Math.round(bytes / count)} bytes` : "";
  const of = count === COUNT ? "" : ` (first ${count})`;
  console.log(
    `${(name + of).padEnd(56)} ${ms.toFixed(0).padStart(6)} ms total  ${((ms / count) * 1000).toFixed(1).padStart(6)} µs/item${avg}`,
  );
  return ms / count; // per item
}

let maxVersion = 0;
for (const url of list) maxVersion = Math.max(maxVersion, qrMatrix(url).version);
console.log(`${COUNT} distinct URLs, e.g. ${list[0]} … ${list[1]}; max QR version ${maxVersion}\n`);

const refMatrix = await bench("QRCode.create, level Q (qrcode's own mask search)", (u) =>
  QRCode.create(u, { errorCorrectionLevel: "Q" }),
);
const matrix = await bench("qrMatrix (create with mask 0 + own mask search)", (u) => qrMatrix(u));
const svg = await bench("qrSvg", (u) => qrSvg(u, { label: "Mã QR" }));
const png = await bench("qrPng (scale 10)", (u) => qrPng(u));
const refSvg = await bench(`QRCode.toString svg, Q (await each)`, (u) =>
  QRCode.toString(u, { type: "svg", errorCorrectionLevel: "Q" }),
);
// qrcode's PNG path costs ~19 ms per code here (over 3 minutes for all 10k),
// so it is timed on a 1,000-URL subset; per-item figures stay comparable.
const refPng = await bench(
  `QRCode.toBuffer png, Q, scale 10 (await each)`,
  (u) => QRCode.toBuffer(u, { errorCorrectionLevel: "Q", scale: 10, margin: 4 }),
  1_000,
);

console.log(
  `\nqrMatrix is ${(refMatrix / matrix).toFixed(1)}× faster than QRCode.create; ` +
    `qrSvg is ${(refSvg / svg).toFixed(1)}× faster than QRCode.toString; ` +
    `qrPng is ${(refPng / png).toFixed(1)}× faster than QRCode.toBuffer; ` +
    `building the matrix is ${((matrix / svg) * 100).toFixed(0)}% of qrSvg's time.`,
);
