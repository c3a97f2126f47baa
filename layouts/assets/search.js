/* Search page (/tim-kiem/): drives Pagefind's JS API (pagefind.js, at the
   address the page gives in data-bundle, under the site's base path),
   loaded only when a search starts. No inline code and no HTML strings:
   results are built with DOM methods, so article text is never parsed as
   markup. The Vietnamese messages come from data-* attributes the server
   rendered from src/ui-strings.ts. An ES module: it also exports
   foldVietnamese so test/search.test.ts can check it against
   src/search/fold.ts, which builds the index with the same rules. */

/** Lowercase, no tone or vowel marks, đ → d. Keep identical to foldVietnamese in src/search/fold.ts. */
export function foldVietnamese(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[đð]/g, "d");
}

/** The query as the index spells words: folded, punctuation (and phrase quotes) as spaces. */
export function searchTerms(text) {
  return foldVietnamese(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Adjacent pairs of the query's words, as the index also holds them
 * ("da nang" → "_da_nang"): Vietnamese words are syllables, so "Đà Nẵng"
 * must match as a pair, not as "đã" … "năng" anywhere. Keep identical to
 * wordPairs in src/search/fold.ts.
 */
export function searchPairs(terms) {
  return terms.slice(1).map((term, i) => `_${terms[i]}_${term}`);
}

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

function start(form) {
  const input = form.elements.namedItem("q");
  const province = form.elements.namedItem("tinh");
  const year = form.elements.namedItem("nam");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const msg = form.dataset;
  let pagefind; // the module promise, once loaded
  let current = []; // results of the latest search
  let shown = 0;
  let generation = 0;
  let timer;

  function load() {
    pagefind ??= import(msg.bundle).then(async (pf) => {
      // Result URLs are site paths; baseUrl puts them under the site's base path (SITE_URL with a path).
      await pf.options({ excerptLength: 0, baseUrl: msg.base });
      return pf;
    });
    return pagefind;
  }

  function say(text) {
    status.textContent = text;
  }

  function state() {
    return { q: input.value.trim(), tinh: province.value, nam: year.value };
  }

  function syncUrl(s) {
    const params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    if (s.tinh) params.set("tinh", s.tinh);
    if (s.nam) params.set("nam", s.nam);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  /** Appends text to `parent`, wrapping the words that match the query in <mark>. */
  function highlighted(parent, text, terms) {
    for (const part of text.split(/([\p{L}\p{M}\p{N}]+)/u)) {
      if (!part) continue;
      const folded = foldVietnamese(part);
      if (terms.length > 0 && /[\p{L}\p{N}]/u.test(part) && terms.some((t) => folded.startsWith(t))) {
        const mark = document.createElement("mark");
        mark.textContent = part;
        parent.append(mark);
      } else {
        parent.append(part);
      }
    }
  }

  function card(data, terms) {
    const meta = data.meta || {};
    const item = document.createElement("li");
    item.className = "card";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    highlighted(link, meta.title || data.url, terms);
    heading.append(link);
    const line = document.createElement("p");
    line.className = "meta";
    if (meta.date) {
      const time = document.createElement("time");
      time.dateTime = meta.date;
      time.textContent = meta.date.split("-").reverse().join("/");
      line.append(time);
    }
    if (meta.province) line.append(meta.date ? ` · ${meta.province}` : meta.province);
    item.append(heading, line);
    if (meta.summary) {
      const summary = document.createElement("p");
      highlighted(summary, meta.summary, terms);
      item.append(summary);
    }
    return item;
  }

  async function showMore(mine, terms) {
    const batch = current.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    list.append(...data.map((d) => card(d, terms)));
    shown += batch.length;
    more.hidden = shown >= current.length;
  }

  async function run() {
    clearTimeout(timer);
    const mine = ++generation;
    const s = state();
    syncUrl(s);
    const terms = searchTerms(s.q);
    if (terms.length === 0 && !s.tinh && !s.nam) {
      list.replaceChildren();
      more.hidden = true;
      say("");
      return;
    }
    say(msg.msgSearching);
    list.setAttribute("aria-busy", "true");
    try {
      const pf = await load();
      const filters = {};
      if (s.tinh) filters[msg.filterProvince] = s.tinh;
      if (s.nam) filters[msg.filterYear] = s.nam;
      const options = { filters, sort: { date: "desc" } };
      // Several words: articles where they stand next to each other, as written ("da nang" →
      // "Đà Nẵng", not "đã … năng"). Only when no article has them together: each word anywhere.
      let found = null;
      let loose = false;
      if (terms.length > 1) {
        const pairs = searchPairs(terms);
        const [together, precise] = await Promise.all([pf.search(pairs.join(" "), options), pf.search([...pairs, ...terms].join(" "), options)]);
        if (together.results.length > 0 && precise.results.length > 0) found = precise;
        else loose = true;
      }
      if (!found) found = await pf.search(terms.length > 0 ? terms.join(" ") : null, options);
      if (mine !== generation) return;
      current = found.results;
      shown = 0;
      list.replaceChildren();
      await showMore(mine, terms);
      if (mine !== generation) return;
      const n = current.length.toLocaleString("vi-VN");
      say(current.length === 0 ? msg.msgNone : (loose ? msg.msgLoose : msg.msgCount).replace("{n}", n));
    } catch (error) {
      if (mine !== generation) return;
      pagefind = undefined; // retry the download next time
      list.replaceChildren();
      more.hidden = true;
      say(msg.msgError);
      console.error(error);
    } finally {
      if (mine === generation) list.removeAttribute("aria-busy");
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
    const terms = searchTerms(input.value);
    const words = terms.length > 1 ? [...searchPairs(terms), ...terms] : terms;
    if (words.length > 0) load().then((pf) => pf.preload(words.join(" ")), () => undefined);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", later);
  input.addEventListener("focus", () => load().catch(() => undefined), { once: true });
  province.addEventListener("change", run);
  year.addEventListener("change", run);
  more.addEventListener("click", () => {
    const mine = generation;
    showMore(mine, searchTerms(input.value)).catch(() => say(msg.msgError));
  });

  // A linked search (/tim-kiem/?q=…&tinh=…&nam=…) runs at once.
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const [select, key] of [[province, "tinh"], [year, "nam"]]) {
    const value = params.get(key) || "";
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }
  run();
}

const form = typeof document === "undefined" ? null : document.getElementById("tim-kiem");
if (form) start(form);
