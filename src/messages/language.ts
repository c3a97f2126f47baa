/**
 * Which language editor-facing messages are shown in. Vietnamese by default
 * (editors are Vietnamese communication officers); English on request with
 * `--lang en` or an English locale in LANG / LC_ALL / LC_MESSAGES.
 *
 * The choice is process-wide and held on globalThis, not in a module
 * variable: Eleventy's config loader (tsx) and vitest may each load this
 * module, and both copies must agree. Worker threads do not share globals;
 * code that starts a worker passes {@link getLanguage} in its workerData.
 */

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

const KEY = Symbol.for("tong-ket.message-language");

/** The language messages are produced in now. */
export function getLanguage(): Lang {
  const value = (globalThis as unknown as Record<symbol, unknown>)[KEY];
  return value === "en" ? "en" : "vi";
}

/** Sets the language for every message produced from now on in this thread. */
export function setLanguage(lang: Lang): void {
  (globalThis as unknown as Record<symbol, unknown>)[KEY] = lang;
}

/** "en", "en-US", "en_US.UTF-8" → "en"; "vi", "vi_VN" → "vi"; anything else → undefined. */
export function parseLang(value: string | undefined): Lang | undefined {
  const code = value?.trim().toLowerCase().slice(0, 2);
  return code === "en" || code === "vi" ? code : undefined;
}

/**
 * The language asked for by a `--lang` value, else by the locale
 * (LC_ALL, LC_MESSAGES, LANG — the first one set, as POSIX orders them).
 * Only English is taken from the locale: C.UTF-8 or a missing locale (the
 * usual CI and Windows case) means Vietnamese.
 */
export function resolveLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const fromFlag = parseLang(flag);
  if (fromFlag) return fromFlag;
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"];
  return parseLang(locale) === "en" ? "en" : "vi";
}
