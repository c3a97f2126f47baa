/**
 * The examples of messages in the editor's guide (docs/huong-dan-bien-tap.md),
 * produced by the real check so that they cannot drift from what editors see.
 *
 * The guide marks each example with the catalogue key it shows:
 *
 *   <!-- ví-dụ: content.province.unknown -->
 *   ```text
 *   …filled in by scripts/editor-guide.ts…
 *   ```
 *   <!-- hết-ví-dụ -->
 *
 * For each key, GUIDE_CASES holds a small project (articles an editor could
 * write, with the one mistake) that `npm run check` is run on, in
 * Vietnamese; the block shows the problems with that key exactly as the
 * command prints them. test/editor-guide.test.ts fails when a block differs
 * from what the check says today, or names a key the catalogue does not have.
 *
 * The table of province ids (between `<!-- bảng-mã-tỉnh -->` and
 * `<!-- hết-bảng-mã-tỉnh -->`) is written from the registry
 * (src/provinces.ts) the same way: the message for an unknown province
 * points editors to it, in Vietnamese.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatContentError } from "../content/errors.ts";
import { CATALOGUE } from "../messages/catalogue.ts";
import { getLanguage, setLanguage, tIn } from "../messages/index.ts";
import { formatShortDay } from "../dates.ts";
import { PROVINCES } from "../provinces.ts";
import { runCheck } from "./run-check.ts";

/** One example: the files of a project, and the key whose problems the guide shows. */
export interface GuideCase {
  readonly files: Readonly<Record<string, string | Uint8Array>>;
}

/** A tiny JPEG header: enough for the check, which reads only that the file is there. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

const article = (frontMatter: string, body = "Chiều 29/11/2016, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết."): string => `---\n${frontMatter.trim()}\n---\n${body}\n`;
const GOOD = 'title: "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017"\ndate: 2016-12-09\nprovince: gia-lai';
const FILE = "content/gia-lai/2016-12-09-hoi-nghi-tong-ket.md";

/** The examples, by catalogue key. The time the check "runs" is fixed (GUIDE_NOW). */
export const GUIDE_CASES: Readonly<Record<string, GuideCase>> = {
  "content.province.unknown": { files: { [FILE]: article(GOOD.replace("province: gia-lai", "province: gia-lia")) } },
  "content.province.merged": {
    files: { "content/binh-duong/2025-12-20-hoi-nghi-tong-ket.md": article('title: "Hội nghị tổng kết công tác năm 2025"\ndate: 2025-12-20\nprovince: binh-duong') },
  },
  "content.date.dayMonthYear": { files: { [FILE]: article(GOOD.replace("date: 2016-12-09", "date: 09/12/2016")) } },
  "content.date.noSuchDay": { files: { "content/gia-lai/2017-02-30-hoi-nghi.md": article(GOOD.replace("date: 2016-12-09", "date: 2017-02-30")) } },
  "content.yaml.colon": { files: { [FILE]: article(GOOD.replace(/^title: .*$/m, "title: Hội nghị tổng kết: triển khai nhiệm vụ năm 2017")) } },
  "content.yaml.tab": { files: { [FILE]: article(`${GOOD}\nofficials:\n\t- name: Nguyễn Dũng`) } },
  "content.frontMatterUnclosedAt": { files: { [FILE]: `---\n${GOOD}\n\nChiều 29/11/2016, Sở tổ chức hội nghị.\n` } },
  "content.unknownField": { files: { [FILE]: article(`${GOOD}\nauthr: Trần Thị Bích Thủy`) } },
  "content.required": { files: { [FILE]: article("date: 2016-12-09\nprovince: gia-lai") } },
  "content.imageMissingSuggest": {
    files: { [FILE]: article(`${GOOD}\nimage:\n  src: toan-canh.jpg\n  alt: Toàn cảnh hội nghị\n  caption: Toàn cảnh hội nghị`), "content/gia-lai/Toan-Canh.jpg": JPEG },
  },
  "content.imageMissing": { files: { [FILE]: article(`${GOOD}\nimage:\n  src: toan-canh.jpg\n  alt: Toàn cảnh hội nghị\n  caption: Toàn cảnh hội nghị`) } },
  "media.bodyAltMissing": { files: { [FILE]: article(GOOD, "Chiều 29/11/2016, Sở tổ chức hội nghị.\n\n![](trao-thuong.jpg)"), "content/gia-lai/trao-thuong.jpg": JPEG } },
  "content.duplicateUrl": {
    files: { [FILE]: article(GOOD), "content/gia-lai/2016-12-10-hoi-nghi-tong-ket.md": article(GOOD.replace("date: 2016-12-09", "date: 2016-12-10")) },
  },
  "ledger.articleGone": {
    files: {
      "content/gia-lai/2016-12-09-hoi-nghi-tong-ket-2016.md": article(GOOD),
      "published-urls.json": `${JSON.stringify({ entries: [{ code: "7kq2m", urls: ["/gia-lai/2016/hoi-nghi-tong-ket/"] }] }, null, 2)}\n`,
    },
  },
  "people.ambiguousName": {
    files: {
      "content/gia-lai/2016-12-09-so-tttt.md": article(`${GOOD}\nofficials:\n  - name: Nguyễn Văn Hùng\n    role: Giám đốc Sở TT&TT\n    id: nguyen-van-hung-so-tttt`),
      "content/gia-lai/2016-12-15-ubnd.md": article(`${GOOD.replace("2016-12-09", "2016-12-15")}\nofficials:\n  - name: Nguyễn Văn Hùng\n    role: Phó Chủ tịch UBND tỉnh\n    id: nguyen-van-hung-ubnd`),
      "content/gia-lai/2016-12-20-hoi-nghi.md": article(`${GOOD.replace("2016-12-09", "2016-12-20")}\nofficials:\n  - name: Nguyễn Văn Hùng`),
    },
  },
  "content.warn.h1": { files: { [FILE]: article(GOOD, "# Kết quả năm 2016\n\nChiều 29/11/2016, Sở tổ chức hội nghị.") } },
  "content.notice.unusedImage": { files: { [FILE]: article(GOOD), "content/gia-lai/anh-cu.jpg": JPEG } },
  "content.notice.fileName": { files: { "content/gia-lai/Hội nghị tổng kết 2016.md": article(GOOD) } },
  "check.warn.titleReviewYear": { files: { [FILE]: article(`${GOOD}\nreviewYear: 2015`) } },
  "check.warn.bodyYear": { files: { [FILE]: article(GOOD, "Chiều 29/11/2015, Sở Thông tin và Truyền thông tổ chức hội nghị tổng kết.") } },
  "check.warn.futureDate": { files: { "content/gia-lai/2026-12-20-hoi-nghi.md": article('title: "Hội nghị tổng kết công tác năm 2026"\ndate: 2026-12-20\nprovince: gia-lai') } },
  "check.warn.roleChanged": {
    files: {
      "content/gia-lai/2016-12-09-hoi-nghi.md": article(`${GOOD}\nofficials:\n  - name: Nguyễn Dũng\n    role: Giám đốc Trung tâm CNTT&TT`),
      "content/gia-lai/2017-01-05-so-ket.md": article(`title: "Sơ kết quý IV"\ndate: 2017-01-05\nprovince: gia-lai\nofficials:\n  - name: Nguyễn Dũng\n    role: Phó Giám đốc Trung tâm CNTT&TT`),
    },
  },
  "check.warn.imageCaption": { files: { [FILE]: article(`${GOOD}\nimage:\n  src: toan-canh.jpg\n  alt: Toàn cảnh hội nghị`), "content/gia-lai/toan-canh.jpg": JPEG } },
  "check.warn.duplicateTitle": {
    files: { [FILE]: article(GOOD), "content/gia-lai/2016-12-20-hoi-nghi-so-tttt.md": article(GOOD.replace("2016-12-09", "2016-12-20")) },
  },
};

