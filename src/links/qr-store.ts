/**
 * QR symbols for the site's short links, encoded once per link and kept in
 * a compact on-disk cache (.cache/qr-v1.json) between builds: a short link
 * never changes, so neither does its symbol, and encoding is the costly part
 * (~0.25 ms each; 10,000 links ≈ 2.5 s on one core). Symbols are held
 * bit-packed in memory (137 bytes for a version-4 code, qr-pack.ts) and
 * rendered to SVG or PNG when a page or file needs them.
 *
 * The cache is keyed by the encoder's code (src/qr.ts, qr-pack.ts and the
 * `qrcode` version): a change to how symbols are made re-encodes them all.
 * A damaged cache, one of another key, a symlink, or an entry that is not a
 * well-formed version 1–4 symbol is ignored (only a slower build). What the
 * cache cannot tell is whether a well-formed symbol encodes its text: it is
 * trusted like the previous output folder that CI also restores (see
 * docs/performance-notes.md).
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { t } from "../messages/index.ts";
import { qrEncode, qrPngFromEncoded, qrSvgFromEncoded, QR_MAX_VERSION, type Encoded } from "../qr.ts";
import { BUILD_TASKS } from "../workers/build-tasks.ts";
import { BUILD_WORKER, runInWorkers } from "../workers/pool.ts";
import { QR_PNG_SCALE, pack, unpack, type PackedSymbol } from "./qr-pack.ts";
import type { QrTaskItem, QrTaskResult } from "./qr-worker-task.ts";
import { isRealDir } from "../cache/real-dir.ts";

export { pack, type PackedSymbol } from "./qr-pack.ts";

/** Links per worker task: large enough that messaging costs nothing, small enough to balance two cores. */
const LINKS_PER_TASK = 500;
/** Below this many links, encode and render in-process (a worker's start costs ~0.2 s). */
const WORKER_THRESHOLD = 1000;

/** Version of the code that makes symbols: the encoder's sources and qrcode's version. */
function encoderVersion(): string {
  const hash = createHash("sha256");
  for (const file of ["../qr.ts", "./qr-pack.ts"]) hash.update(readFileSync(path.join(import.meta.dirname, file)));
  const qrcode = createRequire(import.meta.url)("qrcode/package.json") as { version?: string };
  hash.update(`qrcode ${qrcode.version ?? "?"}`);
  return hash.digest("hex");
}

/** A well-formed symbol of version 1–{@link QR_MAX_VERSION}, or undefined. */
function checkedSymbol(value: unknown): PackedSymbol | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [size, version, bits] = value as unknown[];
  if (!Number.isInteger(version) || (version as number) < 1 || (version as number) > QR_MAX_VERSION || size !== 17 + 4 * (version as number) || typeof bits !== "string") return undefined;
  const bytes = Buffer.from(bits, "base64");
  if (bytes.length !== Math.ceil((size * size) / 8) || bytes.toString("base64") !== bits) return undefined;
  return { size, version: version as number, bits: new Uint8Array(bytes) };
}

function isPlainFile(file: string): boolean {
  const st = lstatSync(file, { throwIfNoEntry: false });
  return st !== undefined && st.isFile();
}

export interface WarmOptions {
  /** Worker threads (default: BUILD_THREADS or every core). */
  readonly threads?: number;
  /** Worker entry to use (tests: one that crashes). */
  readonly workerEntry?: string;
}

export class QrStore {
  private readonly symbols = new Map<string, PackedSymbol>();
  /** PNGs rendered ahead by the worker pool (see warm). */
  private readonly pngs = new Map<string, Buffer>();
  private readonly used = new Set<string>();
  private dirty = false;
  private key = "";

  /** @param cacheFile where to keep symbols between builds; omit for no disk cache */
  constructor(private readonly cacheFile?: string) {
    if (!cacheFile) return;
    this.key = encoderVersion();
    try {
      if (!isPlainFile(cacheFile)) return;
      const json: unknown = JSON.parse(readFileSync(cacheFile, "utf8"));
      if (json === null || typeof json !== "object") return;
      const { key, symbols } = json as Record<string, unknown>;
      if (key !== this.key || symbols === null || typeof symbols !== "object" || Array.isArray(symbols)) return;
      for (const [text, value] of Object.entries(symbols as Record<string, unknown>)) {
        const symbol = checkedSymbol(value);
        if (symbol) this.symbols.set(text, symbol);
      }
    } catch {
      // A damaged cache is only a slower build.
    }
  }

