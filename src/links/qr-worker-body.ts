/** Encodes a share of the QR texts in a worker thread; posts back bit-packed symbols. */
import { parentPort, workerData } from "node:worker_threads";
import { qrEncode } from "../qr.ts";
import { pack, type PackedSymbol } from "./qr-store.ts";

const { texts } = workerData as { texts: string[] };
const out: [string, PackedSymbol][] = texts.map((text) => [text, pack(qrEncode(text))]);
parentPort?.postMessage(out);
