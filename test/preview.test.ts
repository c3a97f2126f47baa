/**
 * The live preview: pages served from memory, an edit re-parses one file and
 * open browsers are told to reload; invalid edits show an error banner while
 * the last valid version stays visible.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type PreviewServer } from "../src/preview/preview-server.ts";

const root = mkdtempSync(path.join(tmpdir(), "preview-test-"));
const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const URL_PATH = "/gia-lai/2016/hoi-nghi-tong-ket/";
let preview: PreviewServer;

/** Resolves on the next "change" event from the preview's event stream. */
async function nextChange(): Promise<void> {
  const res = await fetch(`${preview.url}/__preview/events`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("event stream closed");
      text += decoder.decode(value);
      if (text.includes("event: change")) return;
    }
  } finally {
    await reader.cancel();
  }
}

async function get(pathname: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${preview.url}${pathname}`);
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  cpSync(path.resolve(import.meta.dirname, "fixtures/valid-site"), root, { recursive: true });
  preview = await startPreview({ rootDir: root, port: 0 });
});
afterAll(async () => {
  await preview.close();
  rmSync(root, { recursive: true, force: true });
});

describe("preview server", () => {
  it("serves every page type, drafts included, with the reload script", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("Bản nháp chưa đăng");
    expect(home.body).toContain('<script src="/__preview/reload.js" defer></script>');
    expect((await get(URL_PATH)).body).toContain("<h1>Hội nghị tổng kết công tác năm 2016");
    expect((await get("/tinh-thanh/")).status).toBe(200);
    expect((await get("/binh-dinh/")).body).toContain("tin-binh-dinh");
    expect((await get("/binh-dinh/2025/tin-binh-dinh/toan-canh.png")).status).toBe(200);
    expect((await get("/khong-co/")).status).toBe(404);
  });

  it("shows an edit after re-parsing only that file", async () => {
    const file = path.join(root, ARTICLE);
    const changed = nextChange();
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Hội nghị tổng kết công tác năm 2016", "title: Đã sửa tiêu đề năm 2016"));
    await changed;
    expect((await get(URL_PATH)).body).toContain("<h1>Đã sửa tiêu đề năm 2016");
    expect((await get("/")).body).toContain("Đã sửa tiêu đề năm 2016");
  });

  it("keeps the last valid version and shows the error when an edit breaks a file", async () => {
    const file = path.join(root, ARTICLE);
    const good = readFileSync(file, "utf8");
    const changed = nextChange();
    writeFileSync(file, good.replace("province: gia-lai", "province: gia-lia"));
    await changed;
    const page = await get(URL_PATH);
    expect(page.body).toContain("Đã sửa tiêu đề");
    expect(page.body).toContain('role="alert"');
    const errors = await get("/__preview/errors/");
    expect(errors.body).toContain("content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md:4: province: is not a known province id");
    const fixed = nextChange();
    writeFileSync(file, good);
    await fixed;
    expect((await get(URL_PATH)).body).not.toContain('role="alert"');
  });

  it("adds and removes articles", async () => {
    const file = path.join(root, "content/gia-lai/2018-01-02-moi.md");
    let changed = nextChange();
    writeFileSync(file, "---\ntitle: Bài mới\ndate: 2018-01-02\nprovince: gia-lai\n---\nMới.\n");
    await changed;
    expect((await get("/gia-lai/2018/moi/")).status).toBe(200);
    changed = nextChange();
    unlinkSync(file);
    await changed;
    expect((await get("/gia-lai/2018/moi/")).status).toBe(404);
  });
});
