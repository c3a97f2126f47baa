/**
 * The live preview: pages served from memory from the build's output plan,
 * an edit re-parses what changed and open browsers are told to reload;
 * invalid edits show an error banner while the last valid version stays
 * visible. It keeps following files however editors save them (plain
 * writes, write-to-temp-and-rename as vim, sed -i and IDEs do, deletes,
 * renames, new folders), answers odd requests with 400/404 (never a stack
 * trace), and speaks the editor's language.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLanguage } from "../src/messages/index.ts";
import { startPreview, type PreviewServer } from "../src/preview/preview-server.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";

const root = mkdtempSync(path.join(tmpdir(), "preview-test-"));
const ARTICLE = "content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md";
const URL_PATH = "/gia-lai/2016/hoi-nghi-tong-ket/";
let preview: PreviewServer;

/**
 * Connects to the preview's event stream; the returned function waits for the
 * next "change" event (connected before the edit, so none is missed).
 */
async function listen(server: PreviewServer = preview): Promise<() => Promise<void>> {
  const res = await fetch(`${server.url}/__preview/events`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const next = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) throw new Error("event stream closed");
    text += decoder.decode(value);
  };
  while (!text.includes(": connected")) await next();
  const change = (async () => {
    try {
      const timeout = setTimeout(() => void reader.cancel(), 10_000);
      while (!text.includes("event: change")) await next();
      clearTimeout(timeout);
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  })();
  // Returned in a function: an async function returning the promise itself would wait for it.
  return () => change;
}

async function get(pathname: string, server: PreviewServer = preview): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(`${server.url}${pathname}`, { redirect: "manual" });
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

/** A request with the path exactly as given (fetch would normalise "..", "//" and bad escapes). */
function raw(pathname: string, method = "GET"): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: pathname, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Polls: a change event may arrive before an editor's last write has landed. */
const POLL = { timeout: 5_000, interval: 20 };
const bodyOf = async (pathname: string, server: PreviewServer = preview): Promise<string> => (await get(pathname, server)).body;
const statusOf = async (pathname: string): Promise<number> => (await get(pathname)).status;

function editArticle(edit: (text: string) => string, file = ARTICLE): string {
  return edit(readFileSync(path.join(root, file), "utf8"));
}

/** An editor's "safe save": the new text goes to a temporary file that replaces the article. */
function safeSave(file: string, text: string): void {
  const full = path.join(root, file);
  const temp = path.join(path.dirname(full), `.${path.basename(full)}.tmp-${process.pid}`);
  writeFileSync(temp, text);
  renameSync(temp, full);
}

/** vim's default: move the original aside, write a new file, delete the backup. */
function vimSave(file: string, text: string): void {
  const full = path.join(root, file);
  renameSync(full, `${full}~`);
  writeFileSync(full, text);
  unlinkSync(`${full}~`);
}

