/**
 * An {@link ImportDraft} as an article file, and the file name the README's
 * convention gives it ("<YYYY-MM-DD>-<slug>.md").
 */
import { slugify } from "../slug.ts";
import { articleText } from "../new-article/article-text.ts";
import type { ImportDraft } from "./import-release.ts";

/** Longest slug taken from a title: long enough to tell articles apart, short enough to read in a URL. */
export const SLUG_LENGTH = 70;

/** The draft's file text: front matter with the editor's notes as comments, then the body. */
export function renderDraft(draft: ImportDraft): string {
  const text = (field: keyof ImportDraft["notes"]): string[] => (draft.notes[field] ?? []).map((n) => n.text);
  return articleText({
    header: draft.header.map((n) => n.text),
    fields: {
      ...(draft.title ? { title: draft.title } : {}),
      ...(draft.date ? { date: draft.date } : {}),
      ...(draft.province ? { province: draft.province } : {}),
      ...(draft.agency ? { agency: draft.agency } : {}),
      ...(draft.reviewYear !== undefined ? { reviewYear: draft.reviewYear } : {}),
      ...(draft.planYear !== undefined ? { planYear: draft.planYear } : {}),
      officials: draft.officials.map((o) => ({ value: o, ...(o.note ? { comments: [o.note.text] } : {}) })),
      awards: draft.awards.map((a) => ({ value: a, ...(a.note ? { comments: [a.note.text] } : {}) })),
      ...(draft.author ? { author: draft.author } : {}),
      draft: true,
    },
    comments: {
      title: text("title"),
      date: text("date"),
      province: text("province"),
      agency: text("agency"),
      reviewYear: text("reviewYear"),
      planYear: text("planYear"),
      officials: text("officials"),
      awards: text("awards"),
      author: text("author"),
      draft: text("draft"),
    },
    placeholders: draft.missing,
    body: draft.body,
  });
}

/**
 * "2016-12-09-trung-tam-cong-nghe-thong-tin-va-truyen-thong-tinh-gia-lai.md".
 * Without a date the prefix is left out; without a title the source file's
 * name gives the slug ("bai-004.md"), and failing that "bai-nhap".
 */
export function draftFileName(draft: ImportDraft, suffix = ""): string {
  const slug = slugify(draft.title ?? "", SLUG_LENGTH) || slugify(draft.sourceName.replace(/\.[^.]*$/, ""), SLUG_LENGTH) || "bai-nhap";
  const day = draft.date?.slice(0, 10);
  return `${day ? `${day}-` : ""}${slug}${suffix}.md`;
}
