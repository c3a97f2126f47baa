/**
 * Writes N synthetic ~800-word press releases into <root>/content, for the
 * benchmark and scale tests: a held-out corpus (its text comes from the
 * vocabulary below, never from content/ or the test fixtures) that uses
 * every front-matter field, every provincial unit (the 63, Thừa Thiên Huế and
 * the 34 since 2025, each only on dates when it existed) and twenty years.
 * Deterministic: the same count and seed always give the same bytes.
 *
 *   tsx scripts/generate-articles.ts --count 10000 --root /tmp/bench-site [--seed 1]
 *
 * Shape of the corpus (per article, drawn from a seeded PRNG):
 * - ~800 words of Markdown in 9–11 paragraphs, two `##` headings, a bulleted
 *   list, emphasis and a link;
 * - date without time (60 %), with a time (30 %), with an explicit offset
 *   (10 %); years 2006–2025;
 * - agency, reviewYear/planYear, 1–4 officials with role and honorific,
 *   0–3 awards, author, tags; summary (50 %); image (20 %: half a file next
 *   to the article, half an https address); aliases (5 %); draft (1 %).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import { PROVINCES, getProvince, type ProvinceUnit } from "../src/provinces.ts";

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  "Sở Thông tin và Truyền thông",
  "Sở Kế hoạch và Đầu tư",
  "Sở Tài chính",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Giao thông vận tải",
  "Sở Tư pháp",
  "Sở Nội vụ",
  "Sở Khoa học và Công nghệ",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Tài nguyên và Môi trường",
  "Sở Lao động – Thương binh và Xã hội",
  "Ban Quản lý các khu công nghiệp",
  "Trung tâm Công nghệ thông tin và Truyền thông",
  "Văn phòng Ủy ban nhân dân tỉnh",
  "Thanh tra tỉnh",
  "Cục Thuế tỉnh",
];
const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Mai", "Trịnh"];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Công", "Thu", "Xuân", "Bích", "Kim", "Quang"];
const GIVEN = ["Dũng", "Thủy", "Hùng", "Lan", "Nam", "Hương", "Tuấn", "Hà", "Sơn", "Linh", "Phong", "Trang", "Hải", "Mai", "Long", "Yến", "Đạt", "Hằng", "Khánh", "Nhung", "Thắng", "Vy", "Bảo", "Đông"];
const ROLES = ["Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Văn phòng", "Trưởng phòng Kế hoạch – Tài chính", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Bí thư Đảng ủy", "Chủ tịch Công đoàn", "Trưởng ban", "Phó Trưởng ban"];
const HONORIFICS = ["Ông", "Bà", "Đồng chí"];
const AWARDS = ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động xuất sắc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Giấy khen", "Cờ thi đua", "Huân chương Lao động hạng Ba"];
const RECIPIENTS = ["cá nhân", "tập thể", "phòng chuyên môn", "đơn vị trực thuộc", "công chức, viên chức"];
const CONFERRERS = ["Giám đốc Sở", "Chủ tịch Ủy ban nhân dân tỉnh", "Bộ trưởng", "Thủ tướng Chính phủ"];
const TAGS = ["tổng kết", "chuyển đổi số", "cải cách hành chính", "kế hoạch năm", "thi đua khen thưởng", "dịch vụ công trực tuyến", "an toàn thông tin", "đầu tư công", "nông thôn mới", "giáo dục", "y tế", "du lịch", "hạ tầng số", "báo chí"];
const SUBJECTS = ["Hội nghị", "Ban Giám đốc", "Lãnh đạo Sở", "Các phòng chuyên môn", "Đơn vị", "Ngành", "Tập thể cán bộ", "Công đoàn cơ sở", "Đoàn Thanh niên", "Ủy ban nhân dân tỉnh", "Các địa phương", "Người dân và doanh nghiệp"];
const VERBS = ["đã hoàn thành", "tiếp tục đẩy mạnh", "triển khai hiệu quả", "tập trung chỉ đạo", "thống nhất đánh giá", "đề ra giải pháp cho", "chú trọng nâng cao", "phối hợp thực hiện", "tổ chức kiểm tra", "rà soát và hoàn thiện", "ghi nhận kết quả của", "quyết tâm thực hiện"];
const OBJECTS = [
  "kế hoạch công tác năm",
  "chương trình chuyển đổi số",
  "hệ thống dịch vụ công trực tuyến mức độ 4",
  "công tác cải cách thủ tục hành chính",
  "hạ tầng kỹ thuật công nghệ thông tin",
  "cơ sở dữ liệu dùng chung của tỉnh",
  "nhiệm vụ thông tin đối ngoại",
  "phong trào thi đua yêu nước",
  "công tác quản lý nhà nước về báo chí, xuất bản",
  "việc ứng dụng chữ ký số trong văn bản điện tử",
  "chỉ tiêu giải ngân vốn đầu tư công",
  "công tác phòng, chống thiên tai",
  "chất lượng nguồn nhân lực",
  "mạng lưới bưu chính, viễn thông",
  "đề án phát triển kinh tế số",
  "các mục tiêu về an sinh xã hội",
  "công tác đảm bảo an toàn, an ninh mạng",
  "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
];
const TAILS = [
  "đạt và vượt các chỉ tiêu đề ra",
  "góp phần quan trọng vào sự phát triển kinh tế – xã hội của địa phương",
  "theo đúng tiến độ được giao",
  "bảo đảm chất lượng, hiệu quả",
  "với sự đồng thuận cao của cán bộ, công chức",
  "trong bối cảnh còn nhiều khó khăn, thách thức",
  "nhận được sự đánh giá cao của lãnh đạo tỉnh",
  "tạo chuyển biến rõ nét so với năm trước",
  "đáp ứng yêu cầu ngày càng cao của người dân",
  "làm nền tảng cho các năm tiếp theo",
];
const HEADINGS = ["Kết quả nổi bật", "Những tồn tại, hạn chế", "Nhiệm vụ trọng tâm năm tới", "Công tác thi đua, khen thưởng", "Ý kiến chỉ đạo", "Giải pháp thực hiện", "Bài học kinh nghiệm"];
/** Common syllables: place and project names built from them give the text a realistic vocabulary (distinct words and word pairs drive the search index size). */
const SYLLABLES = "an bình hòa phú thạnh long tân mỹ thuận phước lộc thọ hưng quang minh đông tây nam bắc trung sơn hải giang hà lâm thành đức tiến phong xuân thu hạ yên định hiệp nghĩa trường vĩnh khánh điền châu kim ngọc bảo gia lương thịnh phát đạt cát lợi tường vân hồng lạc thái hiền hậu ninh quý tài nhơn cường thắng lập chánh tịnh khương linh hiếu trí dũng kiên đoàn kết mới xanh sạch đẹp số hóa điện tử thông minh liên thông dữ liệu nền tảng ứng dụng cổng dịch vụ hồ sơ một cửa hiện đại".split(" ");
const UNITS_OF_WORK = ["hồ sơ", "thủ tục", "văn bản điện tử", "tài khoản", "điểm truy cập", "lượt người dân", "doanh nghiệp", "dự án"];
const PLACES = ["hội trường Ủy ban nhân dân tỉnh", "phòng họp Sở", "Trung tâm Hội nghị tỉnh", "nhà văn hóa trung tâm", "trụ sở cơ quan"];

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