beforeAll(async () => {
  cpSync(path.resolve(import.meta.dirname, "fixtures/valid-site"), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  preview = await startPreview({ rootDir: root, port: 0, config: siteConfigFromEnv({}) });
});
afterAll(async () => {
  await preview.close();
  setLanguage("en");
  rmSync(root, { recursive: true, force: true });
});

describe("preview server", () => {
  it("serves every page type, drafts included, with the reload script", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("Bản nháp chưa đăng");
    expect(home.body).toContain('<script src="/__preview/reload.js" defer></script>');
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("<h1>Hội nghị tổng kết công tác năm 2016");
    await expect.poll(() => statusOf("/gia-lai/2016/hoi-nghi-tong-ket"), POLL).toBe(200);
    await expect.poll(() => statusOf("/tinh-thanh/"), POLL).toBe(200);
    await expect.poll(() => bodyOf("/binh-dinh/"), POLL).toContain("tin-binh-dinh");
    const image = await get("/binh-dinh/2025/tin-binh-dinh/toan-canh.png");
    expect(image.status).toBe(200);
    expect(image.type).toBe("image/png");
    await expect.poll(() => bodyOf("/feed.xml"), POLL).toContain("<rss");
    expect((await get("/_redirects")).body).toMatch(/^\/q\/[0-9a-z]+\/ \//);
    await expect.poll(() => statusOf("/khong-co/"), POLL).toBe(404);
  });

  it("shows an edit after re-parsing only that file", async () => {
    const changed = await listen();
    writeFileSync(path.join(root, ARTICLE), editArticle((t) => t.replace("title: Hội nghị tổng kết công tác năm 2016", "title: Đã sửa tiêu đề năm 2016")));
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("<h1>Đã sửa tiêu đề năm 2016");
    await expect.poll(() => bodyOf("/"), POLL).toContain("Đã sửa tiêu đề năm 2016");
  });

  it("keeps the last valid version and shows the error when an edit breaks a file", async () => {
    const good = editArticle((t) => t);
    let changed = await listen();
    writeFileSync(path.join(root, ARTICLE), good.replace("province: gia-lai", "province: gia-lia"));
    await changed();
    const page = await get(URL_PATH);
    expect(page.body).toContain("Đã sửa tiêu đề");
    expect(page.body).toContain('role="alert"');
    const errors = await get("/__preview/errors/");
    expect(errors.body).toContain("content/gia-lai/2016-11-29-hoi-nghi-tong-ket.md:4: province: is not a known province id");
    changed = await listen();
    writeFileSync(path.join(root, ARTICLE), good);
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).not.toContain('role="alert"');
  });

  it("shows warnings (the article still publishes) in their own banner and on the error page, and clears them when fixed", async () => {
    const good = editArticle((t) => t);
    let changed = await listen();
    // A level-1 heading in the body: a likely mistake, not an error.
    writeFileSync(path.join(root, ARTICLE), good.replace(/\n---\n/, "\n---\n\n# Tiêu đề thừa\n"));
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain('class="preview-warnings"');
    const page = await get(URL_PATH);
    expect(page.body).toContain("Tiêu đề thừa");
    expect(page.body).not.toContain('role="alert"');
    const list = await get("/__preview/errors/");
    expect(list.body).toContain("<h2>Warnings</h2>");
    expect(list.body).toMatch(/content\/gia-lai\/2016-11-29-hoi-nghi-tong-ket\.md:\d+: .*level-1 heading/);
    expect(preview.warnings().map((w) => w.code)).toContain("content.warn.h1");
    changed = await listen();
    writeFileSync(path.join(root, ARTICLE), good);
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).not.toContain("preview-warnings");
    expect(preview.warnings()).toEqual([]);
  });

  it("adds and removes articles", async () => {
    const file = path.join(root, "content/gia-lai/2018-01-02-moi.md");
    let changed = await listen();
    writeFileSync(file, "---\ntitle: Bài mới\ndate: 2018-01-02\nprovince: gia-lai\n---\nMới.\n");
    await changed();
    await expect.poll(() => statusOf("/gia-lai/2018/moi/"), POLL).toBe(200);
    changed = await listen();
    unlinkSync(file);
    await changed();
    await expect.poll(() => statusOf("/gia-lai/2018/moi/"), POLL).toBe(404);
  });
});

