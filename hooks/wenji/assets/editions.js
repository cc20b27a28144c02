// wenji: the script switcher keeps the section being read. Its links already point at the
// same page in the other edition; this adds the #section the reader is at. It runs in the
// capture phase, before Material's own handler, which only knows one-edition-per-site.
document.addEventListener(
  "click",
  (event) => {
    const link =
      event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation();
    window.location.href = link.href.split("#")[0] + window.location.hash;
  },
  true,
);

// Material reads every <link rel="alternate" hreflang> as the root of a one-language site and
// fetches sitemap.xml below it, once, when the document is loaded. Ours point at this very
// page in the other edition (what hreflang means), so every page view cost two 404s. Hide
// them from that one look (Material's listener was added first, by the bundle loaded before
// this script, so it runs first) and put them back right after, for anything reading the DOM.
(() => {
  const alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (const link of alternates) link.rel = "wenji-alternate";
  document.addEventListener(
    "DOMContentLoaded",
    () => {
      for (const link of alternates) link.rel = "alternate";
    },
    { once: true },
  );
})();
