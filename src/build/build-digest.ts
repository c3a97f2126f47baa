/**
 * The build digest and the code digest, for incremental builds
 * (src/build/incremental.ts); digests of values (pages' inputs, articles)
 * are in stable-digest.ts.
 *
 * An output's fingerprint (OutputDeclaration.fingerprint) describes only its
 * own inputs: the article it shows, the items a list shows, its URL. What
 * every output depends on — the code that renders it, the site
 * configuration, the environment settings that change output, the Node
 * version (dates and numbers are formatted with its ICU data) — is the
 * *build digest*, combined with every fingerprint by the build: a change to
 * any of them renders everything again, which is what a cold build does.
 *
 * The code is digested from the files themselves (every file under src/ and
 * layouts/, .eleventy.js and package-lock.json, once per process: ~400 small
 * files, a few milliseconds), not from a version number someone must
 * remember to raise.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "../site-config.ts";
import { digest } from "./stable-digest.ts";

/** The checkout (this file is src/build/build-digest.ts); not imported from site-data.ts, which imports the producers that use this module. */
const ROOT_DIR = path.resolve(import.meta.dirname, "../..");

/** Folders and files whose contents are the renderer's code. */
const CODE_PATHS = ["src", "layouts", ".eleventy.js", "package-lock.json"];

/** Environment variables that change what the build writes (SITE_URL, SITE_ADMIN, CMS_*, PUBLISH_ORIGINAL_IMAGES, GENERATED_SHARE_CARDS…). */
const OUTPUT_ENV = /^(?:SITE_|CMS_|PUBLISH_|GENERATED_)|^(?:ORIGIN|GIT_REPO_DIRECTORY)$/;


let codeDigestMemo: string | undefined;

/** Digest of the code that renders the site (see the header), computed once per process. */
export function codeDigest(root: string = ROOT_DIR): string {
  if (codeDigestMemo !== undefined && root === ROOT_DIR) return codeDigestMemo;
  const hash = createHash("sha1");
  for (const entry of CODE_PATHS) {
    const full = path.join(root, entry);
    let files: string[];
    try {
      files = readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
    } catch {
      files = [full];
    }
    for (const file of files) {
      hash.update(path.relative(root, file)).update("\0");
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update("(absent)");
      }
      hash.update("\0");
    }
  }
  const value = hash.digest("base64url");
  if (root === ROOT_DIR) codeDigestMemo = value;
  return value;
}

/** The build digest: code, configuration, output-changing environment, Node and ICU versions, and what else the caller names (asset URLs). */
export function buildDigest(config: SiteConfig, extra: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): string {
  const settings = Object.keys(env)
    .filter((name) => OUTPUT_ENV.test(name))
    .sort()
    .map((name) => `${name}=${env[name] ?? ""}`);
  return digest(codeDigest(), JSON.stringify(config), ...settings, `node ${process.versions.node} icu ${process.versions.icu ?? ""} tz ${env["TZ"] ?? ""}`, ...extra);
}
