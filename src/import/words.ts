/**
 * Word-level helpers for reading Vietnamese press-release text: a tokenizer
 * that keeps source offsets (so extracted phrases are sliced from the text
 * exactly as written), and the small vocabularies the extractors share —
 * official titles, surnames, the lowercase words that occur inside names of
 * bodies ("Phó Bí thư thường trực Đảng ủy Khối các cơ quan thành phố").
 *
 * Pure data and functions; every regular expression here is linear (no
 * nested quantifiers), because the text comes from outside.
 */

/** One word or punctuation mark, with its offsets in the source string. */
export interface Token {
  readonly text: string;
  /** Lowercase form, for vocabulary lookups. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

// A word: letters/digits, with inner & . - / ' (TT&TT, TT-TT, T.H, đ/c), never ending in . - / '.
const TOKEN = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}&]|[.\-/'’](?=[\p{L}\p{M}\p{N}]))*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits a line into words and punctuation marks (spaces dropped). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index;
    tokens.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length, isWord: /^[\p{L}\p{M}\p{N}]/u.test(word) });
  }
  return tokens;
}

/** "Nguyễn", "Thủy": one capital then lowercase letters — the shape of a word in a person's name. */
export function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(word);
}

/** "UBND", "TT&TT", "CNTT&TT", "TT-TT", "HĐND": two or more capitals, possibly with & - . digits. */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}\p{N}&.\-]+$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** Starts with a capital letter ("Sở", "Trung", "UBND"). */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Capitalises the first letter: "giấy khen" → "Giấy khen". */
export function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** Titles that open an official's role, lowercase, as word lists (longest first when matched). */
const TITLES: readonly string[] = [
  "phó tổng giám đốc", "tổng giám đốc", "phó giám đốc", "giám đốc", "phó gđ", "pgđ", "gđ",
  "phó chủ tịch", "chủ tịch", "phó bí thư", "bí thư", "phó chủ nhiệm", "chủ nhiệm",
  "phó trưởng phòng", "trưởng phòng", "phó trưởng ban", "trưởng ban", "phó trưởng đài", "trưởng đài",
  "trưởng đoàn", "trưởng khoa", "phó chánh văn phòng", "chánh văn phòng", "phó chánh thanh tra", "chánh thanh tra",
  "bộ trưởng", "thứ trưởng", "phó cục trưởng", "cục trưởng", "phó vụ trưởng", "vụ trưởng", "phó chi cục trưởng", "chi cục trưởng",
  "phó tổng biên tập", "tổng biên tập", "phó hiệu trưởng", "hiệu trưởng", "phó viện trưởng", "viện trưởng",
  "tỉnh ủy viên", "tỉnh uỷ viên", "thành ủy viên", "thành uỷ viên", "ủy viên", "uỷ viên", "đại biểu quốc hội", "kế toán trưởng",
];
const TITLE_WORDS: readonly (readonly string[])[] = TITLES.map((t) => t.split(" ")).sort((a, b) => b.length - a.length);

/** Number of tokens a title occupies at `i` (0 when none starts there). */
export function titleAt(tokens: readonly Token[], i: number): number {
  for (const words of TITLE_WORDS) {
    if (words.every((w, k) => tokens[i + k]?.lower === w)) return words.length;
  }
  return 0;
}

/** Lowercase words that occur inside names of bodies and roles; any other lowercase word ends the phrase. */
export const BODY_WORDS: ReadonlySet<string> = new Set(
  (
    "tỉnh thành phố huyện quận thị xã phường trấn thường trực vụ các cơ quan khối sở ban ngành phòng trung tâm chi bộ " +
    "đảng ủy uỷ nhân dân hội đồng thông tin truyền hình văn hóa hoá phát thanh đài công nghệ chuyên môn kế hoạch tài chính " +
    "nội khoa học kỹ kĩ thuật bưu điện viễn tổng hợp hành cấp chấp kiêm đoàn niên phụ nữ liên lao động mặt trận tổ quốc " +
    "an ninh quân sự tư pháp y tế giáo dục đào tạo thể thao du lịch kinh doanh số tử ngoại vận tải xây dựng nông nghiệp " +
    "môi trường nguyên lý thanh tra văn phòng dịch báo chí xuất bản giám đốc chủ tịch bí thư trưởng phó viên"
  ).split(" "),
);

/** Two-word verbs that end a role even though their first word may occur in names of bodies ("phát biểu", "tổ chức"). */
const VERB_PAIRS: ReadonlySet<string> = new Set([
  "phát biểu", "chủ trì", "tổng kết", "công bố", "kết luận", "chỉ đạo", "đánh giá", "cho biết", "trao tặng", "khai mạc", "bế mạc",
  "nhấn mạnh", "khẳng định", "ghi nhận", "biểu dương", "thông báo", "báo cáo", "trình bày", "tham dự", "tham mưu", "phát động",
  "công nhận", "thay mặt", "tổ chức", "thông qua", "phát huy", "triển khai", "chúc mừng", "đề nghị", "yêu cầu", "lưu ý",
]);

/** Whether the tokens at `i` start a verb that ends a role ("phát biểu"). */
export function verbPairAt(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  const b = tokens[i + 1];
  return a !== undefined && b !== undefined && VERB_PAIRS.has(`${a.lower} ${b.lower}`);
}

