/**
 * A person's page: the roles they held over the years, and every article
 * that names them, grouped by province, newest first, each linking back to
 * the article. Also the page an address shows once it turned out to cover
 * several people with one name.
 */
import { provinceLabel } from "../src/provinces.ts";
import type { PersonPage, SharedPage } from "../src/people/people-site.ts";
import { PEOPLE_BASE } from "../src/people/person-record.ts";
import type { Article } from "../src/content/article.ts";
import { html, type SafeHtml } from "../src/safe-html.ts";
import { absoluteUrl, sitePath, type SiteConfig } from "../src/site-config.ts";
import { UI } from "../src/ui-strings.ts";
import { renderPage, type LayoutContext } from "./base.ts";
import { timeTag } from "./components.ts";

/** The units a person was named in, as one line ("Gia Lai, Bình Định (nay thuộc Gia Lai)"). */
export function personProvinces(page: PersonPage): string {
  return page.person.provinces.map(provinceLabel).join("; ");
}

/** An article's date and link as a person page shows them, with the base path they were made for. */
interface ArticleFragments {
  readonly basePath: string;
  readonly time: SafeHtml;
  readonly link: SafeHtml;
}

const fragmentsOf = new WeakMap<Article, ArticleFragments>();

/**
 * The date and link of an article on person pages, made once per article:
 * an article names several people (~60,000 mentions of 10,000 articles), and
 * each of their pages lists it again. Remade when the base path differs
 * (another configuration in the same process: tests, the preview).
 */
function articleFragments(config: Pick<SiteConfig, "basePath">, article: Article): ArticleFragments {
  let made = fragmentsOf.get(article);
  if (made === undefined || made.basePath !== config.basePath) {
    made = { basePath: config.basePath, time: timeTag(article, false), link: html`<a href="${sitePath(config, article.url)}">${article.title}</a>` };
    fragmentsOf.set(article, made);
  }
  return made;
}

/** Renders /nhan-vat/<slug>/. */
export function renderPersonPage(ctx: LayoutContext, page: PersonPage): string {
  const { person } = page;
  const where = personProvinces(page);
  const latestRole = page.roles[0]?.role;
  return renderPage(ctx, {
    title: person.name,
    description: UI.personDescription(person.name, where),
    url: page.url,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.peopleTitle, url: PEOPLE_BASE }, { label: person.name }],
    jsonLd: [{ "@type": "Person", name: person.name, url: absoluteUrl(ctx.config, page.url), ...(latestRole ? { jobTitle: latestRole } : {}) }],
    main: html`<h1>${person.name}</h1>
<p class="meta">${where}</p>
${page.roles.length > 0
  ? html`<section aria-labelledby="chuc-vu"><h2 id="chuc-vu">${UI.personRoles}</h2><ul class="roles">${page.roles.map(
      (r) => html`<li>${r.role} <span class="meta">(${person.provinces.length > 1 ? `${r.province.name}, ` : ""}${UI.yearSpan(r.from, r.to)})</span></li>`,
    )}</ul></section>`
  : ""}
<section aria-labelledby="bai-viet"><h2 id="bai-viet">${UI.personMentions}</h2>
${page.groups.map(
  (g) => html`${page.groups.length > 1 ? html`<h3>${provinceLabel(g.province)}</h3>` : ""}<ol class="mentions">${g.mentions.map(
    (m) => {
      const { time, link } = articleFragments(ctx.config, m.article);
      return html`<li><span class="meta">${time} · ${m.role ?? UI.personNoRole}</span><br>${link}</li>`;
    },
  )}</ol>`,
)}
</section>`,
  });
}

/** Renders the page of an address that now covers several people (not indexed: the people's own pages are). */
export function renderSharedPersonPage(ctx: LayoutContext, shared: SharedPage): string {
  return renderPage(ctx, {
    title: UI.sharedPersonTitle(shared.name),
    description: UI.sharedPersonText,
    url: shared.urls.at(-1) ?? PEOPLE_BASE,
    noindex: true,
    breadcrumbs: [{ label: UI.home, url: "/" }, { label: UI.peopleTitle, url: PEOPLE_BASE }, { label: shared.name }],
    main: html`<h1>${UI.sharedPersonTitle(shared.name)}</h1>
<p>${UI.sharedPersonText}</p>
<ul>${shared.pages.map((p) => html`<li><a href="${sitePath(ctx.config, p.url)}">${p.person.name}</a> <span class="meta">${personProvinces(p)}${p.roles[0] ? ` · ${p.roles[0].role}` : ""}</span></li>`)}</ul>`,
  });
}