function personName(rand: Rand): string {
  return `${pick(rand, SURNAMES)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
}

function sentence(rand: Rand, year: number): string {
  const parts = [pick(rand, SUBJECTS), pick(rand, VERBS), pick(rand, OBJECTS)];
  if (rand() < 0.5) parts.push(`năm ${year - (rand() < 0.5 ? 1 : 0)}`);
  parts.push(pick(rand, TAILS));
  if (rand() < 0.4) parts.push(`tại ${rand() < 0.5 ? "xã" : "phường"} ${pick(rand, SYLLABLES)} ${pick(rand, SYLLABLES)}`);
  if (rand() < 0.3) parts.push(`thuộc dự án ${pick(rand, SYLLABLES)} ${pick(rand, SYLLABLES)} ${pick(rand, SYLLABLES)}`);
  if (rand() < 0.25) parts.push(`với tỷ lệ ${int(rand, 60, 99)},${int(rand, 0, 9)}%`);
  if (rand() < 0.25) parts.push(`(${int(rand, 10, 99)}.${String(int(rand, 0, 999)).padStart(3, "0")} ${pick(rand, UNITS_OF_WORK)})`);
  return `${parts.join(" ")}.`;
}

/** A paragraph of about `words` words. */
function paragraph(rand: Rand, year: number, words: number): string {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(rand, year);
    out.push(s);
    count += s.split(" ").length;
  }
  return out.join(" ");
}

function body(rand: Rand, year: number, official: string, place: string): string {
  const blocks: string[] = [];
  blocks.push(`Ngày ${int(rand, 1, 28)}/${int(rand, 1, 12)}/${year}, tại ${place}, ${paragraph(rand, year, 50)}`);
  const headingAt = [3, 6];
  const paragraphs = int(rand, 9, 11);
  for (let i = 1; i < paragraphs; i++) {
    if (headingAt.includes(i)) blocks.push(`## ${pick(rand, HEADINGS)}`);
    let text = paragraph(rand, year, int(rand, 40, 58));
    if (i === 2) text = text.replace(/^(\S+ \S+)/, "**$1**");
    if (i === 4) text += ` Chi tiết xem tại [Cổng thông tin điện tử của tỉnh](https://example.gov.vn/tin-tuc/${year}/${int(rand, 1000, 9999)}).`;
    if (i === 5) text = `Phát biểu tại hội nghị, ${official} nhấn mạnh: *"${sentence(rand, year)}"* ${text}`;
    blocks.push(text);
    if (i === 6) blocks.push(Array.from({ length: int(rand, 3, 5) }, () => `- ${sentence(rand, year)}`).join("\n"));
  }
  return blocks.join("\n\n");
}

