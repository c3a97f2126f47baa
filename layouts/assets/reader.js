/* Reading tools, loaded in <head> without defer so the remembered text size
   is on <html> before the first paint (no layout shift). Everything else
   waits for clicks. No inline code anywhere: the CSP forbids it. ES5, so
   old phones run it too. */
(function () {
  var KEY = "co-chu";
  // Index 1 is the default size; classes map to --text-scale in site.css.
  var SIZES = ["text-sm", "", "text-lg", "text-xl", "text-xxl"];
  var DEFAULT = 1;
  var root = document.documentElement;

  function saved() {
    try {
      var n = parseInt(localStorage.getItem(KEY) || "", 10);
      return n >= 0 && n < SIZES.length ? n : DEFAULT;
    } catch (e) {
      return DEFAULT; // storage blocked (private mode, policy)
    }
  }

  function apply(n) {
    for (var i = 0; i < SIZES.length; i++) if (SIZES[i]) root.classList.remove(SIZES[i]);
    if (SIZES[n]) root.classList.add(SIZES[n]);
  }

  var level = saved();
  root.classList.add("js");
  apply(level);

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("[data-text-size],[data-print]") : null;
    if (!button) return;
    if (button.hasAttribute("data-print")) {
      window.print();
      return;
    }
    var step = button.getAttribute("data-text-size");
    level = step === "0" ? DEFAULT : Math.max(0, Math.min(SIZES.length - 1, level + (step === "+" ? 1 : -1)));
    apply(level);
    try {
      localStorage.setItem(KEY, String(level));
    } catch (e) {
      /* not remembered, still applied */
    }
  });

  // Another tab changed the size: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply((level = saved()));
  });
})();