  private encoded(text: string): Encoded {
    this.used.add(text);
    let packed = this.symbols.get(text);
    if (!packed) {
      packed = pack(qrEncode(text));
      this.symbols.set(text, packed);
      this.dirty = true;
    }
    return unpack(packed);
  }

  /**
   * Keeps the symbols of `texts` in the cache this build saves without
   * preparing them (an incremental build renders only some of the pages
   * that show them; the others stay in the site).
   */
  keep(texts: Iterable<string>): void {
    for (const text of texts) if (this.symbols.has(text)) this.used.add(text);
  }

  /**
   * Prepares every text before pages render: encodes those not yet known
   * and, on the build's worker pool when there are many, renders their PNG
   * downloads too, so the main thread only looks them up. A crashed worker
   * fails the build with a clear message; it never hangs it.
   */
  async warm(texts: readonly string[], options: WarmOptions = {}): Promise<void> {
    const unique = [...new Set(texts)];
    for (const t of unique) this.used.add(t);
    const missing = unique.filter((t) => !this.symbols.has(t));
    if (missing.length > 0) this.dirty = true;
    if (unique.length < WORKER_THRESHOLD && !options.workerEntry) {
      for (const text of missing) this.symbols.set(text, pack(qrEncode(text)));
      return;
    }
    const items: QrTaskItem[] = unique.filter((t) => !this.pngs.has(t)).map((text) => {
      const symbol = this.symbols.get(text);
      return symbol ? { text, symbol } : { text };
    });
    const chunks: QrTaskItem[][] = [];
    for (let i = 0; i < items.length; i += LINKS_PER_TASK) chunks.push(items.slice(i, i + LINKS_PER_TASK));
    const results = await runInWorkers<QrTaskItem[], QrTaskResult[]>(options.workerEntry ?? BUILD_WORKER, BUILD_TASKS.encodeQr, chunks, {
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      label: t("workers.task.encodeQr"),
      describeInput: (i) => t("workers.input.links", { first: chunks[i]?.[0]?.text ?? "", more: (chunks[i]?.length ?? 1) - 1 }),
    });
    for (const list of results) {
      for (const { text, symbol, png } of list) {
        if (!this.symbols.has(text)) this.symbols.set(text, { size: symbol.size, version: symbol.version, bits: new Uint8Array(symbol.bits) });
        this.pngs.set(text, Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      }
    }
  }

  /** Inline SVG for `text`, labelled for screen readers. */
  svg(text: string, label: string): string {
    return qrSvgFromEncoded(this.encoded(text), { label, moduleSize: 6 });
  }

  /** PNG bytes for `text` (10 px per module: 410 px for a version-4 code). */
  png(text: string): Buffer {
    const ready = this.pngs.get(text);
    if (ready) {
      this.used.add(text);
      return ready;
    }
    return qrPngFromEncoded(this.encoded(text), { scale: QR_PNG_SCALE });
  }

  /** Writes the cache (atomically), keeping only the symbols this build used. */
  save(): void {
    if (!this.cacheFile || (!this.dirty && this.used.size === this.symbols.size)) return;
    const symbols: Record<string, [number, number, string]> = {};
    for (const text of [...this.used].sort()) {
      const p = this.symbols.get(text);
      if (p) symbols[text] = [p.size, p.version, Buffer.from(p.bits).toString("base64")];
    }
    const dir = path.dirname(this.cacheFile);
    const temporary = `${this.cacheFile}.${process.pid}.tmp`;
    try {
      // Never through a symlink: the cache folder and file must be what they look like.
      if (lstatSync(dir, { throwIfNoEntry: false }) === undefined) mkdirSync(dir, { recursive: true });
      if (!isRealDir(dir) || (lstatSync(this.cacheFile, { throwIfNoEntry: false }) && !isPlainFile(this.cacheFile))) return;
      writeFileSync(temporary, JSON.stringify({ key: this.key, symbols }), { flag: "wx" });
      renameSync(temporary, this.cacheFile);
    } catch {
      rmSync(temporary, { force: true });
      // A cache that cannot be written only makes the next build slower.
    }
  }
}
