/* Search page (/tim-kiem/): reads the site's own search index (written by
   src/search/search-index.ts: a manifest, word shards, one record per
   article, filter lists) from the folder the page names in data-bundle,
   only once a search starts. Ranks by relevance (BM25 impacts from the
   index × IDF) or newest first, matches quoted phrases through the adjacent
   word pairs the index holds, and shows an excerpt of each article's text
   around the words that matched, highlighted.

   No inline code and no HTML strings: results are built with DOM methods
   and text nodes, so article text (untrusted, like the whole index) is
   never parsed as markup. The Vietnamese messages come from data-*
   attributes the server rendered from src/ui-strings.ts. An ES module: the
   exported functions are the search itself, used by the page below and by
   tests and scripts/bench-search.ts in Node with another loader. */

/** Lowercase, no tone or vowel marks, đ → d. Keep identical to foldVietnamese in src/search/fold.ts. */
export function foldVietnamese(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[đð]/g, "d");
}

/** The query as the index spells words: folded, punctuation (and phrase quotes) as spaces. */
export function searchTerms(text) {
  return foldVietnamese(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Adjacent pairs of words, as the index also holds them ("da nang" →
 * "_da_nang"): Vietnamese words are syllables, so "Đà Nẵng" must match as a
 * pair, not as "đã" … "năng" anywhere. Keep identical to wordPairs in
 * src/search/fold.ts.
 */
export function searchPairs(terms) {
  return terms.slice(1).map((term, i) => `_${terms[i]}_${term}`);
}

/** FNV-1a over UTF-16 code units: the shard of a word. Keep identical to bucketOf in src/search/search-index.ts. */
export function bucketOf(word, buckets) {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (buckets - 1);
}

/** A query is cut to this many characters and words: each word costs a download. */
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 12;

/**
 * Splits a query into loose words and quoted phrases ("…", “…”; an
 * unclosed quote runs to the end). `runs` are the loose words in the
 * stretches between phrases, for pairs of words typed side by side.
 */
export function parseQuery(text) {
  const parts = String(text).slice(0, MAX_QUERY_CHARS).split(/["“”„«»]/);
  const runs = [];
  const phrases = [];
  let budget = MAX_QUERY_WORDS;
  parts.forEach((part, i) => {
    const words = searchTerms(part).slice(0, Math.max(0, budget));
    budget -= words.length;
    if (words.length === 0) return;
    if (i % 2 === 1) phrases.push(words);
    else runs.push(words);
  });
  const loose = [...new Set(runs.flat())];
  return { loose, runs, phrases };
}

/** True when the query has something to search for. */
export function hasTerms(query) {
  return query.loose.length > 0 || query.phrases.length > 0;
}

const EMPTY = { ids: new Int32Array(0), impacts: new Uint8Array(0) };

/** Impact characters → level + 1 (1…64). Keep the alphabet identical to IMPACT_DIGITS in src/search/search-index.ts. */
export const IMPACT_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const IMPACT_LEVEL = [];
for (let i = 0; i < IMPACT_DIGITS.length; i++) IMPACT_LEVEL[IMPACT_DIGITS.charCodeAt(i)] = i + 1;

/**
 * The search index of one site. `load(path)` returns the parsed JSON of a
 * file of the bundle (path relative to the bundle folder), decompressed.
 * Document ids follow the date, oldest first (search-index.ts).
 */
export class SearchIndex {
  constructor(manifest, load) {
    if (!manifest || manifest.format !== 2 || typeof manifest.version !== "string" || !/^[0-9a-f]+$/.test(manifest.version)) throw new Error("search index: unknown format");
    this.manifest = manifest;
    this.load = load;
    this.base = "v/";
    this.shards = new Map();
    this.documents = new Map();
    this.unitLists = new Map();
    // Years by first id: where records are (recordPath in src/search/search-index.ts).
    this.yearRanges = Object.entries(manifest.years && typeof manifest.years === "object" ? manifest.years : {})
      .filter(([year, range]) => /^\d{1,6}$/.test(year) && Array.isArray(range) && Number.isInteger(range[0]) && Number.isInteger(range[1]))
      .sort((a, b) => a[1][0] - b[1][0]);
  }

  /** The file of document `id`'s record: `d/<year>/<id - the year's first id>.dat`. */
  recordPath(id) {
    const found = this.yearRanges.find(([, [first, last]]) => id >= first && id <= last);
    return found ? `${this.base}d/${found[0]}/${id - found[1][0]}.dat` : null;
  }

  shard(bucket) {
    let job = this.shards.get(bucket);
    if (!job) {
      job = this.load(`${this.base}w/${bucket}.dat`).then((entries) => {
        const words = new Map();
        for (const entry of Array.isArray(entries) ? entries : []) {
          if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Array.isArray(entry[1]) || typeof entry[2] !== "string") continue;
          const deltas = entry[1];
          const ids = new Int32Array(deltas.length);
          const impacts = new Uint8Array(deltas.length);
          let id = 0;
          for (let i = 0; i < deltas.length; i++) {
            ids[i] = id += Number(deltas[i]) | 0;
            impacts[i] = IMPACT_LEVEL[entry[2].charCodeAt(i)] ?? 0;
          }
          words.set(entry[0], { ids, impacts });
        }
        return words;
      });
      job.catch(() => this.shards.delete(bucket));
      this.shards.set(bucket, job);
    }
    return job;
  }

  /** Documents holding a folded word (or pair): ids ascending, with impacts. */
  async postings(word) {
    return (await this.shard(bucketOf(word, this.manifest.buckets))).get(word) ?? EMPTY;
  }

  /** Ids of a unit's articles (a Set), or null for an unknown unit. */
  unit(name) {
    const file = Object.hasOwn(this.manifest.units, name) ? this.manifest.units[name] : undefined;
    if (typeof file !== "number") return Promise.resolve(null);
    let job = this.unitLists.get(file);
    if (!job) {
      job = this.load(`${this.base}f/${file}.dat`).then((deltas) => {
        const ids = new Set();
        let id = 0;
        for (const d of Array.isArray(deltas) ? deltas : []) ids.add((id += Number(d) | 0));
        return ids;
      });
      job.catch(() => this.unitLists.delete(file));
      this.unitLists.set(file, job);
    }
    return job;
  }

  /** The record of a result (search-document.ts), as plain strings. */
  document(id) {
    let job = this.documents.get(id);
    if (!job) {
      const file = this.recordPath(id);
      job = file ? this.load(file).then(cleanDocument) : Promise.reject(new Error(`search index: no record for ${id}`));
      job.catch(() => this.documents.delete(id));
      this.documents.set(id, job);
    }
    return job;
  }

  /**
   * Searches. `filters`: { unit: name, year: "2016" } (optional);
   * `sort`: "relevance" or "newest". Returns { ids, complete, partial }:
   * ids in order, how many have every word (they come first), how many some.
   */
  async search(query, filters = {}, sort = "relevance") {
    const N = this.manifest.docs;
    const pairs = [...new Set(query.runs.flatMap(searchPairs))];
    const required = [...new Set(query.phrases.flatMap((p) => (p.length === 1 ? p : searchPairs(p))))];
    const words = [...new Set([...query.loose, ...pairs, ...required])];
    const [lists, unitIds] = await Promise.all([Promise.all(words.map((w) => this.postings(w))), filters.unit ? this.unit(filters.unit) : Promise.resolve(undefined)]);
    const byWord = new Map(words.map((w, i) => [w, lists[i]]));
    const range = filters.year ? this.manifest.years[filters.year] : undefined;
    const inFilter = (id) => (unitIds === undefined || (unitIds !== null && unitIds.has(id))) && (!filters.year || (Array.isArray(range) && id >= range[0] && id <= range[1]));

    const score = new Float64Array(N);
    const matched = new Uint8Array(N);
    const hits = new Uint8Array(N);
    const idf = (df) => Math.log(1 + (N - df + 0.5) / (df + 0.5));
    const add = (list) => {
      const weight = idf(list.ids.length);
      for (let i = 0; i < list.ids.length; i++) score[list.ids[i]] += (weight * list.impacts[i]) / 64;
    };
    for (const w of query.loose) {
      const list = byWord.get(w) ?? EMPTY;
      add(list);
      for (const id of list.ids) matched[id]++;
    }
    for (const p of pairs) add(byWord.get(p) ?? EMPTY);
    for (const r of required) {
      const list = byWord.get(r) ?? EMPTY;
      add(list);
      for (const id of list.ids) hits[id]++;
    }

    const ids = [];
    if (required.length > 0) {
      // Phrases are required: every pair of each phrase, in order, on the page.
      const first = byWord.get(required[0]) ?? EMPTY;
      for (let i = first.ids.length - 1; i >= 0; i--) if (hits[first.ids[i]] === required.length && inFilter(first.ids[i])) ids.push(first.ids[i]);
    } else if (query.loose.length > 0) {
      for (let id = N - 1; id >= 0; id--) if (matched[id] > 0 && inFilter(id)) ids.push(id);
    } else if (filters.unit || filters.year) {
      for (let id = N - 1; id >= 0; id--) if (inFilter(id)) ids.push(id);
    }
    const all = query.loose.length;
    // Higher ids are newer.
    if (sort === "newest") ids.sort((a, b) => matched[b] - matched[a] || b - a);
    else ids.sort((a, b) => matched[b] - matched[a] || score[b] - score[a] || b - a);
    let complete = 0;
    for (const id of ids) if (matched[id] === all) complete++;
    return { ids, complete, partial: ids.length - complete };
  }
}

function cleanDocument(d) {
  const s = (v) => (typeof v === "string" ? v : "");
  const list = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);
  const doc = d && typeof d === "object" ? d : {};
  return { url: s(doc.u), title: s(doc.t), day: s(doc.d), unit: s(doc.p), text: s(doc.x), agency: s(doc.a), officials: list(doc.o), awards: list(doc.k), tags: list(doc.g) };
}

/** Words of a text with their places: [{start, end, folded}]. */
function tokens(text) {
  const out = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) out.push({ start: m.index, end: m.index + m[0].length, folded: foldVietnamese(m[0]) });
  return out;
}

/**
 * Which words of `text` match the query: a Uint8Array over tokens(text),
 * 1 for a loose word, 2 for a word of a quoted phrase found in order.
 */
function matches(toks, query) {
  const marks = new Uint8Array(toks.length);
  const loose = new Set(query.loose);
  toks.forEach((t, i) => {
    if (loose.has(t.folded)) marks[i] = 1;
  });
  for (const phrase of query.phrases) {
    for (let i = 0; i + phrase.length <= toks.length; i++) {
      if (phrase.every((w, j) => toks[i + j].folded === w)) for (let j = 0; j < phrase.length; j++) marks[i + j] = 2;
    }
  }
  return marks;
}

/**
 * Text cut into pieces to show: [{text, mark}], where `mark` pieces are the
 * words that matched. With `words`, only a window of that many words around
 * the best cluster of matches (else the opening words), with "…" where cut.
 * Returns null when a window is asked for and nothing matched. `toks`:
 * tokens(text), when the caller has them already.
 */
export function highlight(text, query, words = 0, toks = tokens(text)) {
  const marks = matches(toks, query);
  let from = 0;
  let to = toks.length;
  if (words > 0) {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < toks.length; i++) {
      if (!marks[i] || (i > 0 && marks[i - 1])) continue;
      const seen = new Set();
      let count = 0;
      for (let j = i; j < Math.min(toks.length, i + words); j++) {
        if (marks[j]) {
          seen.add(toks[j].folded);
          count++;
        }
      }
      const s = seen.size * 100 + count;
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    if (best < 0) return null;
    from = Math.max(0, best - Math.floor(words / 4));
    to = Math.min(toks.length, from + words);
    from = Math.max(0, to - words);
  }
  const pieces = [];
  const startChar = from > 0 ? toks[from].start : 0;
  const endChar = to < toks.length ? toks[to - 1].end : text.length;
  if (from > 0) pieces.push({ text: "… ", mark: false });
  let at = startChar;
  for (let i = from; i < to; i++) {
    if (!marks[i]) continue;
    if (toks[i].start > at) pieces.push({ text: text.slice(at, toks[i].start), mark: false });
    pieces.push({ text: text.slice(toks[i].start, toks[i].end), mark: true });
    at = toks[i].end;
  }
  if (endChar > at) pieces.push({ text: text.slice(at, endChar), mark: false });
  if (to < toks.length) pieces.push({ text: " …", mark: false });
  return pieces;
}

/**
 * What a result shows under its title: the body around the matches, else
 * the first field that matched (agency, officials, awards, tags) with its
 * label key, else the opening words of the body.
 */
export function excerptOf(doc, query, words = 30) {
  // The body is tokenised (and each word folded) once, for the window and for the fallback.
  const toks = tokens(doc.text);
  const body = highlight(doc.text, query, words, toks);
  if (body) return { field: "", pieces: body };
  for (const [field, values] of [["agency", doc.agency ? [doc.agency] : []], ["officials", doc.officials], ["awards", doc.awards], ["tags", doc.tags]]) {
    for (const value of values) {
      const pieces = highlight(value, query);
      if (pieces.some((p) => p.mark)) return { field, pieces };
    }
  }
  const end = toks.length > words ? toks[words - 1].end : doc.text.length;
  return { field: "", pieces: [{ text: doc.text.slice(0, end) + (end < doc.text.length ? " …" : ""), mark: false }] };
}

/** Parses a bundle file: gzip (checked by its first bytes) or plain JSON. */
async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let text;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    text = await new Response(stream).text();
  } else {
    text = new TextDecoder().decode(bytes);
  }
  return JSON.parse(text);
}

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;
const EXCERPT_WORDS = 30;

