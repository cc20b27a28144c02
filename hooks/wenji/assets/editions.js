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
