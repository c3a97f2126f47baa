/**
 * The picture and share-card caches (`.cache/images-v1/`,
 * `.cache/share-cards-v1/`, src/images/, src/share-cards/) are files on disk
 * that CI restores and that a commit can carry (git stores symbolic links):
 * what the build publishes from them must be a regular file the build made
 * inside the project's `.cache/`, never a file a planted link or a forged
 * rendition list points at (README, What the build trusts: "a cache file or
 * folder that is a link is neither read nor written").
 *
 * Before the fix, a link at `.cache/share-cards-v1/<key>.png` published its
 * target (here a file outside the project) as the article's share card.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../src/build/build-site.ts";
import { siteConfigFromEnv } from "../src/site-config.ts";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/valid-site");
const work = mkdtempSync(path.join(tmpdir(), "attack-media-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What must never be published: a file outside the project. */
const SECRET = "BI-MAT-NGOAI-DU-AN\n";
const secretFile = path.join(work, "secret.txt");
writeFileSync(secretFile, SECRET);
/** A folder outside the project holding the secret under every name a cached file may have. */
const secretDir = path.join(work, "secret-dir");

let n = 0;
function copyFixture(): string {
  const root = path.join(work, `site-${n++}`);
  cpSync(FIXTURE, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
  return root;
}

async function build(root: string): Promise<string> {
  const out = path.join(root, "_site");
  await buildSite({ rootDir: root, outDir: out, config: siteConfigFromEnv({}) });
  return out;
}

/** Every file of a folder, relative paths. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Published files whose bytes are the secret. */
function leaks(out: string): string[] {
  return filesOf(out).filter((rel) => readFileSync(path.join(out, rel)).toString("utf8") === SECRET);
}

/** A cold build of a fresh copy, then the caches it left: card files, and rendition folders with their files. */
async function warmSite(): Promise<{ root: string; cards: string; images: string; cardNames: string[]; renditionKeys: string[] }> {
  const root = copyFixture();
  await build(root);
  const cards = path.join(root, ".cache/share-cards-v1");
  const images = path.join(root, ".cache/images-v1");
  const cardNames = readdirSync(cards).filter((f) => f.endsWith(".png"));
  const renditionKeys = readdirSync(images).filter((f) => /^[0-9a-f]{16}$/.test(f));
  expect(cardNames.length).toBeGreaterThan(0);
  expect(renditionKeys.length).toBeGreaterThan(0);
  // The next build must read the caches, not reuse the previous output.
  rmSync(path.join(root, "_site"), { recursive: true, force: true });
  return { root, cards, images, cardNames, renditionKeys };
}

describe("the picture and share-card caches", () => {
  it("never publish the target of a link planted as a cached share card", { timeout: 240_000 }, async () => {
    const { root, cards, cardNames } = await warmSite();
    for (const name of cardNames) {
      rmSync(path.join(cards, name));
      symlinkSync(secretFile, path.join(cards, name));
    }
    const out = await build(root);
    expect(leaks(out)).toEqual([]);
    // Cards made again, as real files of the cache.
    for (const name of cardNames) expect(lstatSync(path.join(out, "anh", `the-${name}`)).isFile()).toBe(true);
  });

  it("never publish through a cache folder that is a link", { timeout: 240_000 }, async () => {
    const { root, cards, images, cardNames, renditionKeys } = await warmSite();
    mkdirSync(secretDir, { recursive: true });
    for (const name of cardNames) writeFileSync(path.join(secretDir, name), SECRET);
    for (const key of renditionKeys) for (const file of readdirSync(path.join(images, key))) if (file !== "manifest.json") writeFileSync(path.join(secretDir, file), SECRET);
    writeFileSync(path.join(secretDir, "manifest.json"), readFileSync(path.join(images, renditionKeys[0]!, "manifest.json")));
    // The card folder, and one rendition folder, are links to a folder outside the project.
    rmSync(cards, { recursive: true });
    symlinkSync(secretDir, cards);
    rmSync(path.join(images, renditionKeys[0]!), { recursive: true });
    symlinkSync(secretDir, path.join(images, renditionKeys[0]!));
    const out = await build(root);
    expect(leaks(out)).toEqual([]);
    // Nothing was written through the links.
    expect(readdirSync(secretDir).every((f) => f === "manifest.json" || readFileSync(path.join(secretDir, f), "utf8") === SECRET)).toBe(true);
  });

  it("never publish a file a forged rendition list names outside its folder", { timeout: 240_000 }, async () => {
    const { root, images, renditionKeys } = await warmSite();
    const key = renditionKeys[0]!;
    const manifestFile = path.join(images, key, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { picture: { file: string }[] };
    // A name that climbs out of the cache to the secret, beside a name that is a link to it.
    const climb = path.relative(path.join(images, key), secretFile);
    manifest.picture[0]!.file = climb;
    if (manifest.picture[1]) {
      rmSync(path.join(images, key, manifest.picture[1].file));
      symlinkSync(secretFile, path.join(images, key, manifest.picture[1].file));
    }
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const out = await build(root);
    expect(leaks(out)).toEqual([]);
    expect(existsSync(path.join(out, "anh"))).toBe(true);
  });

  it("never publish through a .cache that is a link, nor write there", { timeout: 240_000 }, async () => {
    const root = copyFixture();
    const elsewhere = path.join(work, `elsewhere-${n}`);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(root, ".cache"));
    const out = await build(root);
    expect(leaks(out)).toEqual([]);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(filesOf(path.join(out, "anh")).length).toBeGreaterThan(0);
  });
});
