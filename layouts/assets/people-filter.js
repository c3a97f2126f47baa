/* People directory (/nhan-vat/): filters the list by name as the reader
   types, with or without Vietnamese diacritics ("dung" finds "Dũng", "đ"
   included). No inline code, no HTML strings: it only toggles `hidden` on
   the server-rendered list, and its messages come from data-* attributes
   rendered from src/ui-strings.ts. An ES module: it exports foldVietnamese
   and matchesName so test/people.test.ts can check them against
   src/search/fold.ts. */

/** Lowercase, no tone or vowel marks, đ → d. Keep identical to foldVietnamese in src/search/fold.ts. */
export function foldVietnamese(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[đð]/g, "d");
}

/** The query's words, folded. */
export function queryWords(text) {
  return foldVietnamese(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether a folded name has every query word at the start of one of its words, in any order ("dung nguyen" finds "Nguyễn Dũng"). */
export function matchesName(foldedName, words) {
  const nameWords = foldedName.split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}

function start(form) {
  const input = form.querySelector("input");
  const status = document.getElementById(form.dataset.status);
  const list = document.getElementById(form.getAttribute("aria-controls"));
  const groups = [...list.querySelectorAll("[data-group]")].map((group) => ({
    group,
    items: [...group.querySelectorAll("li")].map((item) => ({ item, name: foldVietnamese(item.querySelector("a").textContent) })),
  }));
  let timer;

  function run() {
    const words = queryWords(input.value);
    let shown = 0;
    for (const { group, items } of groups) {
      let inGroup = 0;
      for (const { item, name } of items) {
        const show = words.length === 0 || matchesName(name, words);
        item.hidden = !show;
        if (show) inGroup++;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    status.textContent = words.length === 0 ? "" : shown === 0 ? form.dataset.msgNone : form.dataset.msgCount.replace("{n}", shown.toLocaleString("vi-VN"));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.hidden = false;
  if (input.value) run();
}

const form = typeof document === "undefined" ? null : document.getElementById("loc-nhan-vat");
if (form) start(form);
