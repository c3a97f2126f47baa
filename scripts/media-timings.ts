/**
 * Measures the picture and share-card step on its own, cold (empty cache)
 * and cached: N articles with a distinct camera-sized photo each, and M
 * articles without a photo (generated cards). Everything in a temp folder.
 *
 * First the cards alone: M distinct cards drawn into an empty cache, the
 * process's CPU time (every thread: this one, libuv's zlib work) divided by
 * M — the figure issue 9's budget is about; with --reference the former
 * satori + resvg renderer on the same cards. Then the whole media step
 * (prepareArticleMedia) cold and cached, as the build runs it.
 *
 *   npx tsx scripts/media-timings.ts [--photos 20] [--cards 200] [--width 3000] [--reference]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineCommand, runCommandLine } from "../src/cli/command-line.ts";
import sharp from "sharp";
import { loadContent } from "../src/content/load-content.ts";
import { prepareArticleMedia } from "../src/images/article-media.ts";
import { cachedCard, type CardText } from "../src/share-cards/generated-card.ts";
import { renderSatoriCard } from "../src/share-cards/satori-card.ts";

const values = runCommandLine(
  defineCommand({
    invocation: "npx tsx scripts/media-timings.ts",
    summary: "cli.command.mediaTimings",
    options: {
      photos: { type: "string", value: "number", default: "20", help: "cli.option.photos" },
      cards: { type: "string", value: "number", default: "200", help: "cli.option.cards" },
      width: { type: "string", value: "number", default: "3000", help: "cli.option.width" },
      reference: { type: "boolean", help: "media.timings.reference" },
    },
  }),
);
const photos = Number(values.photos);
const cards = Number(values.cards);
const width = Number(values.width);
const height = Math.round((width * 2) / 3);

const WORDS = "Hội nghị tổng kết công tác năm triển khai nhiệm vụ Ủy ban nhân dân tỉnh Sở Tư pháp Thừa Thiên Huế Đắk Lắk quyết định khen thưởng thành tích xuất sắc chuyển đổi số phòng chống thiên tai đường giao thông nông thôn mới".split(" ");
/** Distinct, realistic titles (30–150 characters, many Vietnamese letters), the same on every run. */
function cardTextOf(i: number): CardText {
  const words: string[] = [];
  for (let k = 0; k < 8 + (i % 22); k++) words.push(WORDS[(i * 7 + k * 13 + ((i * k) % 5)) % WORDS.length] ?? "");
  return { title: `${words.join(" ")} ${2000 + (i % 26)}`, unit: i % 3 ? "Tỉnh Gia Lai" : "Bình Định, nay thuộc Gia Lai", date: `${1 + (i % 28)}/${1 + (i % 12)}/${2000 + (i % 26)}`, site: "Tổng kết công tác năm" };
}

/** Draws `count` distinct cards with `draw`, reporting wall time and CPU time (every thread) per card. */
async function timeCards(label: string, count: number, draw: (text: CardText) => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  // Four in flight, as prepareArticleMedia does.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(4, count) }, async () => {
      while (next < count) await draw(cardTextOf(next++));
    }),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`${label}: ${count} cards, ${Math.round(wall)} ms wall (${(wall / count).toFixed(2)} ms per card), CPU ${Math.round(cpuMs)} ms (${(cpuMs / count).toFixed(2)} ms per card, all threads, first card's setup included)`);
}

/** A camera-like photo: sharp's own noise over a gradient, blurred a little, shapes on top; each one different. */
async function photo(seed: number): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).blur(0.8).png().toBuffer();
  const shapes = Array.from({ length: 60 }, (_, i) => {
    const x = ((seed * 7919 + i * 104729) % width) | 0;
    const y = ((seed * 15485863 + i * 32452843) % height) | 0;
    const r = 20 + ((seed + i * 31) % 200);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(seed * 37 + i * 53) % 360},60%,50%)" fill-opacity="0.7"/>`;
  }).join("");
  const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes}</svg>`);
  return sharp(noise).composite([{ input: overlay }]).jpeg({ quality: 90 }).toBuffer();
}

const root = mkdtempSync(path.join(tmpdir(), "media-timings-"));
try {
  const dir = path.join(root, "content/gia-lai");
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < photos; i++) {
    const jpeg = await photo(i + 1);
    bytes += jpeg.length;
    writeFileSync(path.join(dir, `anh-${i}.jpg`), jpeg);
    writeFileSync(path.join(dir, `2016-11-29-co-anh-${i}.md`), `---\ntitle: Bài có ảnh số ${i}\ndate: 2016-11-29\nprovince: gia-lai\nimage:\n  src: anh-${i}.jpg\n  alt: Ảnh số ${i}\n---\nNội dung.\n`);
  }
  for (let i = 0; i < cards; i++) {
    writeFileSync(path.join(dir, `2016-11-29-khong-anh-${i}.md`), `---\ntitle: Hội nghị tổng kết công tác năm 2016, triển khai nhiệm vụ năm 2017 của Sở số ${i}\ndate: 2016-11-29\nprovince: gia-lai\n---\nNội dung.\n`);
  }
  const cardDir = path.join(root, "cards-alone");
  let cardBytes = 0;
  await timeCards("cards alone, cold (glyph renderer)", cards, async (text) => {
    const { bytes } = await cachedCard(text, cardDir);
    cardBytes += bytes;
  });
  console.log(`  ${Math.round(cardBytes / cards / 1024)} KB per card on average`);
  if (values.reference) {
    let bytes = 0;
    await timeCards("cards alone, former renderer (satori + resvg + sharp PNG)", cards, async (text) => {
      const png = await renderSatoriCard(text);
      bytes += png.length;
    });
    console.log(`  ${Math.round(bytes / cards / 1024)} KB per card on average`);
  }
  const { articles, errors } = loadContent({ rootDir: root });
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  console.log(`load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")} on ${(await import("node:os")).availableParallelism()} cores`);
  console.log(`${photos} photos of ${width} × ${height} (${photos ? (bytes / photos / 1024 / 1024).toFixed(1) : 0} MB each on average), ${cards} articles without a photo`);
  for (const run of ["cold", "cached"]) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { stats, index } = await prepareArticleMedia(articles, { rootDir: root, siteName: "Tổng kết công tác năm" });
    const total = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(
      `${run}: ${Math.round(total)} ms in all; pictures ${stats.imageMs} ms (${stats.imagesMade} made, ${stats.imagesCached} cached; ${photos ? (stats.imageMs / photos).toFixed(1) : 0} ms per photo), ` +
        `cards ${stats.cardMs} ms (${stats.cardsMade} made, ${stats.cardsCached} cached; ${cards ? (stats.cardMs / cards).toFixed(1) : 0} ms per card); ${index.outputs.length} files to publish; CPU ${Math.round((used.user + used.system) / 1000)} ms (all threads)`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
