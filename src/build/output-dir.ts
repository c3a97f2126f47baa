/**
 * The output folder: which folders the build may replace and delete.
 *
 * The build writes a new site into a staging folder beside the output
 * folder and swaps it into place, deleting the previous one. `--out` is
 * typed by people, so without checks `--out .` deleted the repository
 * (content, .git, uncommitted work), `--out content` every article and
 * `--out ..` the parent folder. The rules:
 *
 * 1. Where: the output folder must not be the file-system root, must not be
 *    or contain the project root, the working directory or the home folder,
 *    and must not be, contain or sit inside the content folder or a .git
 *    folder. Checked on the path as given and on its real path (links
 *    resolved), against both forms of each protected folder. An output
 *    folder that is itself a link is refused (the swap would replace the
 *    link, not what it points to).
 * 2. Whose: the build only deletes folders it made. Every staging folder
 *    gets a marker file ({@link OUTPUT_MARKER}) before anything else is
 *    written, and the marker travels with it into place, so an output folder
 *    with the marker is a previous build's. An existing output folder is
 *    replaced only if it has the marker, or is empty, or — the migration
 *    rule for sites built before the marker existed — looks like a previous
 *    build: it holds index.html, sitemap.xml and robots.txt or _headers as
 *    regular files (every build since the first release writes them) and
 *    none of the names a project or a person's folder has (.git,
 *    package.json, node_modules, content, src, .eleventy.js, README.md).
 *    Anything else is refused with an explanation; nothing is deleted.
 * 3. Siblings: staging (`<out>.tmp-<pid>`) and replaced (`<out>.old-<pid>-<n>`)
 *    folders of builds that were killed are removed only when their process
 *    is gone and they carry the marker or look like a previous build; a
 *    link or an unmarked folder with such a name is never deleted, and an
 *    unmarked one in the way of this build's staging folder is an error.
 *
 * A refused folder is an {@link OutputDirError}: a user error with the
 * explanation, printed without a stack trace.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { homedir } from "node:os";
import path from "node:path";
import { isAlive } from "../cli/process-lifetime.ts";
import { explain, t, tIn, type Explanation, type MessageKey } from "../messages/index.ts";

/** The marker file every output folder made by the build carries. */
export const OUTPUT_MARKER = ".tong-ket-build";

/** Names that only a project or a person's folder has, never a build output (migration rule). */
const NOT_BUILD_OUTPUT = [".git", "package.json", "node_modules", "content", "src", ".eleventy.js", "README.md"];

/** A refused output folder: what is wrong and how to fix it, ready to print. */
export class OutputDirError extends Error {
  constructor(
    readonly outDir: string,
    readonly code: MessageKey,
    text: string,
  ) {
    super(text);
    this.name = "OutputDirError";
  }
}

function refuse(outDir: string, shown: string, why: Explanation): never {
  const lines = [t("outputDir.failed", { path: shown }), `  ${why.message}`];
  if (why.expected) lines.push(`    ${t("general.expectedLabel")}: ${why.expected}`);
  if (why.fix) lines.push(`    ${t("general.fixLabel")}: ${why.fix}`);
  throw new OutputDirError(outDir, why.code, lines.join("\n"));
}

