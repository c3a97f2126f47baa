/** The writer thread (src/build/file-writer.ts): creates files and their folders, exclusively, and reports each failure to its caller. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { FileWriter } from "../src/build/file-writer.ts";

const work = mkdtempSync(path.join(tmpdir(), "file-writer-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("FileWriter", () => {
  it("creates every file with its folders, text and bytes, in one go or many", async () => {
    const writer = new FileWriter();
    const files = Array.from({ length: 600 }, (_, i) => path.join(work, "a", `p${i % 37}`, `f${i}`, "index.html"));
    await Promise.all(files.map((f, i) => writer.write(f, i % 2 ? `trang ${i} – tiếng Việt` : new TextEncoder().encode(`bytes ${i}`))));
    expect(readFileSync(files[1]!, "utf8")).toBe("trang 1 – tiếng Việt");
    expect(readFileSync(files[598]!, "utf8")).toBe("bytes 598");
    await writer.idle();
  });

  it("never overwrites a file, and fails only the write that went wrong", async () => {
    const writer = new FileWriter();
    const existing = path.join(work, "b", "index.html");
    mkdirSync(path.dirname(existing), { recursive: true });
    writeFileSync(existing, "published");
    const blocker = path.join(work, "b", "file");
    writeFileSync(blocker, "x");
    const results = await Promise.allSettled([
      writer.write(existing, "new"),
      writer.write(path.join(work, "b", "ok.html"), "ok"),
      writer.write(path.join(blocker, "inside.html"), "under a file"),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: "EEXIST" });
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain(existing);
    expect(["ENOTDIR", "EEXIST"]).toContain(((results[2] as PromiseRejectedResult).reason as { code?: string }).code);
    expect(readFileSync(blocker, "utf8")).toBe("x");
    expect(readFileSync(existing, "utf8")).toBe("published");
    expect(readFileSync(path.join(work, "b", "ok.html"), "utf8")).toBe("ok");
  });

  it("makes a folder again when it was deleted after an earlier write (a staging folder made anew)", async () => {
    const writer = new FileWriter();
    const file = path.join(work, "c", "x", "index.html");
    await writer.write(file, "1");
    rmSync(path.join(work, "c"), { recursive: true });
    await writer.write(file, "2");
    expect(readFileSync(file, "utf8")).toBe("2");
  });

  it("never keeps the process alive once its writes are done", () => {
    const file = path.join(work, "d", "index.html");
    const script = `import { fileWriter } from ${JSON.stringify(path.resolve("src/build/file-writer.ts"))};
await fileWriter().write(${JSON.stringify(file)}, "done");
console.log("written");`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
    expect(output.trim()).toBe("written");
    expect(readFileSync(file, "utf8")).toBe("done");
  });
});
