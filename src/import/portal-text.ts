/**
 * Cleaning text copied from a provincial portal: Unicode hygiene, then the
 * page chrome the portal wrapped around the release (Print/Email/Aa
 * toolbars, QR code labels, "Tin khác" lists, visitor counters, RSS, share
 * buttons, "Lượt xem") removed line by line.
 *
 * What is removed is returned too (the summary counts it, and the QR label
 * often carries the headline the copy lost). Lists that follow "Tin khác",
 * "Tin liên quan" or a visitor-counter heading are other articles' titles,
 * so everything after such a marker goes, once the release itself has begun.
 */
import { cleanText } from "../text.ts";

export interface PortalText {
  /** Kept lines, trimmed, spaces collapsed; "" for blank lines. */
  readonly lines: readonly string[];
  /** Removed chrome lines, in order. */
  readonly chrome: readonly string[];
  /** The headline from a "QR CODE: <headline>" label, when the portal printed one. */
  readonly qrTitle?: string;
}

const CUT_MARKERS = new Set(["tin khác", "các tin khác", "tin liên quan", "các tin liên quan", "bài viết liên quan", "tin cùng chuyên mục", "tin đã đưa", "các tin đã đưa", "thống kê truy cập", "xem thêm", "tin mới hơn", "tin cũ hơn"]);
const CHROME_LINES = new Set([
  "print", "in", "in bài", "in trang", "bản in", "email", "e-mail", "gửi email", "gửi bài", "chia sẻ", "share", "tweet", "facebook", "zalo", "like",
  "rss", "lượt xem", "số lượt xem", "số lượt truy cập", "lượt truy cập", "tiện ích thông tin", "nguồn tin", "chúng tôi trên mạng xã hội",
  "cỡ chữ", "aa", "quay lại", "về đầu trang", "đầu trang", "bình luận", "ý kiến bạn đọc", "gửi ý kiến", "lưu tin", "xem bản in", "trở về",
]);
const TOOLBAR = /^(?:(?:e-?mail|print|in|aa|a\+|a-|rss|share|chia sẻ|zalo|facebook|tweet|like|thích|gửi|lưu|bản in|cỡ chữ)[\s|/·•,]*)+$/iu;
const COUNTER = /^(?:[•·*-]\s*)?(?:[\d.,]+\s+(?:đang truy cập|đang trực tuyến|trực tuyến|tổng lượt(?: truy cập)?|lượt truy cập|lượt xem|hôm nay|hôm qua|tuần này|tháng này)|(?:đang truy cập|đang trực tuyến|tổng lượt(?: truy cập)?|lượt truy cập|lượt xem|số lượt xem|số lượt truy cập|hôm nay|hôm qua)\s*:?\s*[\d.,]+)\s*:?$/iu;
const QR_LINE = /^(?:qr\s*code|mã\s*qr)/iu;
const QR_TITLE = /^qr\s*code\s*:\s*(.+)$/iu;
const SHARE = /^(?:chia sẻ|share)(?:\s*(?:qua|lên|:)?\s*(?:facebook|zalo|twitter|email|e-mail|[\s,|/])*)?$/iu;

// Zero-width characters and bidirectional controls have no place in a press release and can disguise text.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u00AD]/g;

/** Unicode hygiene for pasted text: NFC, line endings, controls and invisible characters removed, non-breaking spaces as spaces. */
export function normalisePortalText(raw: string): string {
  return cleanText(raw).replace(INVISIBLE, "").replace(/[\u00A0\u2007\u202F\u3000\t]/g, " ");
}

/** Whether a line is portal chrome. */
export function isChromeLine(line: string): boolean {
  // Chrome is short; long lines are never tested against the patterns below.
  if (line.length > 200) return false;
  const lower = line.toLowerCase().replace(/[:.]+$/, "").trim();
  return CHROME_LINES.has(lower) || TOOLBAR.test(line) || COUNTER.test(line) || QR_LINE.test(line) || SHARE.test(line);
}

/** Splits normalised text into kept lines and removed chrome. */
export function stripChrome(text: string): PortalText {
  const lines: string[] = [];
  const chrome: string[] = [];
  let qrTitle: string | undefined;
  let begun = false;
  const all = text.split("\n").map((l) => l.replace(/ {2,}/g, " ").trim());
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? "";
    const marker = line.toLowerCase().replace(/[:.]+$/, "").trim();
    if (CUT_MARKERS.has(marker)) {
      if (begun) {
        chrome.push(...all.slice(i).filter((l) => l !== ""));
        break;
      }
      chrome.push(line);
      continue;
    }
    if (line !== "" && isChromeLine(line)) {
      chrome.push(line);
      const qr = QR_TITLE.exec(line);
      if (qr && !qrTitle) qrTitle = qr[1]?.trim();
      continue;
    }
    if (line.split(" ").length > 20) begun = true;
    lines.push(line);
  }
  return { lines, chrome, ...(qrTitle ? { qrTitle } : {}) };
}
