/**
 * Producing messages: `t(key, params)` for one sentence, `explain(key,
 * params)` for the parts of an error (message, expected, fix) ready to
 * spread into a ContentError. Both use the current language
 * (language.ts); pass `lang` to force one.
 *
 * Every string an editor reads goes through here: no editor-facing text is
 * written in code outside src/messages/areas/.
 */
import { CATALOGUE, type MessageKey, type ParamsOf } from "./catalogue.ts";
import type { MessageDef, Params, Text } from "./define.ts";
import { getLanguage, type Lang } from "./language.ts";

export { getLanguage, setLanguage, resolveLanguage, parseLang, LANGS, type Lang } from "./language.ts";
export type { MessageKey, ParamsOf } from "./catalogue.ts";
export { fieldHelp, fieldHelpPatterns, type FieldHelp } from "./field-help.ts";

/** Required params for messages that take some, none otherwise. */
type ParamsArg<K extends MessageKey> = keyof ParamsOf<K> extends never ? [params?: ParamsOf<K>] : [params: ParamsOf<K>];

function render<P extends Params>(text: Text<P> | undefined, params: P): string | undefined {
  return typeof text === "function" ? text(params) : text;
}

function definition(key: MessageKey): MessageDef<Params> {
  return CATALOGUE[key] as MessageDef<Params>;
}

/** The `message` part of `key` in the current language. */
export function t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
  return tIn(getLanguage(), key, ...params);
}

/** The `message` part of `key` in `lang`. */
export function tIn<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): string {
  return render(definition(key)[lang].message, params[0] ?? {}) ?? "";
}

/** What an error says, in the current language, with its catalogue key as `code`. */
export interface Explanation {
  readonly code: MessageKey;
  readonly message: string;
  readonly expected?: string;
  readonly fix?: string;
}

/** All parts of `key` in the current language (or `lang`), to spread into an error. */
export function explain<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Explanation {
  return explainIn(getLanguage(), key, ...params);
}

export function explainIn<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): Explanation {
  const wording = definition(key)[lang];
  const p = params[0] ?? {};
  const expected = render(wording.expected, p);
  const fix = render(wording.fix, p);
  return { code: key, message: render(wording.message, p) ?? "", ...(expected ? { expected } : {}), ...(fix ? { fix } : {}) };
}
