/**
 * The preview's content store keeps its article list up to date by
 * replacing entries in place when an edit keeps an article's place (URL,
 * date, aliases), and sorts and cross-checks again otherwise. Whatever the
 * sequence of edits, its snapshot must equal that of a store that parsed
 * everything afresh.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ContentStore } from "../src/preview/content-store.ts";

const root = mkdtempSync(path.join(tmpdir(), "preview-store-"));
cpSync(path.resolve(import.meta.dirname, "fixtures/valid-site"), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const OTHER = "content/gia-lai/2017-02-01-khac.md";
const original = readFileSync(path.join(root, ARTICLE), "utf8");
afterEach(() => {
  writeFileSync(path.join(root, ARTICLE), original);
  rmSync(path.join(root, OTHER), { force: true });
});

/**
 * What a snapshot says, in comparable form. A file with errors is left out
 * of the articles: the running store keeps its last valid version on
 * purpose (the preview shows it while the editor mends the file), which a
 * fresh parse never saw.
 */
function seen(store: ContentStore): { articles: string[]; titles: string[]; errors: string[] } {
  const snap = store.snapshot();
  const broken = new Set(snap.errors.map((e) => e.file));
  const articles = snap.articles.filter((a) => !broken.has(a.sourcePath));
  return {
    articles: articles.map((a) => `${a.sourcePath} ${a.url} ${a.date.iso}`),
    titles: articles.map((a) => a.title),
    errors: snap.errors.map((e) => `${e.file}|${e.field ?? ""}|${e.message}`).sort(),
  };
}

function fresh(): ContentStore {
  const store = new ContentStore(root);
  store.loadAll();
  return store;
}

describe("preview content store", () => {
  it("after any sequence of edits, its snapshot equals a fresh parse's", () => {
    const store = fresh();
    const steps: [string, string | undefined][] = [
      [ARTICLE, original.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Sửa tại chỗ")],
      [ARTICLE, original.replace("Năm 2016 là năm", "Năm ấy là năm")],
      [OTHER, "---\ntitle: Bài khác\ndate: 2017-02-01\nprovince: gia-lai\n---\nKhác.\n"],
      [ARTICLE, original.replace("date: 2016-11-29T14:00", "date: 2018-03-01T08:00")],
      [OTHER, "---\ntitle: Bài khác, có bí danh trùng\ndate: 2017-02-01\nprovince: gia-lai\naliases:\n  - /gia-lai/2016/hoi-nghi-tong-ket/\n---\nKhác.\n"],
      [ARTICLE, original.replace("province: gia-lai", "province: gia-lia")],
      [ARTICLE, original],
      [OTHER, "---\ntitle: Bài khác, sửa chữ\ndate: 2017-02-01\nprovince: gia-lai\naliases:\n  - /gia-lai/2016/hoi-nghi-tong-ket/\n---\nKhác nữa.\n"],
      [OTHER, undefined],
    ];
    let checked = 0;
    for (const [file, text] of steps) {
      if (text === undefined) unlinkSync(path.join(root, file));
      else writeFileSync(path.join(root, file), text);
      store.refreshFolder(path.posix.dirname(file), [file]);
      expect(seen(store)).toEqual(seen(fresh()));
      checked++;
    }
    expect(checked).toBe(steps.length);
    // The cross-check's error came and went with the alias.
    expect(store.snapshot().errors).toEqual([]);
  });

  it("reports the duplicate alias while it exists, though the edit that adds it keeps the article's place", () => {
    const store = fresh();
    writeFileSync(path.join(root, OTHER), "---\ntitle: Bài khác\ndate: 2017-02-01\nprovince: gia-lai\n---\nKhác.\n");
    store.refreshFolder("content/gia-lai", [OTHER]);
    writeFileSync(path.join(root, OTHER), "---\ntitle: Bài khác\ndate: 2017-02-01\nprovince: gia-lai\naliases:\n  - /gia-lai/2016/hoi-nghi-tong-ket/\n---\nKhác.\n");
    store.refreshFolder("content/gia-lai", [OTHER]);
    expect(store.snapshot().errors.map((e) => e.field)).toContain("aliases");
    unlinkSync(path.join(root, OTHER));
    store.refreshFolder("content/gia-lai", [OTHER]);
    expect(store.snapshot().errors).toEqual([]);
  });
});
