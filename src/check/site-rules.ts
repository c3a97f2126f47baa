/**
 * Warnings that need more than the article's own bytes: the day the check
 * runs (a date in the future) or the other articles (duplicate titles in a
 * province and year; an official's role that differs from the last known
 * one). They run on every check over the facts kept of each valid article
 * (drafts included: a draft is where such a mistake is made), linear in the
 * number of articles and officials.
 *
 * Each warning carries the front-matter path of its field, so the line is
 * looked up only for the few files that get one, and the other files it
 * names (`related`), so that checking some files still reports a problem
 * those files take part in.
 */
import type { ContentError } from "../content/errors.ts";
import { explain } from "../messages/index.ts";
import type { ArticleSummary } from "./facts.ts";
import type { PeopleIndex } from "../people/identity.ts";
import { roleKey } from "./role-key.ts";

/** A warning whose line is still to be found from `path`, with the other files it names. */
export interface PendingWarning {
  readonly problem: ContentError;
  /** Front-matter path of the field ("officials", 2, "role"), for the line. */
  readonly path: readonly PropertyKey[];
  /** Other files the warning is about. */
  readonly related: readonly string[];
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-11-27": the calendar day in Vietnam at `now`. */
export function vietnamDay(now: number): string {
  return new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Articles dated after now (Vietnam time; a date without a time is in the future once its day is after today). */
export function futureDateWarnings(facts: readonly ArticleSummary[], now: number): PendingWarning[] {
  const today = vietnamDay(now);
  const out: PendingWarning[] = [];
  for (const f of facts) {
    if (f.date.hasTime ? f.date.timestamp <= now : f.date.day <= today) continue;
    out.push({ problem: { file: f.sourcePath, severity: "warning", field: "date", value: JSON.stringify(f.date.day), ...explain("check.warn.futureDate", { date: f.date.day, today }) }, path: ["date"], related: [] });
  }
  return out;
}

/** Title as compared for duplicates: case and trailing punctuation do not count (the loader already normalised Unicode and spacing). */
function titleKey(title: string): string {
  let end = title.length;
  while (end > 0 && " .!?…,;:".includes(title[end - 1] ?? "")) end--;
  return title.slice(0, end).toLowerCase();
}

/** Articles of one province and year that share a title: each of them gets a warning naming the others. */
export function duplicateTitleWarnings(facts: readonly ArticleSummary[]): PendingWarning[] {
  const groups = new Map<string, ArticleSummary[]>();
  for (const f of facts) {
    const key = `${f.province}\u0000${f.date.year}\u0000${titleKey(f.title)}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const out: PendingWarning[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const f of group) {
      const others = group.filter((g) => g !== f).map((g) => g.sourcePath);
      out.push({
        problem: { file: f.sourcePath, severity: "warning", field: "title", value: JSON.stringify(f.title), ...explain("check.warn.duplicateTitle", { others: others.join(", "), province: f.province, year: f.date.year }) },
        path: ["title"],
        related: others,
      });
    }
  }
  return out;
}

/**
 * An official whose role differs from the last known role of the same
 * person — the role in the latest earlier article naming them — showing
 * both. Who is the same person is decided by the people pages' rules
 * (src/people/identity.ts: the same name in the same province, up to
 * Unicode form, spacing, case and honorifics, or the same pinned id). When
 * the next article naming them has the same new role, the change is
 * confirmed (a promotion, not a slip) and gives no warning, so a real
 * change warns only on the newest article until a later one repeats it; a
 * slip between two articles that agree (A, B, A) warns on the slip only,
 * and is not taken as the last known role.
 * @param people the people of the articles checked (drafts included): a people index, or the people pages' persons when they are the same articles
 */
export function roleWarnings(people: Pick<PeopleIndex, "persons">): PendingWarning[] {
  return roleWarningsOfMentions(people.persons.map((person) => person.mentions));
}

/** One official named in one article, as the role rule reads it (a people index's mention, or the check's quick one). */
export interface RoleMention {
  readonly article: { readonly sourcePath: string; readonly date: { readonly timestamp: number; readonly day: string } };
  /** Position in the article's officials. */
  readonly index: number;
  readonly name: string;
  readonly role?: string | undefined;
}

/** {@link roleWarnings}' rule over each person's mentions (roles.ts's roleWarningsOf is the same rule over articles' facts). */
export function roleWarningsOfMentions(persons: Iterable<readonly RoleMention[]>): PendingWarning[] {
  const out: PendingWarning[] = [];
  for (const all of persons) {
    const mentions = all.filter((m) => m.role).map((m) => ({ mention: m, role: m.role ?? "", key: roleKey(m.role ?? "") }));
    if (mentions.length < 2) continue;
    mentions.sort((a, b) => a.mention.article.date.timestamp - b.mention.article.date.timestamp || (a.mention.article.sourcePath < b.mention.article.sourcePath ? -1 : 1));
    let previous: (typeof mentions)[number] | undefined;
    mentions.forEach((m, i) => {
      const next = mentions[i + 1];
      if (!previous || m.key === previous.key || (next && m.key === next.key)) {
        previous = m;
        return;
      }
      const article = m.mention.article;
      const other = previous.mention.article;
      out.push({
        problem: {
          file: article.sourcePath,
          severity: "warning",
          field: `officials #${m.mention.index + 1}.role`,
          value: JSON.stringify(m.role),
          ...explain("check.warn.roleChanged", { name: m.mention.name, role: m.role, otherRole: previous.role, otherFile: other.sourcePath, otherDate: other.date.day }),
        },
        path: ["officials", m.mention.index, "role"],
        related: [other.sourcePath],
      });
    });
  }
  return out;
}