describe("saving the way editors do", () => {
  it("follows a file through safe saves (temp file + rename), and clears the banner as soon as the error is fixed", async () => {
    const good = editArticle((t) => t);
    for (let i = 0; i < 3; i++) {
      let changed = await listen();
      safeSave(ARTICLE, good.replace(/^title: .*$/m, `title: Lưu an toàn lần ${i}`));
      await changed();
      await expect.poll(() => bodyOf(URL_PATH), POLL).toContain(`<h1>Lưu an toàn lần ${i}`);
      changed = await listen();
      safeSave(ARTICLE, good.replace("province: gia-lai", "province: gia-lia"));
      await changed();
      await expect.poll(() => bodyOf(URL_PATH), POLL).toContain('role="alert"');
      changed = await listen();
      safeSave(ARTICLE, good);
      await changed();
      await expect.poll(() => bodyOf(URL_PATH), POLL).not.toContain('role="alert"');
    }
    // A plain write after safe saves is still seen.
    const changed = await listen();
    writeFileSync(path.join(root, ARTICLE), good.replace(/^title: .*$/m, "title: Ghi thường sau khi lưu an toàn"));
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("<h1>Ghi thường sau khi lưu an toàn");
  });

  it("follows sed -i and vim's way of saving", async () => {
    let changed = await listen();
    execFileSync("sed", ["-i", "s/^title: .*$/title: Sửa bằng sed/", path.join(root, ARTICLE)]);
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("<h1>Sửa bằng sed");
    changed = await listen();
    vimSave(ARTICLE, editArticle((t) => t.replace("title: Sửa bằng sed", "title: Sửa bằng vim")));
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("<h1>Sửa bằng vim");
    changed = await listen();
    execFileSync("sed", ["-i", "s/^title: .*$/title: Lại sed/", path.join(root, ARTICLE)]);
    await changed();
    await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("<h1>Lại sed");
  });

  it("follows renamed files, new folders, renamed and deleted folders", async () => {
    const text = "---\ntitle: Bài trong thư mục mới\ndate: 2019-03-04\nprovince: ha-noi\n---\nMới.\n";
    let changed = await listen();
    mkdirSync(path.join(root, "content/ha-noi/2019"), { recursive: true });
    writeFileSync(path.join(root, "content/ha-noi/2019/2019-03-04-thu-muc-moi.md"), text);
    await changed();
    await expect.poll(() => statusOf("/ha-noi/2019/thu-muc-moi/"), POLL).toBe(200);

    changed = await listen();
    writeFileSync(path.join(root, "content/ha-noi/2019/2019-03-04-thu-muc-moi.md"), text.replace("Bài trong thư mục mới", "Sửa trong thư mục mới"));
    await changed();
    await expect.poll(() => bodyOf("/ha-noi/2019/thu-muc-moi/"), POLL).toContain("<h1>Sửa trong thư mục mới");

    changed = await listen();
    renameSync(path.join(root, "content/ha-noi/2019/2019-03-04-thu-muc-moi.md"), path.join(root, "content/ha-noi/2019/2019-03-04-doi-ten.md"));
    await changed();
    await expect.poll(() => statusOf("/ha-noi/2019/thu-muc-moi/"), POLL).toBe(404);
    await expect.poll(() => statusOf("/ha-noi/2019/doi-ten/"), POLL).toBe(200);

    changed = await listen();
    renameSync(path.join(root, "content/ha-noi"), path.join(root, "content/thu-do"));
    await changed();
    await expect.poll(() => statusOf("/ha-noi/2019/doi-ten/"), POLL).toBe(200);
    const stillFollowed = await listen();
    writeFileSync(path.join(root, "content/thu-do/2019/2019-03-04-doi-ten.md"), text.replace("Bài trong thư mục mới", "Sau khi đổi tên thư mục"));
    await stillFollowed();
    await expect.poll(() => bodyOf("/ha-noi/2019/doi-ten/"), POLL).toContain("<h1>Sau khi đổi tên thư mục");

    changed = await listen();
    rmSync(path.join(root, "content/thu-do"), { recursive: true });
    await changed();
    await expect.poll(() => statusOf("/ha-noi/2019/doi-ten/"), POLL).toBe(404);
    expect(preview.store.snapshot().articles.some((a) => a.url.startsWith("/ha-noi/"))).toBe(false);
  });

  it("an image added after the article that names it clears the error", async () => {
    const file = "content/gia-lai/2016-12-10-co-anh.md";
    let changed = await listen();
    writeFileSync(path.join(root, file), "---\ntitle: Có ảnh\ndate: 2016-12-10\nprovince: gia-lai\nimage:\n  src: anh-moi.png\n  alt: Ảnh mới\n---\nx\n");
    await changed();
    await expect.poll(() => bodyOf("/__preview/errors/"), POLL).toContain("anh-moi.png");
    changed = await listen();
    cpSync(path.join(root, "content/binh-dinh/toan-canh.png"), path.join(root, "content/gia-lai/anh-moi.png"));
    await changed();
    await expect.poll(() => bodyOf("/__preview/errors/"), POLL).toContain("No content errors.");
    await expect.poll(() => statusOf("/gia-lai/2016/co-anh/anh-moi.png"), POLL).toBe(200);
  });
});