/** The day the examples are checked on (a date in the future is judged against it). */
export const GUIDE_NOW = Date.parse("2026-11-27T03:00:00Z");

/** What `npm run check` prints for the problems with `key` in its example project, in Vietnamese. */
export async function guideExample(key: string): Promise<string> {
  const guideCase = GUIDE_CASES[key];
  if (!guideCase) throw new Error(`no example for ${key} in GUIDE_CASES`);
  const root = mkdtempSync(path.join(os.tmpdir(), "huong-dan-"));
  const previous = getLanguage();
  setLanguage("vi");
  try {
    for (const [rel, bytes] of Object.entries(guideCase.files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), bytes);
    }
    const report = await runCheck({ rootDir: root, cache: false, now: GUIDE_NOW, threads: 1 });
    const shown = report.problems.filter((p) => p.code === key);
    if (shown.length === 0) throw new Error(`the example for ${key} gives ${report.problems.map((p) => p.code).join(", ") || "no problem"}`);
    return shown.map(formatContentError).join("\n");
  } finally {
    setLanguage(previous);
    rmSync(root, { recursive: true, force: true });
  }
}

const BLOCK = /(<!-- ví-dụ: ([a-zA-Z0-9.]+) -->\n)```text\n[\s\S]*?```\n(?=<!-- hết-ví-dụ -->)/g;

/** The keys the guide shows examples of, in order. */
export function guideKeys(guide: string): string[] {
  return [...guide.matchAll(BLOCK)].map((m) => m[2] ?? "");
}

/** Whether `key` is a message of the catalogue. */
export function isCatalogueKey(key: string): boolean {
  return Object.hasOwn(CATALOGUE, key);
}

const TABLE = /(<!-- bảng-mã-tỉnh -->\n)[\s\S]*?(?=<!-- hết-bảng-mã-tỉnh -->)/g;

/** The table of province ids, from the registry, in the guide's language (Vietnamese). */
function provinceTable(): string {
  const rows = PROVINCES.map((unit) => {
    const kind = tIn("vi", unit.kind === "thanh-pho" ? "check.guide.provinceCity" : "check.guide.provinceProvince");
    const moved = { successor: unit.successor ?? "", since: unit.successorSince ? formatShortDay(unit.successorSince) : "" };
    const status = unit.current
      ? tIn("vi", "check.guide.provinceCurrent")
      : unit.successor
        ? tIn("vi", unit.change === "renamed" ? "check.guide.provinceRenamed" : "check.guide.provinceMerged", moved)
        : tIn("vi", "check.guide.provinceGone");
    return `| \`${unit.id}\` | ${unit.name} | ${kind} | ${status} |`;
  });
  return [tIn("vi", "check.guide.provinceHeader"), "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The guide with every example block filled in from the check as it is today, and the table of province ids from the registry. */
export async function fillGuide(guide: string): Promise<string> {
  const examples = new Map<string, string>();
  for (const key of guideKeys(guide)) if (!examples.has(key)) examples.set(key, await guideExample(key));
  return guide
    .replace(BLOCK, (_whole, open: string, key: string) => `${open}\`\`\`text\n${examples.get(key) ?? ""}\n\`\`\`\n`)
    .replace(TABLE, (_whole, open: string) => `${open}${provinceTable()}\n`);
}