/** The path as short as it can be shown: relative to the working directory unless that climbs more than one level. */
function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p) || ".";
  return rel.split(path.sep).filter((s) => s === "..").length > 1 ? p : rel;
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The real path of `p`: links resolved on the part that exists, the rest appended. */
function realish(p: string): string {
  let existing = p;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  try {
    return path.join(realpathSync.native(existing), ...rest);
  } catch {
    return p;
  }
}

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isRegularFile(p: string): boolean {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether `dir` (a real folder, not a link) is one the build made, may treat as its own, or is empty. */
export function isBuildOutput(dir: string): boolean {
  if (!isDir(dir)) return false;
  if (isRegularFile(path.join(dir, OUTPUT_MARKER))) return true;
  const names = readdirSync(dir);
  if (names.length === 0) return true;
  // Migration: a site built before the marker existed.
  const has = (name: string): boolean => isRegularFile(path.join(dir, name));
  return has("index.html") && has("sitemap.xml") && (has("robots.txt") || has("_headers")) && !NOT_BUILD_OUTPUT.some((n) => names.includes(n));
}

export interface OutputDirOptions {
  /** Project root (holds content/). */
  readonly rootDir: string;
  /** Content folder relative to rootDir. Default "content". */
  readonly contentDir?: string;
  /** Working directory of the command. Default process.cwd(). */
  readonly cwd?: string;
  /** Home folder. Default os.homedir(). */
  readonly home?: string;
}

/**
 * Checks that `outDir` may be (re)built: rule 1 (where) and rule 2 (whose).
 * Changes nothing.
 * @throws OutputDirError explaining why not
 */
export function checkOutputDir(outDir: string, options: OutputDirOptions): void {
  const out = path.resolve(outDir);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const shown = displayPath(out, cwd);
  const forms = (p: string): string[] => [...new Set([path.resolve(p), realish(path.resolve(p))])];
  const outs = forms(out);
  if (outs.some((o) => path.dirname(o) === o)) refuse(out, shown, explain("outputDir.filesystemRoot", { path: shown }));
  const root = path.resolve(options.rootDir);
  const guarded: { dir: string; inside: boolean }[] = [
    { dir: root, inside: false },
    { dir: cwd, inside: false },
    { dir: options.home ?? homedir(), inside: false },
    { dir: path.join(root, options.contentDir ?? "content"), inside: true },
    { dir: path.join(root, ".git"), inside: true },
  ];
  for (const { dir, inside } of guarded) {
    for (const protectedDir of forms(dir)) {
      for (const o of outs) {
        if (o === protectedDir) refuse(out, shown, explain("outputDir.isProtected", { path: shown, protected: protectedDir }));
        if (within(protectedDir, o)) refuse(out, shown, explain("outputDir.containsProtected", { path: shown, protected: protectedDir }));
        if (inside && within(o, protectedDir)) refuse(out, shown, explain("outputDir.insideProtected", { path: shown, protected: protectedDir }));
      }
    }
  }
  // Any .git folder on the way (a checkout inside another project, a submodule).
  if (outs.some((o) => o.split(path.sep).includes(".git"))) refuse(out, shown, explain("outputDir.insideProtected", { path: shown, protected: ".git" }));

  let st;
  try {
    st = lstatSync(out);
  } catch {
    return; // Does not exist yet: nothing to delete.
  }
  if (st.isSymbolicLink()) refuse(out, shown, explain("outputDir.isLink", { path: shown }));
  if (!st.isDirectory()) refuse(out, shown, explain("outputDir.notFolder", { path: shown }));
  if (!isBuildOutput(out)) refuse(out, shown, explain("outputDir.notOurs", { path: shown, marker: OUTPUT_MARKER }));
}

/**
 * Deletes a replaced output folder in a detached process: the new site is
 * already in place, and unlinking tens of thousands of files took longer
 * (6 s for 10,000 articles) than generating them. Only a folder the build
 * owns (rule 2) is ever passed here.
 */
function removeInBackground(dir: string): void {
  if (!isBuildOutput(dir)) return;
  // The marker goes last: a removal killed halfway (shutdown, a killed process group) leaves a
  // folder that still says it is a previous build's, so the next build removes the rest (rule 3).
  // With a plain `rm -rf` the marker could go first, and such a folder was refused forever.
  const script = `find "$1" -mindepth 1 -maxdepth 1 ! -name '${OUTPUT_MARKER}' -exec rm -rf -- {} + && rm -rf -- "$1"`;
  const child = spawn("sh", ["-c", script, "sh", dir], { detached: true, stdio: "ignore" });
  child.on("error", () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}


/** Builds started by this process, for names of replaced folders. */
let buildsInProcess = 0;

/** Rule 3: removes staging and replaced folders left by builds that were killed. */
function removeAbandoned(out: string): void {
  const parent = path.dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `${path.basename(out)}.`;
  for (const name of readdirSync(parent)) {
    const match = name.startsWith(prefix) ? /^(?:tmp|old)-(\d+)(?:-\d+)?$/.exec(name.slice(prefix.length)) : null;
    if (!match || Number(match[1]) === process.pid || isAlive(Number(match[1]))) continue;
    removeInBackground(path.join(parent, name));
  }
}

/** The content of the marker file: the same in every build (builds are byte-identical), in both languages. */
function markerText(): string {
  return `${tIn("vi", "outputDir.markerText")}\n${tIn("en", "outputDir.markerText")}\n`;
}

/** The staging and swap steps of one build, on a checked output folder. */
export interface OutputDir {
  /** The final output folder (absolute). */
  readonly outDir: string;
  /** Where this build writes before the swap: `<out>.tmp-<pid>`. */
  readonly staging: string;
  /** Creates the staging folder with the marker inside; removes folders abandoned by killed builds. */
  createStaging(): void;
  /** Puts the staging folder in place of the output folder and deletes the previous output in the background. */
  commit(): void;
  /** Lets `apply` change the output folder in place (an incremental build's few files, src/build/incremental.ts), then deletes the staging folder in the background. */
  commitInPlace(apply: () => void): void;
  /** After a failure: removes the staging folder and puts the previous output back if it had been moved. */
  abort(): void;
}

/**
 * Checks `outDir` (see {@link checkOutputDir}) and returns the steps to
 * build into it. Call before any work, so a refused folder costs nothing.
 * @throws OutputDirError when the folder may not be used
 */
export function prepareOutputDir(outDir: string, options: OutputDirOptions): OutputDir {
  const out = path.resolve(outDir);
  checkOutputDir(out, options);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const staging = `${out}.tmp-${process.pid}`;
  // One name per build, not per process: a second build in the same process
  // (tests, the benchmark) would otherwise meet the first one's folder while
  // its background deletion has already removed the marker, and refuse it.
  const previous = `${out}.old-${process.pid}-${++buildsInProcess}`;
  const clearOwn = (dir: string): void => {
    if (!existsSync(dir) && !isSymlink(dir)) return;
    if (!isBuildOutput(dir)) refuse(out, displayPath(out, cwd), explain("outputDir.stagingNotOurs", { path: displayPath(dir, cwd), marker: OUTPUT_MARKER }));
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    outDir: out,
    staging,
    createStaging() {
      removeAbandoned(out);
      clearOwn(staging);
      clearOwn(previous);
      mkdirSync(path.dirname(out), { recursive: true });
      mkdirSync(staging);
      writeFileSync(path.join(staging, OUTPUT_MARKER), markerText(), { flag: "wx" });
    },
    commit() {
      // Checked again: the folder may have changed during the build.
      checkOutputDir(out, options);
      if (existsSync(out)) renameSync(out, previous);
      renameSync(staging, out);
      removeInBackground(previous);
    },
    commitInPlace(apply) {
      // Checked again: the folder may have changed during the build.
      checkOutputDir(out, options);
      if (!isBuildOutput(out)) throw new Error(`${out} is no longer a build output: cannot update it in place`);
      apply();
      // What is left in it (files the update removed) is deleted after the build, as a replaced output is,
      // under this build's own name (a next build in this process makes a new staging folder at once).
      renameSync(staging, previous);
      removeInBackground(previous);
    },
    abort() {
      if (isBuildOutput(staging)) rmSync(staging, { recursive: true, force: true });
      if (!existsSync(out) && isBuildOutput(previous)) renameSync(previous, out);
    },
  };
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
