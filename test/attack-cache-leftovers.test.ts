/**
 * What killed builds leave in `.cache/` does not pile up: every cache writes
 * through a temporary name renamed into place, and the parse cache writes a
 * shard's new blob before the JSON that names it. A build killed in between
 * (reproduced by killing `npm run build` while it drew share cards: a
 * `<key>.png.tmp-<pid>-<random>` stayed in .cache/share-cards-v1) left those
 * files for good; the next builds must remove them, and only those of
 * processes that are gone.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { PARSE_CACHE_DIR } from "../src/cache/parse-cache.ts";
import { temporaryOwner } from "../src/cache/stale-temporaries.ts";
import { loadContentParallel } from "../src/content/parallel-load.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";
import { generateArticles } from "../scripts/generate-articles.ts";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/valid-site");
const work = mkdtempSync(path.join(tmpdir(), "attack-cache-leftovers-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A process id no process has (above Linux's largest pid_max, 2^22). */
const GONE = 99_999_999;

describe("temporaries of killed builds in .cache", () => {
  it("are named with their writer's process id, as every cache names them", () => {
    expect(temporaryOwner("search-gzip.bin.4242.tmp")).toBe(4242);
    expect(temporaryOwner("a1.json.4242-3.tmp")).toBe(4242);
    expect(temporaryOwner("output-AbC_d-12.json.tmp-4242")).toBe(4242);
    expect(temporaryOwner("0123456789abcdef.png.tmp-4242-k3j9x")).toBe(4242);
    expect(temporaryOwner("0123456789abcdef.tmp-4242-k3j9x")).toBe(4242);
    expect(temporaryOwner("bodies-4242-0a1b2c3d4e5f.tmp")).toBe(4242);
    for (const name of ["search-gzip.bin", "a1.json", "a1-0123456789ab.bin", "0123456789abcdef.png", "images-v1", "notes.tmp", "x.tmp-", "x.0.tmp"]) expect(temporaryOwner(name)).toBeUndefined();
  });

  it("are removed by the next build when their process is gone, and only then", { timeout: 240_000 }, async () => {
    const root = path.join(work, "site");
    cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
    const out = path.join(root, "_site");
    await buildSite({ rootDir: root, outDir: out, config: siteConfigFromEnv({}) });
    const cache = path.join(root, ".cache");
    const left = [
      "search-gzip.bin.%.tmp",
      "search-state.bin.%.tmp",
      "qr-v1.json.%.tmp",
      "output-0123456789abcdef.json.tmp-%",
      "bodies-%-0a1b2c3d4e5f.tmp",
      "share-cards-v1/0123456789abcdef.png.tmp-%-k3j9x",
      "parse/a1.json.%-2.tmp",
    ];
    const plant = (pid: number): string[] => {
      const files = left.map((name) => name.replace("%", String(pid)));
      for (const file of files) {
        mkdirSync(path.dirname(path.join(cache, file)), { recursive: true });
        writeFileSync(path.join(cache, file), "half written");
      }
      // A rendition folder being made, with a file in it.
      const folder = `images-v1/0123456789abcdef.tmp-${pid}-k3j9x`;
      mkdirSync(path.join(cache, folder), { recursive: true });
      writeFileSync(path.join(cache, folder, "0123456789abcdef-360.jpg"), "half written");
      return [...files, folder];
    };
    const gone = plant(GONE);
    // A live process's (this one's, and init's): another build may be writing them right now.
    const alive = [...plant(process.pid), ...plant(1)];
    // A link named like a temporary: removed itself, never what it points to.
    const target = path.join(work, "target");
    mkdirSync(target);
    writeFileSync(path.join(target, "keep.txt"), "not the build's");
    symlinkSync(target, path.join(cache, `linked.tmp-${GONE}`));
    // Not temporaries.
    writeFileSync(path.join(cache, "ghi-chu.txt"), "notes");

    await buildSite({ rootDir: root, outDir: out, config: siteConfigFromEnv({}) });
    expect(gone.filter((file) => existsSync(path.join(cache, file)))).toEqual([]);
    expect(alive.filter((file) => !existsSync(path.join(cache, file)))).toEqual([]);
    expect(existsSync(path.join(cache, `linked.tmp-${GONE}`))).toBe(false);
    expect(readdirSync(target)).toEqual(["keep.txt"]);
    expect(existsSync(path.join(cache, "ghi-chu.txt"))).toBe(true);
  });
});

describe("parse-cache blobs of killed builds", () => {
  it("are removed by the next load, even when the shard is unchanged", async () => {
    const root = path.join(work, "parse");
    generateArticles(root, 20);
    const load = async (): Promise<void> => {
      const result = await loadContentParallel({ rootDir: root, threads: 2, minFiles: 1 });
      await result.cacheSaved;
    };
    await load();
    const dir = path.join(root, PARSE_CACHE_DIR);
    const shards = readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, 2));
    expect(shards.length).toBeGreaterThan(1);
    // Each shard's blob as a killed rewrite leaves it: written under its new name, never named by the JSON.
    for (const shard of shards) writeFileSync(path.join(dir, `${shard}-000000000000.bin`), "half a blob");
    for (let i = 0; i < 2; i++) {
      await load();
      const blobs = readdirSync(dir).filter((f) => f.endsWith(".bin"));
      expect(blobs.filter((f) => f.includes("-000000000000."))).toEqual([]);
      expect(blobs.length).toBe(shards.length);
    }
  });
});