function start(form) {
  const input = form.elements.namedItem("q");
  const province = form.elements.namedItem("tinh");
  const year = form.elements.namedItem("nam");
  const order = form.elements.namedItem("sap-xep");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const msg = form.dataset;
  let index; // promise of the SearchIndex, once loaded
  let current = { ids: [] };
  let shown = 0;
  let generation = 0;
  let timer;

  function load() {
    // Files keep their names from build to build; the manifest's version in the address keeps a cached copy from outliving its build.
    index ??= fetchJson(`${msg.bundle}index.json`).then((manifest) => new SearchIndex(manifest, (file) => fetchJson(`${msg.bundle}${file}?v=${encodeURIComponent(manifest.version)}`)));
    return index;
  }

  function say(text) {
    status.textContent = text;
  }

  function state() {
    return { q: input.value.trim(), tinh: province.value, nam: year.value, sapXep: order.value };
  }

  function syncUrl(s) {
    const params = new URLSearchParams();
    if (s.q) params.set("q", s.q);
    if (s.tinh) params.set("tinh", s.tinh);
    if (s.nam) params.set("nam", s.nam);
    if (s.sapXep) params.set("sap-xep", s.sapXep);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  function render(parent, pieces) {
    for (const piece of pieces) {
      if (piece.mark) {
        const mark = document.createElement("mark");
        mark.textContent = piece.text;
        parent.append(mark);
      } else {
        parent.append(piece.text);
      }
    }
  }

  function card(doc, query) {
    const item = document.createElement("li");
    item.className = "card";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    // Record URLs are site paths ("/gia-lai/…"); data-base puts them under the site's base path.
    link.href = doc.url.startsWith("/") && !doc.url.startsWith("//") ? msg.base + doc.url.slice(1) : msg.base;
    render(link, highlight(doc.title || doc.url, query));
    heading.append(link);
    const line = document.createElement("p");
    line.className = "meta";
    if (/^\d{4}-\d{2}-\d{2}$/.test(doc.day)) {
      const time = document.createElement("time");
      time.dateTime = doc.day;
      time.textContent = doc.day.split("-").reverse().join("/");
      line.append(time);
    }
    if (doc.unit) {
      if (line.childNodes.length > 0) line.append(" · ");
      render(line, highlight(doc.unit, query));
    }
    item.append(heading, line);
    const excerpt = excerptOf(doc, query, EXCERPT_WORDS);
    const p = document.createElement("p");
    p.className = "excerpt";
    if (excerpt.field) {
      const label = document.createElement("span");
      label.className = "excerpt-field";
      label.textContent = `${msg[`field${excerpt.field[0].toUpperCase()}${excerpt.field.slice(1)}`] || ""}: `;
      p.append(label);
    }
    render(p, excerpt.pieces);
    item.append(p);
    return item;
  }

  async function showMore(mine, query) {
    const idx = await load();
    const batch = current.ids.slice(shown, shown + PAGE_SIZE);
    const docs = await Promise.all(batch.map((id) => idx.document(id)));
    if (mine !== generation) return;
    list.append(...docs.map((d) => card(d, query)));
    shown += batch.length;
    more.hidden = shown >= current.ids.length;
  }

  function summary(found, query) {
    const n = (x) => x.toLocaleString("vi-VN");
    if (found.ids.length === 0) return msg.msgNone;
    if (query.loose.length < 2 || found.partial === 0) return msg.msgCount.replace("{n}", n(found.ids.length));
    if (found.complete === 0) return msg.msgLoose.replace("{n}", n(found.partial));
    return msg.msgPartial.replace("{n}", n(found.complete)).replace("{m}", n(found.partial));
  }

  async function run() {
    clearTimeout(timer);
    const mine = ++generation;
    const s = state();
    syncUrl(s);
    const query = parseQuery(s.q);
    if (!hasTerms(query) && !s.tinh && !s.nam) {
      list.replaceChildren();
      more.hidden = true;
      say("");
      return;
    }
    say(msg.msgSearching);
    list.setAttribute("aria-busy", "true");
    try {
      const idx = await load();
      const found = await idx.search(query, { unit: s.tinh, year: s.nam }, s.sapXep === "moi-nhat" ? "newest" : "relevance");
      if (mine !== generation) return;
      current = found;
      shown = 0;
      list.replaceChildren();
      await showMore(mine, query);
      if (mine !== generation) return;
      say(summary(found, query));
    } catch (error) {
      if (mine !== generation) return;
      index = undefined; // retry the download next time
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
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", later);
  input.addEventListener("focus", () => load().catch(() => undefined), { once: true });
  for (const select of [province, year, order]) select.addEventListener("change", run);
  more.addEventListener("click", () => {
    const mine = generation;
    showMore(mine, parseQuery(input.value)).catch(() => say(msg.msgError));
  });

  // A linked search (/tim-kiem/?q=…&tinh=…&nam=…&sap-xep=moi-nhat) runs at once.
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const [select, key] of [[province, "tinh"], [year, "nam"], [order, "sap-xep"]]) {
    const value = params.get(key) || "";
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }
  run();
}

const form = typeof document === "undefined" ? null : document.getElementById("tim-kiem");
if (form) start(form);
