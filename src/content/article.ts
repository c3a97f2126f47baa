/**
 * The validated, rendered article: what every output (pages, indexes, feeds,
 * QR pages, search) is generated from. Built once per file by the loader.
 */
import type { ArticleDate } from "../dates.ts";
import type { ProvinceUnit } from "../provinces.ts";
import type { BodyImage } from "../images/body-images.ts";
import type { SafeHtml } from "../safe-html.ts";
import type { Honorific } from "./schema.ts";

export interface Official {
  readonly name: string;
  readonly role?: string;
  readonly honorific?: Honorific;
  /** Person id pinned by an editor (src/people/identity.ts): the same id is the same person everywhere. */
  readonly id?: string;
}

export interface Award {
  readonly title: string;
  readonly recipient?: string;
  readonly count?: number;
  readonly conferredBy?: string;
}

export interface ArticleImage {
  /** Either an https:// URL or a root-relative URL of the copied file ("/gia-lai/2016/x/anh.jpg"). */
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  /** For a file next to the article: its path relative to the project root, to copy into the output. */
  readonly sourceFile?: string;
}

export interface Article {
  /** Source path relative to the project root, POSIX separators. */
  readonly sourcePath: string;
  /** ASCII slug from the file name ("hoi-nghi-tong-ket-2016"). */
  readonly slug: string;
  /** Root-relative canonical URL, always "/<province-id>/<year>/<slug>/". */
  readonly url: string;
  readonly title: string;
  readonly date: ArticleDate;
  readonly province: ProvinceUnit;
  /** Province ids whose indexes list this article (its own and, for a former unit, the current one). */
  readonly listedUnder: readonly string[];
  readonly agency?: string;
  readonly reviewYear?: number;
  readonly planYear?: number;
  readonly officials: readonly Official[];
  readonly awards: readonly Award[];
  readonly author?: string;
  /** Editor's summary, else the first paragraph (plain text). */
  readonly summary: string;
  readonly image?: ArticleImage;
  readonly tags: readonly string[];
  readonly draft: boolean;
  /** Old root-relative URL paths that must keep resolving to this article. */
  readonly aliases: readonly string[];
  /** Rendered body (Markdown with raw HTML disabled); pictures carry data-anh="N", N indexing bodyImages. */
  readonly body: SafeHtml;
  /** Pictures of the body, checked (alt text, file name or https://), in order. */
  readonly bodyImages: readonly BodyImage[];
  /** Plain text of the body. */
  readonly bodyText: string;
}

/** Newest first; ties broken by URL so order is deterministic. */
export function compareNewestFirst(a: Article, b: Article): number {
  return b.date.timestamp - a.date.timestamp || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
