/**
 * One press release as copied from a portal → one draft article: front
 * matter values, the Markdown body, and a note for every value the editor
 * must confirm or fill in.
 *
 * Pure: text in, draft out. The command (scripts/import.ts) reads files,
 * renders the draft (render-draft.ts), checks it with the real content
 * loader and writes it.
 *
 * Which date goes in `date`: the portal's date line — when the release was
 * published (or last updated) on the portal — because an imported archive
 * keeps the order and dates its readers saw, and feeds, sitemaps and the
 * "newest first" lists are about publication. The conference day from the
 * lead ("Chiều 29/11/2016") stays in the text and is written as a comment
 * beside `date`. Without a portal date line, the conference day is the
 * date (marked to confirm).
 */
import { getProvince } from "../provinces.ts";
import { t, type MessageKey } from "../messages/index.ts";
import { extractAwards, type FoundAward } from "./awards.ts";
import { findLeadDate, findPortalDate, inferLeadYear, isoOf, type LeadDate, type PortalDate } from "./find-dates.ts";
import { findProvince, inForceOn } from "./find-province.ts";
import { extractOfficials, type FoundOfficial } from "./officials.ts";
import { normalisePortalText, stripChrome } from "./portal-text.ts";
import { capitaliseFirst, squeeze, titleAt, tokenize } from "./words.ts";

/** A comment for the editor, with the catalogue key it came from (stable across languages). */
export interface Note {
  readonly key: MessageKey;
  readonly text: string;
  /** "confirm": a value read with some doubt; "fill": a required value is missing; "info": where a value came from. */
  readonly level: "confirm" | "fill" | "info";
}

export interface DraftOfficial {
  readonly name: string;
  readonly role?: string;
  readonly honorific?: "Ông" | "Bà" | "Đồng chí";
  readonly note?: Note;
}

export interface DraftAward {
  readonly title: string;
  readonly recipient?: string;
  readonly count?: number;
  readonly conferredBy?: string;
  readonly note?: Note;
}

/** Front matter fields a draft can carry, in the order they are written. */
export const DRAFT_FIELDS = ["title", "date", "province", "agency", "reviewYear", "planYear", "officials", "awards", "author", "draft"] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** The required fields an import may fail to find. */
export type RequiredField = "title" | "date" | "province";

export interface ImportDraft {
  readonly sourceName: string;
  readonly title?: string;
  /** ISO date or date-time, local Vietnam time ("2016-12-09", "2016-01-18T14:07:38"). */
  readonly date?: string;
  readonly province?: string;
  readonly agency?: string;
  readonly reviewYear?: number;
  readonly planYear?: number;
  readonly officials: readonly DraftOfficial[];
  readonly awards: readonly DraftAward[];
  readonly author?: string;
  /** Markdown body: paragraphs, captions in italics, Markdown syntax in the source escaped. */
  readonly body: string;
  /** Comments written above each field. */
  readonly notes: Readonly<Partial<Record<DraftField, readonly Note[]>>>;
  /** Comments written at the top of the front matter. */
  readonly header: readonly Note[];
  /** Required fields left for the editor. */
  readonly missing: readonly RequiredField[];
  /** How many values are marked to confirm. */
  readonly toConfirm: number;
  /** The portal chrome lines removed. */
  readonly chrome: readonly string[];
  /** Photo captions found (kept in the body in italics). */
  readonly captions: readonly string[];
  /** The conference day from the lead, when found ("2016-11-29"). */
  readonly conferenceDay?: string;
}

export interface ImportOptions {
  /** Shown in the header note ("000_55f457eac0504ad9.txt"). */
  readonly sourceName: string;
  /** Province id for texts that name none (`--province`). */
  readonly defaultProvince?: string;
}

/** Longest paragraph searched for officials and awards, and how much text is searched for province names. */
const MAX_PARAGRAPH = 20_000;
const MAX_SCAN = 200_000;

