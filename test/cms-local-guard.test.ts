/**
 * The gate in front of decap-server (src/cms/local-guard.ts): only paths
 * inside content/ without links, only requests addressed to the loopback
 * host it listens on, only the preview's origin.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gateRequest, refusedContentPath, requestPaths } from "../src/cms/local-guard.ts";

const root = mkdtempSync(path.join(tmpdir(), "cms-guard-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, "content", "gia-lai"), { recursive: true });
writeFileSync(path.join(root, "outside.txt"), "secret");
symlinkSync(path.join(root, "outside.txt"), path.join(root, "content", "gia-lai", "link.md"));
symlinkSync(root, path.join(root, "content", "up"));

const options = { rootDir: root, port: 8081, origin: "http://127.0.0.1:8080" };
const request = (body: unknown, headers: { host?: string; origin?: string } = { host: "127.0.0.1:8081", origin: "http://127.0.0.1:8080" }) => ({ headers, body });

describe("refusedContentPath", () => {
  it("lets content/ and what is under it through, new files included", () => {
    for (const ok of ["content", "content/", "content/gia-lai", "content/gia-lai/2024-01-01-a.md", "content/moi/anh.jpg"]) expect(refusedContentPath(root, ok)).toBeUndefined();
  });
  it("refuses everything else in the checkout, escapes, absolute paths and links", () => {
    for (const bad of [".git/hooks/pre-commit", ".git/config", "package.json", "scripts/evil.ts", "../x", "content/../package.json", "content/./x", "/etc/passwd", "content\\..\\x", "content/x\0", "contentx/a.md"]) {
      expect(refusedContentPath(root, bad), bad).toMatch(/content\//);
    }
    expect(refusedContentPath(root, "content/gia-lai/link.md")).toMatch(/link/);
    expect(refusedContentPath(root, "content/up/package.json")).toMatch(/link/);
  });
});

describe("requestPaths", () => {
  it("finds every path decap-server's parameters can carry", () => {
    const body = { action: "persistEntry", params: { entry: { path: "a", newPath: "b", raw: "package.json" }, dataFiles: [{ path: "c" }], assets: [{ path: "d" }], paths: ["e", "f"], folder: "g", mediaFolder: "h" } };
    expect(requestPaths(body)?.sort()).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
  });
  it("refuses a body too deep to be one of decap-server's", () => {
    let deep: unknown = { path: "content/x" };
    for (let i = 0; i < 50; i++) deep = { x: deep };
    expect(requestPaths(deep)).toBeUndefined();
  });
});

describe("gateRequest", () => {
  it("passes the editor's own requests", () => {
    expect(gateRequest(request({ action: "persistEntry", params: { entry: { path: "content/gia-lai/2024-01-01-a.md" } } }), options)).toBeUndefined();
    expect(gateRequest(request(undefined, { host: "localhost:8081" }), options)).toBeUndefined();
  });
  it("refuses another host name (DNS rebinding) and another origin", () => {
    expect(gateRequest(request({}, { host: "evil.example:8081" }), options)?.status).toBe(403);
    expect(gateRequest(request({}, { host: "127.0.0.1:8081", origin: "http://evil.example" }), options)?.status).toBe(403);
    expect(gateRequest(request({}, {}), options)?.status).toBe(403);
  });
  it("refuses a request naming any path outside content/", () => {
    const refused = gateRequest(request({ action: "persistEntry", params: { entry: { path: "content/gia-lai/a.md" }, assets: [{ path: ".git/hooks/post-commit" }] } }), options);
    expect(refused?.status).toBe(422);
    expect(refused?.error).toContain(".git/hooks/post-commit");
  });
});