describe("odd requests", () => {
  it("bad percent-encoding is a 400 with a plain message, never a stack trace", async () => {
    for (const p of ["/%", "/%E0%A4%A", "/gia-lai/%ZZ/", "/%c0%af"]) {
      const res = await raw(p);
      expect(res.status, p).toBe(400);
      expect(res.body).not.toMatch(/at .*\.ts:\d+|URIError|Error:/);
    }
  });

  it("control characters, backslashes, dot segments, doubled slashes and huge paths are 400 or 404", async () => {
    for (const p of ["/%00", "/a%0d%0aSet-Cookie:x", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/gia-lai//", "/a\\b", `/${"x".repeat(5000)}/`, "/q/", "/du-lieu-tim-kiem/index.json", "*"]) {
      const res = await raw(p);
      expect([400, 404], p).toContain(res.status);
      expect(res.body).not.toMatch(/at .*\.ts:\d+|root:x:0:0/);
    }
  });

  it("answers HEAD, refuses other methods", async () => {
    expect((await raw("/", "HEAD")).status).toBe(200);
    expect((await raw("/", "POST")).status).toBe(405);
  });

  it("the search index is not in the preview: it says so", async () => {
    const res = await get("/du-lieu-tim-kiem/index.json");
    expect(res.status).toBe(404);
    expect(res.body).toContain("npm run build");
  });
});

describe("in the editor's language", () => {
  it("404 page, banner and error list in Vietnamese by default, English with --lang en", async () => {
    setLanguage("vi");
    try {
      const missing = await get("/khong-co/");
      expect(missing.status).toBe(404);
      expect(missing.body).toContain("Bản xem trước: không có trang nào ở /khong-co/.");
      // The site's own 404 page (reader text, Vietnamese) around the note.
      expect(missing.body).toContain('<html lang="vi">');
      const errors = await get("/__preview/errors/");
      expect(errors.body).toContain('<html lang="vi">');
      expect(errors.body).toContain("Lỗi nội dung");
      let changed = await listen();
      safeSave(ARTICLE, editArticle((t) => t.replace("province: gia-lai", "province: gia-lia")));
      await changed();
      await expect.poll(() => bodyOf(URL_PATH), POLL).toContain("1 lỗi nội dung");
      await expect.poll(() => bodyOf("/__preview/errors/"), POLL).toContain("1 lỗi trong 1 tệp");
      expect((await raw("/%")).body).toContain("Địa chỉ không hợp lệ");
      setLanguage("en");
      expect((await get(URL_PATH)).body).toContain("1 content error: the preview shows the last valid version");
      expect((await get("/khong-co/")).body).toContain("Preview: there is no page at /khong-co/.");
      changed = await listen();
      safeSave(ARTICLE, editArticle((t) => t.replace("province: gia-lia", "province: gia-lai")));
      await changed();
    } finally {
      setLanguage("en");
    }
  });
});

describe("SITE_URL with a path", () => {
  it("serves the site under the base path, with links under it", async () => {
    const tin = await startPreview({ rootDir: root, port: 0, config: siteConfigFromEnv({ SITE_URL: "https://tongket.example.gov.vn/tin/" }) });
    try {
      const home = await get("/", tin);
      expect(home.status).toBe(302);
      const page = await get("/tin/", tin);
      expect(page.status).toBe(200);
      expect(page.body).toContain('href="/tin/tinh-thanh/"');
      expect((await get(`/tin${URL_PATH}`, tin)).status).toBe(200);
      expect((await get(URL_PATH, tin)).status).toBe(404);
      expect((await get("/__preview/errors/", tin)).status).toBe(200);
    } finally {
      await tin.close();
    }
  });
});