/** Lowercase words that begin a compound and so never end a role or a body's name ("các", "và", "tổng"). */
export const NON_FINAL_WORDS: ReadonlySet<string> = new Set(
  "các và của tổ phát chủ tổng công kinh xây nông môi văn báo xuất mặt lao liên truyền bưu viễn kỹ kĩ khoa kế tài nội hành an quân tư y giáo đào thể du dịch chuyên trung thị nhân cơ thường chi đảng".split(" "),
);

/** Nouns that name who receives an award when counted ("11 cá nhân", "2 tập thể"). */
export const RECIPIENT_NOUNS: readonly string[] = [
  "cá nhân", "tập thể", "đơn vị", "cán bộ", "công chức", "viên chức", "đồng chí", "người", "doanh nghiệp", "hộ gia đình", "hộ",
  "đảng viên", "cơ quan", "chi bộ", "tổ chức", "phòng", "xã", "trường", "tác giả", "tác phẩm", "phóng viên", "nhà báo", "cộng tác viên",
];

/** Surnames that practically never start a place name: safe to read as a person after "tỉnh"/"huyện". */
const STRONG_SURNAMES = new Set(
  (
    "Nguyễn Trần Phạm Phan Đặng Bùi Đỗ Ngô Dương Lý Lương Trịnh Đinh Trương Võ Huỳnh Đoàn Tạ Lưu Tô Vương Kiều Tăng Lại " +
    "Phùng Từ Triệu Khổng Nông Hứa Lục Mạc Quách Thân Doãn Giáp Khúc Âu Diệp Đàm Lò Lầu Giàng Sùng Hầu Ksor Siu Kpă Rơ Rah Nay"
  ).split(" "),
);
/** Surnames that also begin place names (Vũ Quang, Hà Tĩnh, Lê Chân, Mai Sơn, Cao Bằng…). */
const PLACE_PRONE_SURNAMES = new Set("Vũ Hà Lê Lâm Mai Cao Hoàng Thái La Kim Bạch Hồ Châu Đào Chu Văn Hồng Quang Y".split(" "));

/** Whether `word` is a Vietnamese surname we recognise. */
export function isSurname(word: string): boolean {
  return STRONG_SURNAMES.has(word) || PLACE_PRONE_SURNAMES.has(word);
}

/** Whether `word` is a surname that rarely starts a place name. */
export function isStrongSurname(word: string): boolean {
  return STRONG_SURNAMES.has(word);
}

/** Words that mark the next capitalised words as a place ("huyện Vũ Quang"). */
export const PLACE_NOUNS: ReadonlySet<string> = new Set(["tỉnh", "huyện", "quận", "xã", "phường", "thị", "trấn", "phố", "thôn", "làng", "xóm"]);

/** Honorifics before a name, lowercase token sequences, mapped to the schema's values. */
export const HONORIFIC_FORMS: readonly { readonly words: readonly string[]; readonly value: "Ông" | "Bà" | "Đồng chí"; readonly plural: boolean }[] = [
  { words: ["các", "đồng", "chí"], value: "Đồng chí", plural: true },
  { words: ["các", "đ/c"], value: "Đồng chí", plural: true },
  { words: ["đồng", "chí"], value: "Đồng chí", plural: false },
  { words: ["đ/c"], value: "Đồng chí", plural: false },
  { words: ["ông"], value: "Ông", plural: false },
  { words: ["bà"], value: "Bà", plural: false },
];

/** The honorific starting at `i`, if any. */
export function honorificAt(tokens: readonly Token[], i: number): { value: "Ông" | "Bà" | "Đồng chí"; length: number; plural: boolean } | undefined {
  for (const form of HONORIFIC_FORMS) {
    if (form.words.every((w, k) => tokens[i + k]?.lower === w)) return { value: form.value, length: form.words.length, plural: form.plural };
  }
  return undefined;
}

/** Collapses runs of spaces and trims: for phrases sliced from the source. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Whether a word may continue the name of a body or a role: capitalised, an acronym, or a known lowercase word. */
function isBodyWord(token: Token): boolean {
  return token.isWord && (isCapitalised(token.text) || BODY_WORDS.has(token.lower));
}

/**
 * How far the name of a body or a role runs from `from` (exclusive end
 * index): capitalised words, acronyms and the lowercase words of
 * {@link BODY_WORDS}; "và" only when a capitalised word follows ("Sở Thông
 * tin và Truyền thông", not "… và bà Trần Thị B"); ", " only when another
 * title follows ("Bí thư Chi bộ, Giám đốc Sở"). `stopBefore(i)` lets the
 * caller end it earlier (at a person's name). Trailing words that only begin
 * a compound ("các", "tổng") are dropped.
 */
export function bodyPhraseEnd(tokens: readonly Token[], from: number, options: { commaTitles?: boolean; stopBefore?: (i: number) => boolean } = {}): number {
  let i = from;
  let end = from;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (i > from && options.stopBefore?.(i)) break;
    if (token.text === "," && options.commaTitles && titleAt(tokens, i + 1) > 0) {
      i += 1;
      continue;
    }
    if (!token.isWord) break;
    if (i > from && (honorificAt(tokens, i) || verbPairAt(tokens, i))) break;
    if (token.lower === "và") {
      const next = tokens[i + 1];
      if (!next || !next.isWord || !isCapitalised(next.text) || honorificAt(tokens, i + 1)) break;
      i += 1;
      continue;
    }
    if (!isBodyWord(token)) break;
    i += 1;
    end = i;
  }
  while (end > from) {
    const last = tokens[end - 1];
    if (last && last.isWord && !isCapitalised(last.text) && NON_FINAL_WORDS.has(last.lower)) end -= 1;
    else break;
  }
  return end;
}
