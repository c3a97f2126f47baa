/**
 * node:buffer in the admin bundle. The article layout builds the Zalo share
 * link with Buffer.from(text, "utf8").toString("base64"), and the loader
 * checks bytes with isUtf8; that is all the preview needs.
 */

/** Whether bytes are valid UTF-8 (node:buffer's isUtf8). */
export function isUtf8(bytes: ArrayBufferView | ArrayBuffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export const Buffer = {
  from(text: string, encoding = "utf8"): { toString(encoding?: string): string } {
    if (encoding !== "utf8" && encoding !== "utf-8") throw new Error(`Buffer.from: only utf8 text is available in the browser (got ${encoding})`);
    const bytes = new TextEncoder().encode(text);
    return {
      toString(to = "utf8") {
        if (to === "base64") return toBase64(bytes);
        if (to === "utf8" || to === "utf-8") return text;
        throw new Error(`Buffer.toString: ${to} is not available in the browser`);
      },
    };
  },
};
