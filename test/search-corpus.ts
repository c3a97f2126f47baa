/**
 * A synthetic corpus for the search index at scale, straight into the index
 * writer (src/search/search-index.ts): N press-release-like records with the
 * fields the index reads (title, unit, agency, officials, awards, tags,
 * ~800 words of body), folded by the real code (fold.ts, search-document.ts)
 * but never written as Markdown nor parsed, so 10,000 of them take seconds,
 * not the minutes a site build would. Deterministic for a seed.
 *
 * The vocabulary is this file's own (tests never read content/): common
 * syllables for place and project names, so the index has a realistic
 * number of distinct words and pairs; "năm" is on every record, as in real
 * press releases; and {@link RARE_OFFICIAL} is on exactly one record.
 */
import type { Official } from "../src/content/article.ts";
import { PROVINCES } from "../src/provinces.ts";
import { FoldedWordBag } from "../src/search/fold.ts";
import { searchDocument, searchFields } from "../src/search/search-document.ts";
import type { IndexedArticle } from "../src/search/search-index.ts";
import { prng } from "../scripts/generate-articles.ts";

/** An official named on exactly one record (a known-item query for a rare name). */
export const RARE_OFFICIAL = "Hoàng Thị Xuyến";

const AGENCIES = ["Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Giao thông vận tải", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Văn phòng Ủy ban nhân dân tỉnh", "Thanh tra tỉnh"];
const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Đinh"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Công", "Xuân"];
const GIVEN = ["Dũng", "Thủy", "Hùng", "Lan", "Nam", "Hương", "Tuấn", "Hà", "Sơn", "Linh", "Phong", "Trang", "Hải", "Long", "Đạt", "Hằng", "Khánh", "Thắng"];
const ROLES = ["Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Văn phòng", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Trưởng phòng"];
const AWARDS = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động xuất sắc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Cờ thi đua"];
const TAGS = ["tổng kết", "chuyển đổi số", "cải cách hành chính", "dịch vụ công trực tuyến", "đầu tư công", "nông thôn mới", "giáo dục", "y tế", "hạ tầng số"];
const SUBJECTS = ["Hội nghị", "Ban Giám đốc", "Lãnh đạo Sở", "Các phòng chuyên môn", "Đơn vị", "Ngành", "Công đoàn cơ sở", "Ủy ban nhân dân tỉnh", "Các địa phương", "Người dân và doanh nghiệp"];
const VERBS = ["đã hoàn thành", "tiếp tục đẩy mạnh", "triển khai hiệu quả", "tập trung chỉ đạo", "thống nhất đánh giá", "chú trọng nâng cao", "phối hợp thực hiện", "tổ chức kiểm tra", "rà soát và hoàn thiện", "quyết tâm thực hiện"];
const OBJECTS = ["công tác cải cách hành chính", "chuyển đổi số trong cơ quan nhà nước", "dịch vụ công trực tuyến toàn trình", "kế hoạch đầu tư công trung hạn", "nâng cấp đường giao thông nông thôn", "xây dựng chính quyền điện tử", "công tác thi đua khen thưởng", "an toàn thông tin mạng", "hạ tầng viễn thông và bưu chính", "phong trào xây dựng nông thôn mới", "giải ngân vốn đầu tư công", "chất lượng khám chữa bệnh", "đào tạo bồi dưỡng cán bộ"];
const TAILS = ["theo đúng kế hoạch đề ra", "vượt chỉ tiêu được giao", "đáp ứng yêu cầu nhiệm vụ", "góp phần phát triển kinh tế xã hội", "bảo đảm tiến độ và chất lượng", "tạo chuyển biến rõ nét"];
const SYLLABLES = "an bình hòa phú thạnh long tân mỹ thuận phước lộc thọ hưng quang minh đông tây nam bắc trung sơn hải giang hà lâm thành đức tiến phong xuân thu hạ yên định hiệp nghĩa trường vĩnh khánh điền châu kim ngọc bảo gia lương thịnh phát đạt cát lợi tường vân hồng lạc thái hiền hậu ninh quý tài nhơn cường thắng lập chánh tịnh khương linh hiếu trí dũng kiên".split(" ");

/** Synthetic records ready for {@link SearchIndexWriter}, with the vocabulary their word ids refer to. */
export function syntheticSearchCorpus(count: number, seed = 1): { vocabulary: readonly string[]; articles: IndexedArticle[] } {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
  const person = (): string => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const sentence = (year: number): string => {
    const parts = [pick(SUBJECTS), pick(VERBS), pick(OBJECTS)];
    if (rand() < 0.5) parts.push(`năm ${year - (rand() < 0.5 ? 1 : 0)}`);
    parts.push(pick(TAILS));
    if (rand() < 0.4) parts.push(`tại ${rand() < 0.5 ? "xã" : "phường"} ${pick(SYLLABLES)} ${pick(SYLLABLES)}`);
    if (rand() < 0.3) parts.push(`thuộc dự án ${pick(SYLLABLES)} ${pick(SYLLABLES)} ${pick(SYLLABLES)}`);
    if (rand() < 0.25) parts.push(`(${int(10, 99)}.${String(int(0, 999)).padStart(3, "0")} hồ sơ)`);
    return `${parts.join(" ")}.`;
  };
  const provinces = PROVINCES.filter((p) => p.current);
  const bag = new FoldedWordBag({ pairs: true });
  // A pool of body sentences folded once: a sentence ends a clause, so no pair spans two and an
  // article's body words are the sum of its sentences' (summed below) — the same words and
  // frequencies bag.weighted would find in the joined text, for a tenth of the time.
  const years = Array.from({ length: 20 }, (_, k) => 2006 + k);
  const pool = years.map((year) => Array.from({ length: 1500 }, () => {
    const text = sentence(year);
    return { text, words: bag.weighted([{ text, weight: 1 }]) };
  }));
  const articles: IndexedArticle[] = [];
  // Which record last added each word id, and where: merging without a Map per record.
  let seen = new Int32Array(0);
  let slot = new Int32Array(0);
  for (let i = 0; i < count; i++) {
    const year = int(2006, 2025);
    const day = `${year}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
    const province = pick(provinces);
    const agency = pick(AGENCIES);
    const officials: Official[] = Array.from({ length: int(1, 3) }, (_, k) => ({ name: i === Math.floor(count / 3) && k === 0 ? RARE_OFFICIAL : person(), role: pick(ROLES) }));
    const sentences = pool[year - 2006]!;
    const body = Array.from({ length: int(30, 36) }, () => pick(sentences));
    const paragraphs = [`Ngày ${day.slice(8)}/${day.slice(5, 7)}/${year}, ${agency} tổ chức hội nghị tổng kết công tác năm ${year - 1}.`];
    for (let k = 0; k < body.length; k += 4) paragraphs.push(body.slice(k, k + 4).map((s) => s.text).join(" "));
    const record = {
      url: `/${province.id}/${year}/bai-${i}/`,
      title: `${agency} tổng kết công tác năm ${year - 1}, triển khai nhiệm vụ năm ${year} (${i})`,
      date: { iso: `${day}T08:00:00+07:00`, timestamp: Date.parse(`${day}T08:00:00+07:00`), year, day, hasTime: true },
      province,
      summary: rand() < 0.5 ? `${agency} tổng kết năm ${year - 1}: ${pick(sentences).text}` : "",
      bodyText: paragraphs.join("\n\n"),
      tags: [...new Set(Array.from({ length: int(1, 3) }, () => pick(TAGS)))],
      agency,
      author: person(),
      officials,
      awards: Array.from({ length: int(0, 2) }, () => ({ title: pick(AWARDS), recipient: "tập thể", count: int(1, 40) })),
    };
    // Every field but the body sentences through the real folding, then the sentences' words added.
    const fields = searchFields({ ...record, bodyText: paragraphs[0]! });
    const head = bag.weighted(fields);
    if (seen.length < bag.wordCount) [seen, slot] = [new Int32Array(bag.wordCount * 2).fill(-1), new Int32Array(bag.wordCount * 2)];
    const ids: number[] = [];
    const tf: number[] = [];
    const add = (id: number, f: number): void => {
      if (seen[id] === i) {
        tf[slot[id]!]! += f;
      } else {
        seen[id] = i;
        slot[id] = ids.length;
        ids.push(id);
        tf.push(f);
      }
    };
    head.ids.forEach((id, k) => add(id, head.tf[k]!));
    let length = head.length;
    for (const s of body) {
      length += s.words.length;
      for (let k = 0; k < s.words.ids.length; k++) add(s.words.ids[k]!, s.words.tf[k]!);
    }
    const words = { ids: Int32Array.from(ids), tf: Uint16Array.from(tf, (f) => Math.min(65_535, f)), length };
    articles.push({ words, document: searchDocument(record), timestamp: record.date.timestamp, year, units: [province.name] });
  }
  return { vocabulary: bag.vocabulary, articles };
}
