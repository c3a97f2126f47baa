/**
 * `npm run admin`: the preview and Decap's local backend server (decap-server)
 * started together on a copy of a fixture checkout, as an editor would. The
 * editor's requests are made over HTTP the way Decap's proxy backend makes
 * them: the saved article lands in the checkout and appears in the preview;
 * nothing outside the checkout can be written, and no other web page may
 * call the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "cms-local-"));
const checkout = path.join(work, "checkout");
let child: ChildProcess | undefined;
let output = "";
let previewUrl = "";
let apiUrl = "";

beforeAll(async () => {
  cpSync(path.join(ROOT, "test/fixtures/cms/seed"), checkout, { recursive: true });
  // As `npm run admin` runs it.
  child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/admin.ts"), "--root", checkout, "--port", "0", "--cms-port", "0", "--lang", "en"], {
    cwd: ROOT,
    env: { ...process.env, SITE_ADMIN: "", CMS_BACKEND: "", CMS_REPO: "", CMS_LOCAL_BACKEND: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString("utf8")));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString("utf8")));
  const deadline = Date.now() + 60_000;
  while (!/Editor: (\S+)\/admin\//.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm run admin did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  previewUrl = /Editor: (\S+)\/admin\//.exec(output)?.[1] ?? "";
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
    expect(output).toContain("Preview stopped.");
  }
  rmSync(work, { recursive: true, force: true });
});

async function api(body: unknown, origin = previewUrl): Promise<Response> {
  return fetch(apiUrl, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify(body) });
}

describe("npm run admin", () => {
  it("serves the editor next to the preview, configured for the local server", async () => {
    expect(output).toMatch(/Site preview: http:\/\/127\.0\.0\.1:\d+\//);
    const page = await fetch(`${previewUrl}/admin/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script src="\/admin\/cms-[0-9a-f]{10}\.js" defer data-admin=/);
    const config = parseYaml(await (await fetch(`${previewUrl}/admin/config.yml`)).text()) as { backend: { name: string; proxy_url: string } };
    expect(config.backend.name).toBe("proxy");
    expect(config.backend.proxy_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    apiUrl = config.backend.proxy_url;
    const info = await api({ action: "info" });
    expect(await info.json()).toMatchObject({ type: "local_fs" });
  });

  it("saves an article into the checkout, and the preview shows it", async () => {
    const raw = "---\ntitle: Bài lưu từ trang biên tập\ndate: 2024-03-01T09:00\nprovince: da-nang\n---\nNội dung.\n";
    const path_ = "content/da-nang/2024-03-01-bai-luu-tu-trang-bien-tap.md";
    const saved = await api({ action: "persistEntry", params: { branch: "main", entry: { slug: "da-nang/2024-03-01-bai-luu-tu-trang-bien-tap", path: path_, raw }, assets: [], options: { collectionName: "articles", commitMessage: "x", useWorkflow: false, status: "draft" } } });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(readFileSync(path.join(checkout, path_), "utf8")).toBe(raw);
    await expect.poll(async () => (await fetch(`${previewUrl}/da-nang/2024/bai-luu-tu-trang-bien-tap/`)).status, { timeout: 10_000 }).toBe(200);
  });

  it("refuses other web pages and paths outside the checkout", async () => {
    // A page elsewhere may not read the answers (and a JSON request from it is stopped at the preflight)…
    const foreign = await api({ action: "info" }, "http://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(apiUrl, { method: "OPTIONS", headers: { origin: "http://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("http://evil.example");
    // …and a form-style request, which needs no preflight, is not understood.
    const simple = await fetch(apiUrl, { method: "POST", headers: { "content-type": "text/plain", origin: "http://evil.example" }, body: JSON.stringify({ action: "persistEntry", params: { branch: "main", entry: { slug: "x", path: "content/x.md", raw: "x" }, assets: [], options: { collectionName: "articles", commitMessage: "x", useWorkflow: false, status: "draft" } } }) });
    expect([403, 422]).toContain(simple.status);
    expect(existsSync(path.join(checkout, "content/x.md"))).toBe(false);
    const escape = await api({ action: "persistEntry", params: { branch: "main", entry: { slug: "x", path: "../escaped.md", raw: "x" }, assets: [], options: { collectionName: "articles", commitMessage: "x", useWorkflow: false, status: "draft" } } });
    expect(escape.status).toBe(422);
    expect(existsSync(path.join(work, "escaped.md"))).toBe(false);
    // Inside the checkout but outside content/: code the next commit or build runs, the repository's config.
    for (const target of [".git/hooks/pre-commit", "package.json", "scripts/evil.ts"]) {
      const write = await api({ action: "persistEntry", params: { branch: "main", entry: { slug: "x", path: target, raw: "x" }, assets: [], options: { collectionName: "articles", commitMessage: "x", useWorkflow: false, status: "draft" } } });
      expect(write.status).toBe(422);
      expect(((await write.json()) as { error: string }).error).toContain("content/");
      expect(existsSync(path.join(checkout, target))).toBe(false);
    }
    const media = await api({ action: "persistMedia", params: { branch: "main", asset: { path: "scripts/evil.ts", content: "eA==", encoding: "base64" }, options: { commitMessage: "x" } } });
    expect(media.status).toBe(422);
    expect(existsSync(path.join(checkout, "scripts/evil.ts"))).toBe(false);
    expect((await api({ action: "getMediaFile", params: { branch: "main", path: ".git/config" } })).status).toBe(422);
    // Bound to the loopback interface only.
    expect(new URL(apiUrl).hostname).toBe("127.0.0.1");
  });
});