const yamlString = (s: string): string => JSON.stringify(s);

/** The unit to file an article dated `day` under: `unit` if it still existed, else its successor at that date. */
function unitAt(unit: ProvinceUnit, day: string): ProvinceUnit {
  let u = unit;
  while (u.successor && u.successorSince && day >= u.successorSince) u = getProvince(u.successor) ?? u;
  return u;
}

/** A real 160 × 90 JPEG (358 bytes, written by sharp): the build decodes and resizes every article picture. */
const TINY_JPEG = Buffer.from(
  "/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCABaAKADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCEAppwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD//2Q==",
  "base64",
);

export interface GenerateOptions {
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** Mark about 1 % of the articles `draft: true` (default true). */
  readonly drafts?: boolean;
}

/** Generates the files (replacing <root>/content); returns the number written. */
export function generateArticles(root: string, count: number, options: GenerateOptions = {}): number {
  const rand = prng(options.seed ?? 1);
  const content = path.join(root, "content");
  rmSync(content, { recursive: true, force: true });
  // Every unit that ever published: the 63, Thừa Thiên Huế, and (through unitAt) the 34.
  const units = PROVINCES;
  // Larger units publish more: a stable weight per unit, 1–4.
  const weights = units.map((_, i) => 1 + ((i * 7) % 4));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const weighted = (): ProvinceUnit => {
    let r = rand() * totalWeight;
    for (let i = 0; i < units.length; i++) if ((r -= weights[i]!) < 0) return units[i]!;
    return units[units.length - 1]!;
  };
  const madeDirs = new Set<string>();
  for (let i = 0; i < count; i++) {
    const year = int(rand, 2006, 2025);
    const month = String(int(rand, 1, 12)).padStart(2, "0");
    const dayOfMonth = String(int(rand, 1, 28)).padStart(2, "0");
    const day = `${year}-${month}-${dayOfMonth}`;
    const unit = unitAt(weighted(), day);
    const timeRoll = rand();
    const hour = String(int(rand, 7, 16)).padStart(2, "0");
    const date = timeRoll < 0.6 ? day : timeRoll < 0.9 ? `${day}T${hour}:${rand() < 0.5 ? "00" : "30"}` : `${day}T${hour}:00:00+07:00`;
    const agency = pick(rand, AGENCIES);
    const officials = Array.from({ length: int(rand, 1, 4) }, () => ({ name: personName(rand), role: pick(rand, ROLES), honorific: pick(rand, HONORIFICS) }));
    const awards = Array.from({ length: int(rand, 0, 3) }, () => ({ title: pick(rand, AWARDS), recipient: pick(rand, RECIPIENTS), count: int(rand, 1, 40), conferredBy: pick(rand, CONFERRERS) }));
    const tags = [...new Set(Array.from({ length: int(rand, 1, 4) }, () => pick(rand, TAGS)))];
    const slug = `hoi-nghi-tong-ket-${agency === AGENCIES[0] ? "stttt" : "cong-tac"}-nam-${year - 1}-${i}`;
    const title = `${agency} tổng kết công tác năm ${year - 1}, triển khai nhiệm vụ năm ${year}`;
    const lead = officials[0]!;
    const lines = [
      "---",
      `title: ${yamlString(`${title} (${i})`)}`,
      `date: ${date}`,
      `province: ${unit.id}`,
      `agency: ${yamlString(agency)}`,
      `reviewYear: ${year - 1}`,
      `planYear: ${year}`,
      "officials:",
      ...officials.flatMap((o) => [`  - name: ${o.name}`, `    role: ${yamlString(o.role)}`, `    honorific: ${o.honorific}`]),
    ];
    if (awards.length > 0) lines.push("awards:", ...awards.flatMap((a) => [`  - title: ${yamlString(a.title)}`, `    recipient: ${a.recipient}`, `    count: ${a.count}`, `    conferredBy: ${yamlString(a.conferredBy)}`]));
    lines.push(`author: ${personName(rand)}`);
    if (rand() < 0.5) lines.push(`summary: ${yamlString(`${agency} tổng kết năm ${year - 1}: ${sentence(rand, year)}`)}`);
    const dir = path.join(content, unit.id, String(year));
    const imageRoll = rand();
    if (imageRoll < 0.1) {
      const file = `anh-${i}.jpg`;
      lines.push("image:", `  src: ${file}`, `  alt: ${yamlString(`Toàn cảnh hội nghị tại ${pick(rand, PLACES)}`)}`, `  caption: ${yamlString(`${lead.honorific} ${lead.name} phát biểu tại hội nghị`)}`);
      if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true }), madeDirs.add(dir);
      writeFileSync(path.join(dir, file), TINY_JPEG);
    } else if (imageRoll < 0.2) {
      lines.push("image:", `  src: https://example.gov.vn/anh/${year}/${i}.jpg`, `  alt: ${yamlString("Quang cảnh hội nghị")}`);
    }
    lines.push(`tags: [${tags.map(yamlString).join(", ")}]`);
    if (rand() < 0.01 && options.drafts !== false) lines.push("draft: true");
    if (rand() < 0.05) lines.push("aliases:", `  - /tin-tuc/${year}/bai-${i}/`);
    lines.push("---");
    const text = `${lines.join("\n")}\n${body(rand, year, `${lead.honorific.toLowerCase()} ${lead.name}, ${lead.role}`, pick(rand, PLACES))}\n`;
    if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true }), madeDirs.add(dir);
    writeFileSync(path.join(dir, `${day}-${slug}.md`), text.normalize("NFC"));
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = runCommandLine(
    defineCommand({
      invocation: "npx tsx scripts/generate-articles.ts",
      summary: "cli.command.generateArticles",
      options: {
        count: { type: "string", value: "number", default: "1000", help: "cli.option.count" },
        root: { type: "string", value: "dir", default: "/tmp/bench-site", help: "cli.option.generateRoot" },
        seed: { type: "string", value: "number", default: "1", help: "bench.option.seed" },
      },
    }),
  );
  const n = generateArticles(path.resolve(values.root), Number(values.count), { seed: Number(values.seed) });
  console.log(`Wrote ${n} articles under ${path.join(values.root, "content")}`);
}
