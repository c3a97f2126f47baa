/**
 * `--official` and `--award` of `npm run new`: one person or one award as a
 * line of parts separated by semicolons. An editor who gets a part wrong is
 * told which part, what it holds, what it should hold, and the whole flag
 * written right, with their own values wherever the right one can be known
 * ("Ngài" → the honorific left out; "Ong" → "Ông"; an id with capitals and
 * diacritics → the same name folded; "04" is read as 4, as portals write
 * counts). A flag written the way press releases phrase it ("Ông Nguyễn Dũng
 * – Giám đốc", "Lao động tiên tiến – 11 cá nhân") is split into its parts
 * for the suggestion instead of being taken whole as a name or a title.
 *
 * Pure: messages come from the catalogue (src/messages/areas/new.ts).
 */
import { awardPhrase, honorificMeant, officialPhrase } from "../content/phrase-fields.ts";
import { HONORIFICS, PERSON_ID_MAX_LENGTH, PERSON_ID_PATTERN, type Honorific } from "../content/schema.ts";
import { explain, type Explanation } from "../messages/index.ts";
import { slugify } from "../slug.ts";
import type { AwardFields, OfficialFields } from "./article-text.ts";

/** A problem with one flag or answer, in the catalogue's words (what was found, what is expected, the fix). */
export interface InputProblem {
  readonly message: string;
  readonly expected?: string;
  readonly fix?: string;
}

export type FlagResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: InputProblem };

/** The most parts either flag has. */
const MAX_PARTS = 4;
/** Largest award count a flag takes (six digits, as the prompt's). */
const COUNT_PATTERN = /^\d{1,6}$/;
/** A count written before its words ("11 cá nhân"), in the recipient or the count part. */
const COUNT_BEFORE_TEXT = /^(\d{1,6})\s+(.+)$/;

/** A catalogue explanation as an input problem. */
export function inputProblem(e: Explanation): InputProblem {
  return { message: e.message, ...(e.expected ? { expected: e.expected } : {}), ...(e.fix ? { fix: e.fix } : {}) };
}

const refused = (e: Explanation): { ok: false; problem: InputProblem } => ({ ok: false, problem: inputProblem(e) });

/** A flag line from its parts, empty trailing parts left out ("A; ; Ông" keeps the empty role). */
function flagLine(flag: "official" | "award", parts: readonly string[]): string {
  const kept = [...parts];
  while (kept.length > 1 && kept[kept.length - 1] === "") kept.pop();
  return `--${flag} "${kept.join("; ")}"`;
}

/** `--official "Họ tên; chức vụ; Ông|Bà|Đồng chí; mã người"` (all but the name may be left empty). */
export function checkOfficialFlag(value: string): FlagResult<OfficialFields> {
  const parts = value.split(";").map((s) => s.trim());
  const [name = "", role = "", honorific = "", id = ""] = parts;
  if (parts.length > MAX_PARTS) return refused(explain("new.error.officialParts", { value, count: parts.length }));
  if (name === "") return refused(explain("new.error.officialName", { value }));
  if (parts.length === 1) {
    const split = officialPhrase(name);
    if (split) return refused(explain("new.error.officialOneLine", { value, example: flagLine("official", [split.name, split.role ?? "", split.honorific ?? ""]) }));
  }
  // Every part's correction, so the example shows the whole flag right even when several parts are wrong.
  const h = honorific === "" ? undefined : HONORIFICS.find((x) => x.toLowerCase() === honorific.toLowerCase());
  const meant = honorific === "" || h ? h : honorificMeant(honorific);
  const idOk = id === "" || (PERSON_ID_PATTERN.test(id) && id.length <= PERSON_ID_MAX_LENGTH);
  const fixedId = idOk ? id : slugify(id, PERSON_ID_MAX_LENGTH) || slugify(name, PERSON_ID_MAX_LENGTH);
  const example = flagLine("official", [name, role, meant ?? "", fixedId]);
  if (honorific !== "" && !h) {
    const params = { value, found: honorific, example };
    return refused(meant ? explain("new.error.officialHonorificMeant", params) : explain("new.error.officialHonorific", params));
  }
  if (!idOk) return refused(explain("new.error.officialId", { value, found: id, max: PERSON_ID_MAX_LENGTH, example }));
  return { ok: true, value: { name, ...(role ? { role } : {}), ...(h ? { honorific: h } : {}), ...(id ? { id } : {}) } };
}

/** `--award "Danh hiệu; người nhận; số lượng; cơ quan trao"` (all but the title may be left empty). */
export function checkAwardFlag(value: string): FlagResult<AwardFields> {
  const parts = value.split(";").map((s) => s.trim());
  const [title = "", recipient = "", count = "", conferredBy = ""] = parts;
  if (parts.length > MAX_PARTS) return refused(explain("new.error.awardParts", { value, count: parts.length }));
  if (title === "") return refused(explain("new.error.awardTitle", { value }));
  if (parts.length === 1) {
    const split = awardPhrase(title);
    if (split) return refused(explain("new.error.awardOneLine", { value, example: flagLine("award", [split.title, split.recipient, String(split.count)]) }));
  }
  // "Giấy khen; 11 cá nhân": the count written inside the recipient.
  const countInRecipient = COUNT_BEFORE_TEXT.exec(recipient);
  if (count === "" && countInRecipient && Number(countInRecipient[1]) >= 1) {
    return refused(explain("new.error.awardCountInRecipient", { value, example: flagLine("award", [title, countInRecipient[2] ?? "", String(Number(countInRecipient[1])), conferredBy]) }));
  }
  // "04" is how portals write counts ("cho 04 cá nhân"): read as 4.
  if (count !== "" && (!COUNT_PATTERN.test(count) || Number(count) < 1)) {
    const inText = COUNT_BEFORE_TEXT.exec(count);
    const example = inText && Number(inText[1]) >= 1 && recipient === "" ? flagLine("award", [title, inText[2] ?? "", String(Number(inText[1])), conferredBy]) : flagLine("award", [title, recipient, "", conferredBy]);
    return refused(explain("new.error.awardCount", { value, found: count, example }));
  }
  return { ok: true, value: { title, ...(recipient ? { recipient } : {}), ...(count ? { count: Number(count) } : {}), ...(conferredBy ? { conferredBy } : {}) } };
}
