// Runs a TypeScript command (scripts/<name>.ts) as one bundled JavaScript
// file instead of through tsx:
//
//   node scripts/run-bundled.mjs scripts/check.ts [arguments…]
//
// Why: through tsx, Node loads the command's ~250 modules via tsx's loader
// hooks, one synchronous round trip each. Measured on this project's
// 2-core machine, `npm run check -- --help` cost 2.2 s of CPU that way and
// 0.3 s as a bundle — most of the 2 s `npm run check` may take over 10,000
// articles; `npm run build` of the bundled 5 articles 3.1–3.7 s of CPU
// through tsx and 1.3–1.4 s as a bundle (`/usr/bin/time`, both commands
// twice, load average ~25), seconds off every CI build. esbuild (already
// installed: tsx runs on it) bundles the command once; the bundle is
// rebuilt only when one of its inputs changes. (Eleventy, external here,
// still loads the project's .eleventy.js and its one template through tsx.)
//
// The bundle is kept in node_modules/.cache/tong-ket/, beside the
// dependencies it is made of: as trusted as they are, and never restored
// from a CI cache (.cache/ is, so code is never kept there). Next to it, the
// SHA-256 of every input file (from esbuild's metafile: our sources and the
// dependencies' files it includes); any difference means a rebuild. The
// hash of that list is the code version the command may key its own caches
// on (globalThis[Symbol.for("tong-ket.code-version")]).
//
// If esbuild cannot be used (an unusual platform, a read-only
// node_modules), the command runs through tsx as before: slower, the same.
//
// The command runs in a child process, for settings that must be given
// before a process starts:
// - V8's young generation: semi-spaces of 64 MiB (--max-semi-space-size=64;
//   Node's default is 16). A build allocates short-lived text by the
//   gigabyte (pages, fingerprints, files); with small semi-spaces much of it
//   lives through two scavenges and is copied into the old generation, whose
//   full collections cost in proportion to the live heap. A build of 2,000
//   articles (previous output gone, parse cache warm, the tree sampled by
//   scripts/bench-lib/process.ts, load average 13–28) took 29.1 CPU-s by
//   default and 24.1 and 25.4 CPU-s with 64 MiB, peaking at 0.77 and
//   0.66–0.74 GiB (32 MiB: 29.1 CPU-s). An explicit setting is kept.
// - V8's heap limit: 3/4 of the machine's memory, at least 4 GiB. Node's default (~4 GiB
//   however large the machine) stopped a cold build of 100,000 articles
//   with "JavaScript heap out of memory" 373 s in (tree RSS 4.6 GiB, on a
//   24 GiB machine): the loaded articles stay in memory for the whole build.
//   An explicit --max-old-space-size (here or in NODE_OPTIONS) is kept.
// - MALLOC_ARENA_MAX=1 (unless set): glibc's malloc gives every thread that allocates at once its own arena
// (up to 8 per core), and memory freed in one is never reused by another.
// The build allocates on many threads (main, file writer, loading, QR and
// gzip workers, libuv's pool) and frees on others (pages' bytes are made on
// the main thread and freed on the writer's), so freed memory piled up in
// the arenas. A cold build of 2,000 articles peaked at 0.78 GiB (tree RSS),
// 0.68 GiB with 2 arenas, 0.56 GiB with 1, for 37.6, 38.0 and 39.9 s of
// CPU (`MALLOC_ARENA_MAX=… npm run build` from a clean .cache, sampled as
// `npm run bench` does; load average 15–25).
// The child receives the signals this process gets, and this process exits
// as it does.
import { spawn } from "node:child_process";
import { totalmem } from "node:os";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const CHILD = "TONG_KET_COMMAND_CHILD";
if (process.env[CHILD] === undefined) {
  const given = (flag) => [...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].some((a) => a.includes(flag));
  const heap = [
    ...(given("--max-old-space-size") ? [] : [`--max-old-space-size=${Math.max(4096, Math.floor((totalmem() / 2 ** 20) * 0.75))}`]),
    ...(given("--max-semi-space-size") ? [] : ["--max-semi-space-size=64"]),
  ];
  const env = { ...process.env, [CHILD]: "1", MALLOC_ARENA_MAX: process.env["MALLOC_ARENA_MAX"] ?? "1" };
  const child = spawn(process.execPath, [...heap, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.on("exit", (...outcome) => resolve(outcome)));
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}

const root = path.resolve(import.meta.dirname, "..");
const [entryArg, ...rest] = process.argv.slice(2);
if (!entryArg || !/^scripts\/[a-z0-9-]+\.ts$/.test(entryArg)) {
  process.stderr.write("run-bundled.mjs: expected scripts/<name>.ts as the first argument\n");
  process.exit(2);
}
const entry = path.join(root, entryArg);
const name = path.basename(entryArg, ".ts");
const cacheDir = path.join(root, "node_modules", ".cache", "tong-ket");
// Named after the project folder too: node_modules may be shared (a link) by two checkouts.
const tag = createHash("sha256").update(root).digest("hex").slice(0, 8);
const bundleFile = path.join(cacheDir, `${name}-${tag}.mjs`);
const manifestFile = path.join(cacheDir, `${name}-${tag}.inputs.json`);
const VERSION_KEY = Symbol.for("tong-ket.code-version");

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** The code version of the kept bundle when every input is unchanged, else undefined. */
function currentVersion() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  } catch {
    return undefined;
  }
  if (!manifest || manifest.node !== process.version || typeof manifest.inputs !== "object" || manifest.inputs === null || !existsSync(bundleFile)) return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    try {
      if (sha256(readFileSync(path.join(root, file))) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  return typeof manifest.version === "string" ? manifest.version : undefined;
}

/**
 * Each bundled source keeps its own location: `import.meta.url`, `.dirname`
 * and `.filename` are replaced by the source file's, so that code finding
 * files next to itself (layouts/assets, workers) behaves as unbundled. The
 * bundle's own URL is in globalThis[Symbol.for("tong-ket.bundle-url")].
 */
const keepOwnLocation = {
  name: "keep-own-location",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta")) return undefined;
      const own = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
      // Not inside a string ("import.meta.url" as an esbuild define key in src/cms/bundle.ts).
      const contents = source.replace(/(?<!["'`])\bimport\.meta\.(url|dirname|filename)\b(?!["'`])/g, (_, key) => JSON.stringify(own[key]));
      return { contents, loader: path.extname(args.path).slice(1).replace(/^[cm]/, "") };
    });
  },
};

/** Bundles the command with esbuild; returns its code version. */
async function rebuild() {
  const { build, stop } = await import("esbuild");
  // esbuild's service process would otherwise live as long as the command (11 MB more in the build's tree).
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    // CommonJS dependencies (gray-matter, js-yaml…) call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Native dependencies, and those that read their own files or start
    // their own processes, load from node_modules as usual.
    external: ["sharp", "@resvg/*", "satori", "pagefind", "@11ty/*", "esbuild", "decap-*", "@fontsource/*"],
    plugins: [keepOwnLocation],
  });
  await stop();
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs).sort()) inputs[file] = sha256(readFileSync(path.join(root, file)));
  const version = sha256(JSON.stringify({ node: process.version, inputs }));
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error("esbuild produced no output");
  mkdirSync(cacheDir, { recursive: true });
  // Temporary files renamed into place: a killed run or two runs at once never leave half a bundle.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(bundleFile + suffix, code);
  writeFileSync(manifestFile + suffix, JSON.stringify({ node: process.version, version, inputs }));
  renameSync(bundleFile + suffix, bundleFile);
  renameSync(manifestFile + suffix, manifestFile);
  return version;
}

let version = currentVersion();
try {
  if (version === undefined) version = await rebuild();
} catch (error) {
  if (process.env["DEBUG"]) process.stderr.write(`run-bundled.mjs: ${error?.stack ?? error}\n`);
  version = undefined;
  rmSync(manifestFile, { force: true });
}
// The command reads its arguments from process.argv, as when run directly.
process.argv = [process.argv[0] ?? "node", entry, ...rest];
if (version !== undefined) {
  globalThis[VERSION_KEY] = version;
  globalThis[Symbol.for("tong-ket.bundle-url")] = pathToFileURL(bundleFile).href;
  await import(pathToFileURL(bundleFile).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(entry).href);
}
