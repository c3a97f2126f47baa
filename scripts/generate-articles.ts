/**
 * Writes N synthetic ~800-word articles (valid front matter, realistic
 * Vietnamese text built from the bundled seeds) into <root>/content, for
 * benchmarks and scale tests. Deterministic for a given N.
 *
 *   tsx scripts/generate-articles.ts --count 10000 --root /tmp/bench-site
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { CURRENT_PROVINCES, PROVINCES } from "../src/provinces.ts";

/** Generates the files; returns the number written. */
export function generateArticles(root: string, count: number, seedDir = path.resolve(import.meta.dirname, "../content")): number {
  const words = readdirSync(seedDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .map((f) => readFileSync(path.join(seedDir, f), "utf8").split(/^---$/m)[2] ?? "")
    .join(" ")
    .replace(/[*_#>]/g, "")
    .split(/\s+/)
    .filter(Boolean);
  const content = path.join(root, "content");
  rmSync(content, { recursive: true, force: true });
  const units = PROVINCES.filter((p) => p.in63 || p.current);
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < count; i++) {
    const unit = units[i % units.length] ?? CURRENT_PROVINCES[0]!;
    const year = 2010 + (i % 15);
    const usable = unit.successorSince && `${year}` >= unit.successorSince.slice(0, 4) ? (unit.successor ?? unit.id) : unit.id;
    const month = String(1 + rand(12)).padStart(2, "0");
    const day = String(1 + rand(28)).padStart(2, "0");
    const paragraphs: string[] = [];
    for (let p = 0; p < 8; p++) {
      const start = rand(Math.max(1, words.length - 120));
      paragraphs.push(words.slice(start, start + 100).join(" "));
    }
    const dir = path.join(content, usable, String(year));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `${year}-${month}-${day}-hoi-nghi-tong-ket-${i}.md`),
      `---
title: "Hội nghị tổng kết công tác năm ${year - 1}, triển khai nhiệm vụ năm ${year} (${i})"
date: ${year}-${month}-${day}
province: ${usable}
agency: Sở Thông tin và Truyền thông
reviewYear: ${year - 1}
planYear: ${year}
officials:
  - name: Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}
    role: Giám đốc Sở
    honorific: Ông
  - name: Trần Thị ${String.fromCharCode(65 + ((i + 7) % 26))}
    role: Phó Giám đốc Sở
    honorific: Bà
awards:
  - title: Giấy khen
    recipient: cá nhân
    count: ${1 + (i % 12)}
    conferredBy: Giám đốc Sở
tags: [tổng kết, "năm ${year}"]
author: Phóng viên ${i % 50}
---
${paragraphs.join("\n\n")}
`,
    );
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = runCommandLine(
    defineCommand({
      invocation: "npx tsx scripts/generate-articles.ts",
      summary: "cli.command.generateArticles",
      options: {
        count: { type: "string", value: "number", default: "1000", help: "cli.option.count" },
        root: { type: "string", value: "dir", default: "/tmp/bench-site", help: "cli.option.generateRoot" },
      },
    }),
  );
  const n = generateArticles(path.resolve(values.root), Number(values.count));
  console.log(`Wrote ${n} articles under ${path.join(values.root, "content")}`);
}
