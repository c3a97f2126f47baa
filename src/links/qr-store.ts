/**
 * QR symbols for the site's short links, encoded once per link and kept in
 * a compact on-disk cache (.cache/qr-v1.json) between builds: a short link
 * never changes, so neither does its symbol, and encoding is the costly part
 * (~0.25 ms each; 10,000 links ≈ 2.5 s). Symbols are held bit-packed in
 * memory (137 bytes for a version-4 code) and rendered to SVG or PNG when
 * a page or file needs them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { qrEncode, qrPngFromEncoded, qrSvgFromEncoded, type Encoded } from "../qr.ts";

/** A bit-packed QR symbol (what the cache and the workers exchange). */
export interface PackedSymbol {
  readonly size: number;
  readonly version: number;
  readonly bits: Uint8Array;
}

export function pack(e: Encoded): PackedSymbol {
  const bits = new Uint8Array(Math.ceil(e.data.length / 8));
  for (let i = 0; i < e.data.length; i++) if (e.data[i] === 1) bits[i >> 3]! |= 0x80 >> (i & 7);
  return { size: e.size, version: e.version, bits };
}

function unpack(p: PackedSymbol): Encoded {
  const data = new Uint8Array(p.size * p.size);
  for (let i = 0; i < data.length; i++) data[i] = (p.bits[i >> 3]! >> (7 - (i & 7))) & 1;
  return { size: p.size, version: p.version, data };
}

const CACHE_VERSION = 1;

export class QrStore {
  private readonly symbols = new Map<string, PackedSymbol>();
  private readonly used = new Set<string>();
  private dirty = false;

  /** @param cacheFile where to keep symbols between builds; omit for no disk cache */
  constructor(private readonly cacheFile?: string) {
    if (!cacheFile || !existsSync(cacheFile)) return;
    try {
      const json = JSON.parse(readFileSync(cacheFile, "utf8")) as { version?: number; symbols?: Record<string, [number, number, string]> };
      if (json.version !== CACHE_VERSION || !json.symbols) return;
      for (const [text, [size, version, bits]] of Object.entries(json.symbols)) this.symbols.set(text, { size, version, bits: Buffer.from(bits, "base64") });
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
   * Encodes every text not yet known before pages render, on all cores when
   * there are many (each worker takes a contiguous share).
   */
  async warm(texts: readonly string[], threads = availableParallelism()): Promise<void> {
    const missing = texts.filter((t) => !this.symbols.has(t));
    for (const t of texts) this.used.add(t);
    if (missing.length === 0) return;
    this.dirty = true;
    const workers = Math.max(1, Math.min(threads, Math.floor(missing.length / 500)));
    if (workers <= 1) {
      for (const text of missing) this.symbols.set(text, pack(qrEncode(text)));
      return;
    }
    const share = Math.ceil(missing.length / workers);
    const results = await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        new Promise<[string, PackedSymbol][]>((resolve, reject) => {
          const worker = new Worker(new URL("./qr-worker.mjs", import.meta.url), { workerData: { texts: missing.slice(i * share, (i + 1) * share) } });
          worker.once("message", (out: [string, PackedSymbol][]) => {
            resolve(out);
            void worker.terminate();
          });
          worker.once("error", reject);
        }),
      ),
    );
    for (const list of results) for (const [text, p] of list) this.symbols.set(text, { size: p.size, version: p.version, bits: new Uint8Array(p.bits) });
  }

  /** Inline SVG for `text`, labelled for screen readers. */
  svg(text: string, label: string): string {
    return qrSvgFromEncoded(this.encoded(text), { label, moduleSize: 6 });
  }

  /** PNG bytes for `text` (10 px per module: 410 px for a version-4 code). */
  png(text: string): Buffer {
    return qrPngFromEncoded(this.encoded(text), { scale: 10 });
  }

  /** Writes the cache, keeping only the symbols this build used. */
  save(): void {
    if (!this.cacheFile || (!this.dirty && this.used.size === this.symbols.size)) return;
    const symbols: Record<string, [number, number, string]> = {};
    for (const text of [...this.used].sort()) {
      const p = this.symbols.get(text);
      if (p) symbols[text] = [p.size, p.version, Buffer.from(p.bits).toString("base64")];
    }
    mkdirSync(path.dirname(this.cacheFile), { recursive: true });
    writeFileSync(this.cacheFile, JSON.stringify({ version: CACHE_VERSION, symbols }));
  }
}
