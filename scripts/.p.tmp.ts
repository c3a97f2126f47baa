import { qrPng, qrMatrix, qrSvg } from "../src/qr.ts";
const list: string[] = [];
for (let i = 0; i < 2000; i++) list.push(`https://sotuphap.daklak.gov.vn/q/${(i * 7919 + 100000).toString(32)}/`);
function t(name: string, fn: (u: string) => unknown) {
  for (const u of list.slice(0, 200)) fn(u);
  const s = performance.now(); let bytes = 0; for (const u of list) { const o = fn(u); if (o && typeof (o as Buffer).length === "number") bytes += (o as Buffer).length; }
  console.log(name.padEnd(30), (((performance.now() - s) / list.length) * 1000).toFixed(1), "µs", Math.round(bytes / list.length));
}
t("matrix", qrMatrix);
t("svg", (u) => qrSvg(u));
t("png", (u) => qrPng(u));
t("png s1", (u) => qrPng(u, {scale: 1}));
t("png s32", (u) => qrPng(u, {scale: 32}));
