/**
 * Awards handed out at the conference, from sentences such as
 * "… đã trao tặng danh hiệu Tập thể Lao động tiên tiến năm 2016, Giấy khen
 * của Giám đốc Sở TT&TT cho Trung tâm CNTT&TT và danh hiệu Chiến sĩ thi đua
 * cơ sở cho 01 cá nhân, Lao động tiên tiến cho 11 cá nhân …" or
 * "Sở TT-TT tặng giấy khen cho 3 tập thể và 12 cá nhân".
 *
 * A clause with a giving verb (trao tặng, tặng, trao, khen thưởng) is read
 * as a run of "<awards> cho <recipients>" groups. An item counts as an award
 * only if it starts with a known kind (giấy khen, bằng khen, cờ thi đua,
 * danh hiệu …), so "tặng quà cho hộ nghèo" is not one. Who conferred it is
 * the item's own "của …", else the "thay mặt …" of the sentence, else the
 * body that is the sentence's subject ("Bộ TT-TT đã tặng"); the last two are
 * marked as inferred for the editor.
 */
import { bodyPhraseEnd, capitaliseFirst, honorificAt, isNameWord, RECIPIENT_NOUNS, squeeze, titleAt, tokenize } from "./words.ts";

export interface FoundAward {
  readonly title: string;
  readonly recipient?: string;
  readonly count?: number;
  readonly conferredBy?: string;
  /** conferredBy came from the sentence ("thay mặt …", its subject), not from the award's own words. */
  readonly conferredByInferred: boolean;
  /** The words it was read from. */
  readonly phrase: string;
}

const KINDS = [
  "danh hiệu", "giấy khen", "bằng khen", "cờ thi đua", "cờ", "kỷ niệm chương", "kỉ niệm chương", "huân chương", "huy chương",
  "chiến sĩ thi đua", "chiến sỹ thi đua", "lao động tiên tiến", "lao động xuất sắc", "tập thể lao động", "giải thưởng", "giải", "thư khen", "cúp",
];
const KIND_ALTERNATION = KINDS.map((k) => k.replace(/ /g, "\\s+")).join("|");
const STARTS_WITH_KIND = new RegExp(`^(?:${KIND_ALTERNATION})(?![\\p{L}\\p{M}])`, "iu");
const VERB = /(?<![\p{L}\p{M}])(?:trao\s+tặng|tặng\s+thưởng|khen\s+thưởng|trao|tặng)(?![\p{L}\p{M}])/iu;
const CHO = /(?<![\p{L}\p{M}])cho\s+/giu;
/** Where the next group of awards starts after a recipient: ", " or " và " before an award kind. */
const NEXT_GROUP = new RegExp(`(?:\\s*,\\s*|\\s+và\\s+)(?=(?:${KIND_ALTERNATION})(?![\\p{L}\\p{M}]))`, "iu");
const NOUN_ALTERNATION = RECIPIENT_NOUNS.map((n) => n.replace(/ /g, "\\s+")).join("|");
const COUNTED = new RegExp(`^(\\d{1,5})\\s+(${NOUN_ALTERNATION})(?![\\p{L}\\p{M}])`, "iu");
const COUNTED_MORE = new RegExp(`^\\s*(?:,|và)\\s*(\\d{1,5})\\s+(${NOUN_ALTERNATION})(?![\\p{L}\\p{M}])`, "iu");
const UNCOUNTED = new RegExp(`^(?:các\\s+|những\\s+)?(${NOUN_ALTERNATION})(?![\\p{L}\\p{M}])`, "iu");
const ON_BEHALF = /thay\s+mặt\s+([^,;]{2,80}?)\s*,/iu;
const BODY_HEAD = /^(?:Bộ|Sở|UBND|Ủy ban|Uỷ ban|Ban|Trung tâm|Cục|Chi cục|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Hội đồng|Đảng ủy|Đảng uỷ|Công đoàn|Liên đoàn|Đài|Báo|Chính phủ|Thủ tướng|Chủ tịch nước|Văn phòng)(?![\p{L}\p{M}])/u;

interface Recipient {
  readonly recipient?: string;
  readonly count?: number;
}