type Params = Readonly<Record<string, string | number>>;

function note(level: Note["level"], key: MessageKey, params: Params = {}): Note {
  // The catalogue's per-key parameter types are checked where messages are defined; here keys are data.
  const text = (t as (k: MessageKey, p?: Params) => string)(key, params);
  return { key, text, level };
}

/** Section labels portals print above the headline. */
const LABELS = new Set(["tin vắn", "tin trong tỉnh", "tin trong nước", "tin tức", "tin tức - sự kiện", "tin tức – sự kiện", "tin hoạt động", "hoạt động của sở", "tin địa phương", "thời sự", "tin nổi bật", "tin mới", "tin tổng hợp", "tin sở ngành", "tin hoạt động ngành", "sự kiện"]);

function isLabel(line: string): boolean {
  const lower = line.toLowerCase().replace(/[:.]+$/, "").trim();
  return LABELS.has(lower) || (/:$/.test(line) && line.split(" ").length <= 3);
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const TERMINAL = /[.!?…:;]$/u;
const NEWSPAPER_TAG = /^\s*\([\p{Lu}Đ]{2,6}\)/u;

/** A first line that reads as a headline: one sentence, not too long, not opening with a date or a newspaper tag. */
function isHeadline(line: string): boolean {
  if (wordCount(line) > 45 || NEWSPAPER_TAG.test(line)) return false;
  if (/[.!?]\s+\p{Lu}/u.test(line)) return false;
  const lead = findLeadDate(line);
  return !(lead && line.toLowerCase().startsWith(lead.raw.toLowerCase()));
}

/** "Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017" from "… tổ chức Hội nghị … năm 2017. Đến dự …". */
function titleFromLead(lead: string): string | undefined {
  const m = /tổ\s+chức\s+(hội\s+nghị[^.;!?]*)/iu.exec(lead);
  if (!m?.[1]) return undefined;
  const phrase = m[1].split(/\s+(?:với mục tiêu|với sự|nhằm|tại|do|dưới sự)\s+/iu)[0] ?? "";
  const title = squeeze(phrase.replace(/[,\s]+$/, ""));
  return wordCount(title) >= 3 ? capitaliseFirst(title) : undefined;
}

/** Byline-like: a short name line ("Trần Thị Bích Thủy", "T.LÝ-NHI PHẠM", "Xuân Hoàn - Anh Dũng", "T.H."). */
function isNameLine(line: string): boolean {
  return wordCount(line) <= 8 && /^\p{Lu}[\p{L}\p{M}.]*(?:[\s\-–,]+\p{Lu}[\p{L}\p{M}.]*)*$/u.test(line);
}

/** A role line above a byline name ("PGĐ Trung tâm CNTT và TT"). */
function isRoleLine(line: string): boolean {
  return wordCount(line) <= 10 && !TERMINAL.test(line) && titleAt(tokenize(line), 0) > 0;
}

/** Splits trailing byline lines from the paragraphs. */
function splitByline(paragraphs: string[]): { rest: string[]; author?: string; raw?: string } {
  let i = paragraphs.length;
  const names: string[] = [];
  const roles: string[] = [];
  while (i > 0 && paragraphs.length - i < 3) {
    const line = paragraphs[i - 1] ?? "";
    if (/^(?:theo|nguồn\s*:)\s+\S/iu.test(line) && wordCount(line) <= 10) names.unshift(line);
    else if (isNameLine(line)) names.unshift(line);
    else if (names.length > 0 && isRoleLine(line)) roles.unshift(line);
    else break;
    i -= 1;
  }
  // Keep at least one paragraph of text; a lone short line is the text, not a byline.
  if (names.length === 0 || i === 0) return { rest: paragraphs };
  const author = [...names, ...roles].join(", ");
  return { rest: paragraphs.slice(0, i), author, raw: paragraphs.slice(i).join(" / ") };
}

/** Caption-like: short and without closing punctuation, or a continuation starting with "…". */
function isCaptionLike(line: string): boolean {
  return /^(?:\.\.\.|…)/u.test(line) || (!TERMINAL.test(line) && wordCount(line) <= 30);
}

interface Block {
  readonly text: string;
  readonly caption: boolean;
}

/** Groups paragraphs into text and captions; a caption continued on the next line (lowercase start) is joined. */
function blocks(paragraphs: readonly string[]): Block[] {
  const out: Block[] = [];
  for (const paragraph of paragraphs) {
    const caption = isCaptionLike(paragraph);
    const previous = out[out.length - 1];
    if (caption && previous?.caption && /^[\p{Ll}"“]/u.test(paragraph) && !/^(?:\.\.\.|…)/u.test(paragraph)) {
      out[out.length - 1] = { text: `${previous.text} ${paragraph}`, caption: true };
    } else out.push({ text: paragraph, caption });
  }
  return out;
}

/**
 * Escapes what Markdown would read as syntax in plain text, so the page shows
 * the portal's words exactly: emphasis and code marks, brackets, entities,
 * backslashes anywhere; headings, quotes, lists, rules at a line's start.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
  // "1." or "1)" opens an ordered list: the backslash goes before the dot (a backslash before a digit would show).
  return inline.replace(/^(\s*)(\d+)([.)])/u, "$1$2\\$3").replace(/^(\s*)([#>+\-=])/u, (_, space: string, mark: string) => `${space}\\${mark}`);
}

/** The years reviewed and planned that a title (and lead) state or imply; also used to prefill `npm run new`. */
export function reviewAndPlanYears(title: string, lead = ""): { reviewYear?: number; planYear?: number } {
  const { reviewYear, planYear } = findYears(title, lead);
  return { ...(reviewYear !== undefined ? { reviewYear } : {}), ...(planYear !== undefined ? { planYear } : {}) };
}

/** Years reviewed and planned from the title and lead. */
function findYears(title: string, lead: string): { reviewYear?: number; planYear?: number; notes: Note[] } {
  const text = `${title} ${lead}`;
  const yearsIn = (part: string, offset: number): { year: number; index: number }[] => [...part.matchAll(/năm\s+(\d{4})(?!\d)/giu)].map((m) => ({ year: Number(m[1]), index: offset + m.index }));
  const inTitle = yearsIn(title, 0);
  const inLead = yearsIn(lead, title.length + 1);
  // A consecutive pair within the title, else within the lead, else across them.
  for (const group of [inTitle, inLead, [...inTitle, ...inLead]]) {
    for (const a of group) {
      const b = group.filter((y) => y.year === a.year + 1).sort((x, y) => Math.abs(x.index - a.index) - Math.abs(y.index - a.index))[0];
      if (!b) continue;
      const phrase = squeeze(text.slice(Math.min(a.index, b.index), Math.max(a.index, b.index) + 8));
      return { reviewYear: a.year, planYear: b.year, notes: [note("info", "import.note.yearsFrom", { phrase: phrase.length > 120 ? `${phrase.slice(0, 119)}…` : phrase })] };
    }
  }
  const years = [...inTitle, ...inLead];
  const first = years[0];
  if (!first) return { notes: [] };
  const context = text.slice(Math.max(0, first.index - 50), first.index).toLowerCase();
  const phrase = squeeze(text.slice(Math.max(0, first.index - 30), first.index + 8)).replace(/^\S*\s/, "");
  const isPlan = /(?:triển khai|phương hướng|kế hoạch|nhiệm vụ)[^,.;]*$/u.test(context) && !/tổng kết[^,.;]*$/u.test(context);
  const mentionsReview = /tổng kết|đánh giá|kết quả/iu.test(text);
  const mentionsPlan = /triển khai|phương hướng|kế hoạch/iu.test(text);
  if (isPlan) {
    return mentionsReview
      ? { reviewYear: first.year - 1, planYear: first.year, notes: [note("confirm", "import.note.reviewYearInferred", { year: first.year - 1, phrase })] }
      : { planYear: first.year, notes: [note("info", "import.note.yearsFrom", { phrase })] };
  }
  return mentionsPlan
    ? { reviewYear: first.year, planYear: first.year + 1, notes: [note("confirm", "import.note.planYearInferred", { year: first.year + 1, phrase })] }
    : { reviewYear: first.year, notes: [note("info", "import.note.yearsFrom", { phrase })] };
}

const BODY_HEAD = /^(?:Sở|Trung tâm|Ban|UBND|Ủy ban|Uỷ ban|Văn phòng|Cục|Chi cục|Đài|Báo|Hội|Liên đoàn|Bưu điện|Viễn thông|Công ty|Phòng|Bộ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Công đoàn|Học viện|Trường|Viện|Ngành)(?![\p{L}\p{M}])/u;

/** The organising body: the subject of "… (đã|vừa) tổ chức" in the title or lead. */
function findAgency(title: string, lead: string): { agency?: string; phrase?: string } {
  for (const text of [title, lead]) {
    const m = /(?:\s+(?:đã|vừa|sẽ|cũng))*\s+tổ\s+chức(?![\p{L}\p{M}])/iu.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index);
    const subject = squeeze((before.split(",").pop() ?? "").replace(/\([^()]*\)/g, " ")).split(/\s+thuộc\s+/u)[0] ?? "";
    if (BODY_HEAD.test(subject) && wordCount(subject) <= 20) {
      const phrase = squeeze(`${(before.split(",").pop() ?? "").trim()}${m[0]}`);
      return { agency: subject, phrase };
    }
  }
  return {};
}

/** Reads one press release. Never throws on odd text: whatever is not found is reported as missing. */
export function importPressRelease(raw: string, options: ImportOptions): ImportDraft {
  const portal = stripChrome(normalisePortalText(raw));
  const lines = [...portal.lines];
  const header: Note[] = [note("info", "import.note.header", { source: options.sourceName })];
  if (portal.chrome.length > 0) {
    const examples = [...new Set(portal.chrome.map((c) => (c.length > 24 ? `${c.slice(0, 23)}…` : c)))].slice(0, 3).join(", ");
    header.push(note("info", "import.note.chromeRemoved", { count: portal.chrome.length, examples }));
  }

  // Portal date line: the first among the lines before the text proper, or a "Cập nhật" line anywhere.
  const portalDate: PortalDate | undefined = findPortalDate(lines);
  if (portalDate) lines.splice(portalDate.line, 1);

  let paragraphs = lines.filter((l) => l !== "");
  while (paragraphs.length > 1 && isLabel(paragraphs[0] ?? "") && wordCount(paragraphs[0] ?? "") <= 5) paragraphs.shift();

  const notes: Partial<Record<DraftField, Note[]>> = {};
  const addNote = (field: DraftField, n: Note): void => {
    (notes[field] ??= []).push(n);
  };

  // Title.
  let title: string | undefined;
  const first = paragraphs[0];
  if (first !== undefined && paragraphs.length > 1 && isHeadline(first)) {
    title = first.replace(/(?<![.])\.$/u, "").trim();
    paragraphs = paragraphs.slice(1);
  }
  const byline = splitByline(paragraphs);
  paragraphs = byline.rest;
  const grouped = blocks(paragraphs);
  const textBlocks = grouped.filter((b) => !b.caption).map((b) => b.text);
  const captions = grouped.filter((b) => b.caption).map((b) => b.text);
  const lead = textBlocks[0] ?? "";
  if (!title && portal.qrTitle) {
    title = portal.qrTitle;
    addNote("title", note("confirm", "import.note.titleFromQr"));
  }
  if (!title) {
    const fromLead = titleFromLead(lead);
    if (fromLead) {
      title = fromLead;
      addNote("title", note("confirm", "import.note.titleFromLead"));
    }
  }
  if (!title) addNote("title", note("fill", "import.note.titleMissing"));

  // Years.
  const years = findYears(title ?? "", lead);
  for (const n of years.notes) addNote(n.key === "import.note.yearsFrom" ? "reviewYear" : n.key === "import.note.planYearInferred" ? "planYear" : "reviewYear", n);

  // Dates.
  const leadDate: LeadDate | undefined = findLeadDate(textBlocks.slice(0, 2).join("\n"));
  let date: string | undefined;
  let conferenceDay: string | undefined;
  if (leadDate) {
    const year = leadDate.year ?? inferLeadYear(leadDate, portalDate, years.reviewYear, years.planYear);
    if (year !== undefined) conferenceDay = isoOf({ year, month: leadDate.month, day: leadDate.day });
    if (leadDate.year === undefined && year !== undefined) {
      addNote("date", note("confirm", portalDate ? "import.note.yearFromPublished" : "import.note.yearFromYears", { raw: leadDate.raw, year }));
    }
  }
  if (portalDate) {
    date = isoOf(portalDate);
    const key = portalDate.source === "print" ? "import.note.datePrint" : portalDate.source === "updated" ? "import.note.dateUpdated" : "import.note.datePortal";
    addNote("date", note(portalDate.source === "portal" ? "info" : "confirm", key, { raw: portalDate.raw }));
    if (portalDate.weekdayMismatch) addNote("date", note("confirm", "import.note.dateWeekday", { raw: portalDate.raw }));
    if (leadDate && conferenceDay) addNote("date", note("info", "import.note.conferenceDate", { raw: leadDate.raw, day: conferenceDay }));
  } else if (conferenceDay && leadDate) {
    date = conferenceDay;
    addNote("date", note("confirm", "import.note.dateFromLead", { raw: leadDate.raw }));
  } else {
    addNote("date", note("fill", "import.note.dateMissing"));
  }

  // Province: the whole kept text plus the chrome (portals name themselves in QR and fan-page labels).
  const scanText = [...(title ? [title] : []), ...paragraphs, ...portal.chrome].join("\n").slice(0, MAX_SCAN);
  const guess = findProvince(scanText, date);
  let province: string | undefined;
  if (guess) {
    province = guess.id;
    const unit = getProvince(guess.id);
    const named = guess.movedFrom ? getProvince(guess.movedFrom) : unit;
    if (guess.evidence === "tag") {
      addNote("province", note("confirm", "import.note.provinceTag", { tag: guess.tag ?? "", name: named?.name ?? guess.id }));
    } else if (guess.evidence === "bare") addNote("province", note("confirm", "import.note.provinceBare", { name: named?.name ?? guess.id }));
    if (guess.ambiguous) {
      const others = findProvinceOthers(scanText, guess.movedFrom ?? guess.id);
      if (others) addNote("province", note("confirm", "import.note.provinceAmbiguous", { other: others }));
    }
    if (guess.movedFrom && named && unit) {
      if (named.successor === unit.id || named.successorSince) addNote("province", note("confirm", "import.note.provinceMoved", { from: named.name, to: unit.name, since: named.successorSince ?? "" }));
      else addNote("province", note("confirm", "import.note.provinceBeforeRename", { from: named.name, to: unit.name }));
    }
    if (options.defaultProvince && options.defaultProvince !== guess.id && options.defaultProvince !== guess.movedFrom) {
      addNote("province", note("confirm", "import.note.provinceDiffersFromOption", { id: options.defaultProvince, found: guess.id }));
    }
  } else if (options.defaultProvince) {
    province = inForceOn(options.defaultProvince, date).id;
    addNote("province", note("info", "import.note.provinceFromOption", { id: options.defaultProvince }));
  } else addNote("province", note("fill", "import.note.provinceMissing"));

  // Agency.
  const agency = findAgency(title ?? "", lead);
  if (agency.agency && agency.phrase) addNote("agency", note("confirm", "import.note.agency", { phrase: agency.phrase }));
  else addNote("agency", note("info", "import.note.agencyMissing"));

  // People and awards: officials from text and captions (a caption may be the only place a person is named); awards from the text only (captions repeat them).
  // A real paragraph is a few thousand characters; longer "paragraphs" are not prose and are not searched for people or awards.
  const prose = (texts: readonly string[]): string[] => texts.filter((p) => p.length <= MAX_PARAGRAPH);
  const officials = extractOfficials(prose([...(title ? [title] : []), ...grouped.map((b) => b.text)])).map(toDraftOfficial);
  if (officials.length > 0) addNote("officials", note("confirm", "import.note.officials", { count: officials.length }));
  const awards = extractAwards(prose(textBlocks)).map(toDraftAward);
  if (awards.length > 0) addNote("awards", note("confirm", "import.note.awards", { count: awards.length }));
  if (byline.author && byline.raw) addNote("author", note("info", "import.note.author", { raw: byline.raw }));
  if (captions.length > 0) header.push(note("info", "import.note.captions", { count: captions.length }));
  addNote("draft", note("info", "import.note.draft"));

  const body = grouped.map((b) => (b.caption ? `*${escapeMarkdown(b.text)}*` : escapeMarkdown(b.text))).join("\n\n");
  const missing: RequiredField[] = [];
  if (!title) missing.push("title");
  if (!date) missing.push("date");
  if (!province) missing.push("province");
  const allNotes = [...Object.values(notes).flat(), ...officials.flatMap((o) => (o.note ? [o.note] : [])), ...awards.flatMap((a) => (a.note ? [a.note] : []))];
  return {
    sourceName: options.sourceName,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(province ? { province } : {}),
    ...(agency.agency ? { agency: agency.agency } : {}),
    ...(years.reviewYear !== undefined ? { reviewYear: years.reviewYear } : {}),
    ...(years.planYear !== undefined ? { planYear: years.planYear } : {}),
    officials,
    awards,
    ...(byline.author ? { author: byline.author } : {}),
    body,
    notes,
    header,
    missing,
    toConfirm: allNotes.filter((n) => n.level === "confirm").length,
    chrome: portal.chrome,
    captions,
    ...(conferenceDay ? { conferenceDay } : {}),
  };
}

/** The name of the strongest other unit in the text, for the "also names" note. */
function findProvinceOthers(text: string, chosen: string): string | undefined {
  const masked = text.split(getProvince(chosen)?.name ?? "\u0000").join(" ");
  const other = findProvince(masked, undefined);
  return other ? getProvince(other.id)?.name : undefined;
}

function toDraftOfficial(o: FoundOfficial): DraftOfficial {
  const base = { name: o.name, ...(o.role ? { role: o.role } : {}), ...(o.honorific ? { honorific: o.honorific } : {}) };
  if (o.shape === "role-first") return { ...base, note: note("confirm", "import.note.officialRoleFirst", { phrase: o.phrase }) };
  if (!o.role) return { ...base, note: note("confirm", "import.note.officialNoRole", { phrase: o.phrase }) };
  return base;
}

function toDraftAward(a: FoundAward): DraftAward {
  const base = { title: a.title, ...(a.recipient ? { recipient: a.recipient } : {}), ...(a.count !== undefined ? { count: a.count } : {}), ...(a.conferredBy ? { conferredBy: a.conferredBy } : {}) };
  const trimmed = a.phrase.replace(/[\s.,;:]+$/u, "");
  const phrase = trimmed.length > 100 ? `${trimmed.slice(0, 99)}…` : trimmed;
  return a.conferredByInferred && a.conferredBy ? { ...base, note: note("confirm", "import.note.awardConferredInferred", { by: a.conferredBy, phrase }) } : base;
}
