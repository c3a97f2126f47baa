/**
 * The preview answers an edit before it plans the whole site again: an edit
 * that changed only what the article's own page shows is served from the
 * new parse against the last full plan, and the whole site is planned again
 * once edits pause. What this must never cost: the edited page differs from
 * what the full plan serves, a banner is missing or stale, or the site after
 * the pause differs from a preview started fresh on the same content.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type PreviewServer } from "../src/preview/preview-server.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";

const root = mkdtempSync(path.join(tmpdir(), "preview-background-"));
const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const ADDED = "content/gia-lai/2017-01-05-bai-them.md";
const URL_PATH = "/gia-lai/2016/hoi-nghi-tong-ket/";
const POLL = { timeout: 5_000, interval: 20 };
const config = siteConfigFromEnv({});
let original = "";
const started: PreviewServer[] = [];

async function open(settleDelayMs?: number): Promise<PreviewServer> {
  const preview = await startPreview({ rootDir: root, port: 0, config, ...(settleDelayMs === undefined ? {} : { settleDelayMs }) });
  started.push(preview);
  return preview;
}

async function get(preview: PreviewServer, pathname: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${preview.url}${pathname}`, { redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

const save = (text: string, file = ARTICLE): void => writeFileSync(path.join(root, file), text);

beforeAll(() => {
  cpSync(path.resolve(import.meta.dirname, "fixtures/valid-site"), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  original = readFileSync(path.join(root, ARTICLE), "utf8");
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.close()));
  save(original);
  rmSync(path.join(root, ADDED), { force: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("edits answered before the whole site is planned again", () => {
  it("serves the edited page from the new parse, byte for byte what the full plan then serves", async () => {
    // A pause longer than the test: the whole site is planned again only when asked.
    const preview = await open(60_000);
    const before = await get(preview, "/");
    expect(before.body).toContain("Hội nghị tổng kết công tác năm 2016, triển khai");
    save(original.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Tiêu đề mới năm 2016").replace("Năm 2016 là năm với nhiều khó khăn.", "Năm 2016 là năm với nhiều khó khăn. Câu mới thêm vào."));
    await expect.poll(async () => (await get(preview, URL_PATH)).body, POLL).toContain("<h1>Tiêu đề mới năm 2016");
    const fast = await get(preview, URL_PATH);
    expect(fast.body).toContain("Câu mới thêm vào.");
    // The home page still comes from the last full plan: the fast path answered, not a new plan.
    expect((await get(preview, "/")).body).not.toContain("Tiêu đề mới năm 2016");
    preview.current();
    expect((await get(preview, "/")).body).toContain("Tiêu đề mới năm 2016");
    expect((await get(preview, URL_PATH)).body).toBe(fast.body);
  });

  it("shows and clears the error banner at once, on every page, without planning again", async () => {
    const preview = await open(60_000);
    await get(preview, "/");
    save(original.replace("province: gia-lai", "province: gia-lia"));
    await expect.poll(async () => (await get(preview, URL_PATH)).body, POLL).toContain('role="alert"');
    expect((await get(preview, "/")).body).toContain('role="alert"');
    expect((await get(preview, "/__preview/errors/")).body).toContain("province: is not a known province id");
    save(original.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Đã sửa xong lỗi năm 2016"));
    await expect.poll(async () => (await get(preview, URL_PATH)).body, POLL).toContain("<h1>Đã sửa xong lỗi");
    expect((await get(preview, URL_PATH)).body).not.toContain('role="alert"');
    const home = (await get(preview, "/")).body;
    expect(home).not.toContain('role="alert"');
    // Still the last full plan's home page: the banner came from the new parse alone.
    expect(home).not.toContain("Đã sửa xong lỗi");
  });

  it("plans the whole site before answering an edit that changes more than the page (officials, date)", async () => {
    const preview = await open(60_000);
    await get(preview, "/");
    save(original.replace("  - name: Nguyễn Dũng", "  - name: Lê Văn Mới"));
    await expect.poll(async () => (await get(preview, URL_PATH)).body, POLL).toContain("Lê Văn Mới");
    const page = (await get(preview, URL_PATH)).body;
    preview.current();
    expect((await get(preview, URL_PATH)).body).toBe(page);
    save(original.replace("date: 2016-11-29T14:00", "date: 2016-11-30T09:00"));
    await expect.poll(async () => (await get(preview, URL_PATH)).body, POLL).toContain("2016-11-30");
    // The home page lists it with the new date at once: the whole site was planned.
    expect((await get(preview, "/")).body).toContain("2016-11-30");
  });

  it("after edits pause, every page equals what a preview started fresh on the same content serves", async () => {
    const preview = await open();
    await get(preview, "/");
    const edits: (() => void)[] = [
      () => save(original.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Lần một")),
      () => save(original.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Lần hai").replace("Năm 2016 là năm", "Năm ấy là năm")),
      () => save(original.replace("province: gia-lai", "province: gia-lia")),
      () => save("---\ntitle: Bài thêm\ndate: 2017-01-05\nprovince: gia-lai\n---\nThêm.\n", ADDED),
      () => save(original.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Lần cuối").replace("author: Trần Thị Bích Thủy", "author: Người viết khác")),
    ];
    for (const edit of edits) {
      edit();
      await new Promise((r) => setTimeout(r, 40));
    }
    await expect.poll(async () => (await get(preview, URL_PATH)).body, POLL).toContain("<h1>Lần cuối");
    await preview.settled();
    const fresh = await open();
    const outputs = fresh.current().plan.outputs;
    expect(outputs.length).toBeGreaterThan(50);
    expect(outputs.some((o) => o.url === "/gia-lai/2017/bai-them/")).toBe(true);
    const paths = [...outputs.map((o) => `/${o.path.replace(/index\.html$/, "")}`), "/__preview/errors/", "/khong-co/"];
    const differ: string[] = [];
    for (const p of paths) {
      const [a, b] = await Promise.all([get(preview, p), get(fresh, p)]);
      if (a.status !== b.status || a.body !== b.body) differ.push(p);
    }
    expect(differ).toEqual([]);
    expect((await get(preview, "/")).body).toContain("Lần cuối");
  });
});