/** Reads the recipients at the start of `text`; returns them and how many characters they (and their qualifiers) take. */
function readRecipients(text: string): { recipients: Recipient[]; length: number } {
  const recipients: Recipient[] = [];
  let used = 0;
  const counted = COUNTED.exec(text);
  if (counted) {
    recipients.push({ count: Number(counted[1]), recipient: squeeze(counted[2] ?? "").toLowerCase() });
    used = counted[0].length;
    for (let more = COUNTED_MORE.exec(text.slice(used)); more; more = COUNTED_MORE.exec(text.slice(used))) {
      recipients.push({ count: Number(more[1]), recipient: squeeze(more[2] ?? "").toLowerCase() });
      used += more[0].length;
    }
  } else {
    const tokens = tokenize(text);
    const honorific = honorificAt(tokens, 0);
    if (honorific) {
      let n = 0;
      while (n < 5 && tokens[honorific.length + n] && isNameWord(tokens[honorific.length + n]?.text ?? "") && titleAt(tokens, honorific.length + n) === 0) n += 1;
      const last = tokens[honorific.length + n - 1];
      const first = tokens[honorific.length];
      if (n >= 2 && first && last) {
        recipients.push({ recipient: text.slice(first.start, last.end) });
        used = last.end;
      }
    } else {
      const uncounted = UNCOUNTED.exec(text);
      if (uncounted) {
        recipients.push({ recipient: squeeze(uncounted[1] ?? "").toLowerCase() });
        used = uncounted[0].length;
      } else {
        const end = bodyPhraseEnd(tokens, 0);
        const last = tokens[end - 1];
        if (end > 0 && last && /^\p{Lu}/u.test(text)) {
          recipients.push({ recipient: text.slice(0, last.end) });
          used = last.end;
        }
      }
    }
  }
  // Qualifiers ("có thành tích xuất sắc trong năm 2015") run to the next group or the clause's end.
  const next = NEXT_GROUP.exec(text.slice(used));
  return { recipients, length: next ? used + next.index : text.length };
}

/** One award item: "Giấy khen của Giám đốc Sở TT&TT" → title and conferrer; undefined when it is not an award. */
function readItem(item: string): { title: string; conferredBy?: string } | undefined {
  let text = squeeze(item.replace(/[“”"«»]/g, "")).replace(/^(?:và|cùng)\s+/iu, "").replace(/[.;:]+$/, "");
  if (!STARTS_WITH_KIND.test(text)) return undefined;
  text = text.replace(/^danh\s+hiệu\s+/iu, "");
  const of = /\s+của\s+(.+)$/iu.exec(text);
  const title = capitaliseFirst(squeeze(of ? text.slice(0, of.index) : text));
  if (title.length === 0 || title.split(" ").length > 14) return undefined;
  return { title, ...(of?.[1] ? { conferredBy: squeeze(of[1]) } : {}) };
}

/** Splits an award list at commas and at "và" before another award: "A, B và C". */
function splitItems(text: string): string[] {
  return text.split(new RegExp(`\\s*,\\s*|\\s+và\\s+(?=(?:${KIND_ALTERNATION})(?![\\p{L}\\p{M}]))`, "iu")).filter((s) => s.trim() !== "");
}

/** The body a clause's subject names ("Dịp này, Bộ TT-TT đã" → "Bộ TT-TT"), if it is a body rather than a person. */
function subjectBody(beforeVerb: string): string | undefined {
  const last = beforeVerb.split(",").pop() ?? "";
  const subject = squeeze(last.replace(/(?:\s+(?:đã|vừa|cũng|đã được|sẽ|được))+\s*$/iu, ""));
  if (!BODY_HEAD.test(subject) || subject.split(" ").length > 10) return undefined;
  return subject;
}

/** Awards in one sentence. */
function awardsInSentence(sentence: string): FoundAward[] {
  const out: FoundAward[] = [];
  const onBehalf = ON_BEHALF.exec(sentence)?.[1];
  let subject: string | undefined;
  for (const clause of sentence.split(";")) {
    const verb = VERB.exec(clause);
    if (!verb) continue;
    subject = subjectBody(clause.slice(0, verb.index)) ?? subject;
    const context = onBehalf ? squeeze(onBehalf) : subject;
    const region = clause.slice(verb.index + verb[0].length);
    let pos = 0;
    for (;;) {
      CHO.lastIndex = pos;
      const cho = CHO.exec(region);
      if (!cho) break;
      const items = splitItems(region.slice(pos, cho.index)).map(readItem);
      const after = cho.index + cho[0].length;
      const { recipients, length } = readRecipients(region.slice(after));
      const phrase = squeeze(region.slice(pos, after + length));
      for (const item of items) {
        if (!item) continue;
        const conferredBy = item.conferredBy ?? context;
        for (const r of recipients.length > 0 ? recipients : [{}]) {
          out.push({
            title: item.title,
            ...(r.recipient ? { recipient: r.recipient } : {}),
            ...(r.count !== undefined ? { count: r.count } : {}),
            ...(conferredBy ? { conferredBy } : {}),
            conferredByInferred: item.conferredBy === undefined && conferredBy !== undefined,
            phrase,
          });
        }
      }
      pos = after + length;
      const sep = /^(?:\s*,\s*|\s+và\s+)/u.exec(region.slice(pos));
      if (sep) pos += sep[0].length;
      if (pos >= region.length) break;
    }
  }
  return out;
}

/** Splits a paragraph into sentences at ". ", "! ", "? " before a capital letter. */
export function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…])\s+(?=[\p{Lu}"“(])/u);
}

/** Every award in the paragraphs (captions excluded by the caller), each once. */
export function extractAwards(paragraphs: readonly string[]): FoundAward[] {
  const seen = new Set<string>();
  const out: FoundAward[] = [];
  for (const paragraph of paragraphs) {
    for (const sentence of sentences(paragraph)) {
      for (const award of awardsInSentence(sentence)) {
        const key = [award.title.toLowerCase(), award.recipient?.toLowerCase(), award.count, award.conferredBy?.toLowerCase()].join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(award);
      }
    }
  }
  return out;
}
