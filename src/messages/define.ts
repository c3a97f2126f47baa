/**
 * How a message is written down: both languages side by side, with sample
 * parameters (used by the completeness test and by documentation).
 *
 * A message has up to three parts, matching what an editor needs from an
 * error: what is wrong (`message`), what was expected (`expected`) and how
 * to fix it (`fix`). Parts are plain strings or functions of the message's
 * parameters; TypeScript checks that both languages take the same
 * parameters and that `sample` provides them.
 */
import type { Lang } from "./language.ts";

/** Parameter values are shown to people: text or numbers only. */
export type Params = Readonly<Record<string, string | number>>;

export type Text<P extends Params> = string | ((params: P) => string);

export interface Wording<P extends Params> {
  readonly message: Text<P>;
  readonly expected?: Text<P>;
  readonly fix?: Text<P>;
}

export type MessageDef<P extends Params> = { readonly sample: P } & { readonly [L in Lang]: Wording<P> };

/**
 * Declares one message. Write `sample` first: it fixes the parameter type
 * the wording functions receive.
 *
 * @example
 * message({
 *   sample: { value: "20/12/2024", iso: "2024-12-20" },
 *   vi: { message: "không phải ngày hợp lệ", fix: (p) => `viết ${p.iso}` },
 *   en: { message: "is not a valid date", fix: (p) => `write ${p.iso}` },
 * })
 */
export function message<P extends Params>(def: MessageDef<P>): MessageDef<P> {
  return def;
}
