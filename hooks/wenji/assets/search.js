// wenji: search with Pagefind in Material's own search box (extra.wenji.search: pagefind).
//
// Material keeps its search box, overlay and keyboard handling; its worker is a silent
// stand-in (search-worker.js), so it never searches itself. This script queries the
// Pagefind bundle of the reader's edition (named by the page) and renders the
// results in Material's markup: a count in .md-search-result__meta, then one list item per
// page with the sections that matched. Only the first results' fragments are loaded; more
// are loaded when the reader scrolls to the end of the list.
(() => {
  const input = document.querySelector(".md-search__input");
  const output = document.querySelector("[data-md-component=search-result]");
  const configElement = document.getElementById("__config");
  if (!input || !output || !configElement) return;
  const meta = output.querySelector(".md-search-result__meta");
  const list = output.querySelector(".md-search-result__list");
  const config = JSON.parse(configElement.textContent);
  const t = (key, value) => {
    const text = (config.translations && config.translations[key]) || "";
    return value === undefined ? text : text.replace("#", String(value));
  };
  const highlight = (config.features || []).includes("search.highlight");
  const root = new URL(config.base || ".", location.href);
  if (!root.pathname.endsWith("/")) root.pathname += "/";

  const PAGE = 10; // results whose fragments are loaded at a time
  const SECTIONS = 3; // sections shown under a page before "more on this page"
  const DELAY = 150; // ms of quiet typing before a query runs
  const BEFORE = 20; // characters of context before a match in an excerpt
  const AFTER = 60; // and after it

  let engine = null;
  const pagefind = () => {
    // Each edition has its own bundle; the page names it (data-wenji-pagefind on <html>).
    const named = document.documentElement.dataset.wenjiPagefind || "pagefind/";
    const bundle = new URL(named, location.href);
    // A large edition is indexed in parts (wenji/indexer.py), listed in wenji-parts.json:
    // the first is the bundle itself, or "main" in a site merged from slices (wenji merge);
    // the others are merged into it.
    engine ??= fetch(new URL("wenji-parts.json", bundle))
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}))
      .then(async (listed) => {
        const main = new URL(listed.main || "", bundle);
        const module = await import(new URL("pagefind.js", main).href);
        await module.options({ baseUrl: root.pathname });
        await module.init();
        for (const part of listed.parts || []) {
          await module.mergeIndex(new URL(part, bundle).href, { baseUrl: root.pathname });
        }
        return module;
      });
    return engine;
  };

  // Material's count: 1.2k for large numbers.
  const round = (n) =>
    n > 999 ? `${((n + 0.000001) / 1000).toFixed(+((n - 950) % 1000 > 99))}k` : String(n);

  const element = (tag, className, ...children) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.append(...children);
    return el;
  };

  const href = (url, query) => {
    const target = new URL(url, location.origin);
    if (highlight) target.searchParams.set("h", query);
    return target.href;
  };

  // The index has every Han character as a word (a zero-width space between characters,
  // see wenji/search.py): a query is searched as the exact phrase of its characters.
  const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  const TOKEN = new RegExp(`[${HAN}]|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, "gu");
  const ZWSP = /\u200b/g;
  const tokens = (text) => text.toLocaleLowerCase().match(TOKEN) || [];

  // Where the query's words stand in a page: [first word, word count] of each occurrence.
  const occurrences = (words, parts) => {
    const found = [];
    for (const part of parts) {
      for (let i = 0; i + part.length <= words.length; i++) {
        if (part.every((token, k) => words[i + k] === token)) found.push([i, part.length]);
      }
    }
    return found.sort((a, b) => a[0] - b[0]);
  };

  // The words from..to of a passage first..last as a paragraph, the matched ones in <mark>.
  const passage = (words, [from, to], [first, last], marked) => {
    const p = element("p");
    let text = "";
    let mark = "";
    const flush = () => {
      if (text) p.append(text);
      if (mark) p.append(element("mark", "", mark));
      text = mark = "";
    };
    for (let i = from; i < to; i++) {
      if (marked.has(i)) {
        if (text) flush();
        mark += words[i];
      } else {
        if (mark) flush();
        text += words[i];
      }
    }
    flush();
    if (from > first) p.prepend("…");
    if (to < last) p.append("…");
    return p;
  };

  // A title with the query's words in <mark>.
  const titled = (tag, title, parts) => {
    const heading = element(tag);
    const needles = parts.map((part) => part.join("")).filter(Boolean);
    const lower = title.toLocaleLowerCase();
    let at = 0;
    while (at < title.length) {
      let next = -1;
      let length = 0;
      for (const needle of needles) {
        const i = lower.indexOf(needle, at);
        if (i >= 0 && (next < 0 || i < next)) [next, length] = [i, needle.length];
      }
      if (next < 0) break;
      heading.append(title.slice(at, next), element("mark", "", title.slice(next, next + length)));
      at = next + length;
    }
    heading.append(title.slice(at));
    return heading;
  };

  const link = (url, query, score, heading, paragraph) => {
    const article = element("article", "md-search-result__article md-typeset");
    article.dataset.mdScore = score.toFixed(2);
    if (heading.tagName === "H1") article.append(element("div", "md-search-result__icon md-icon"));
    article.append(heading);
    if (paragraph) article.append(paragraph);
    const a = element("a", "md-search-result__link", article);
    a.href = href(url, query);
    a.tabIndex = -1;
    return a;
  };

  // One page: its title, then its sections that contain the query, most matches first.
  // Pagefind's fragment has the page's words (split by zero-width spaces, as indexed) and
  // the word position of every element with an id: headings start sections, and the first
  // element after a heading starts its text.
  const item = (data, score, query, parts) => {
    const words = (data.raw_content || "").split("\u200b");
    const found = occurrences(
      words.map((word) => word.trim().toLocaleLowerCase()),
      parts,
    );
    const marked = new Set(found.flatMap(([at, n]) => Array.from({ length: n }, (_, k) => at + k)));
    const anchors = [...(data.anchors || [])].sort((a, b) => a.location - b.location);
    const headings = anchors.filter(
      (a) => /^h[1-6]$/i.test(a.element) && a.id && (a.text || "").trim(),
    );
    const heading = headings.find((a) => a.element.toLowerCase() === "h1");
    const sections = headings.filter((a) => a !== heading);
    const textAfter = (anchor) => anchors.find((a) => a.location > anchor.location)?.location;
    // Region -1 is the page before its first section; region i is section i.
    const region = (i) => {
      const start = i < 0 ? 0 : sections[i].location;
      const end = i + 1 < sections.length ? sections[i + 1].location : words.length;
      const owner = i < 0 ? heading : sections[i];
      const body = owner ? Math.min(textAfter(owner) ?? end, end) : start;
      return { start, end, body };
    };
    const byRegion = new Map();
    for (const occurrence of found) {
      let i = -1;
      while (i + 1 < sections.length && sections[i + 1].location <= occurrence[0]) i++;
      if (!byRegion.has(i)) byRegion.set(i, []);
      byRegion.get(i).push(occurrence);
    }
    const excerpt = (i) => {
      const { end, body } = region(i);
      const hit = (byRegion.get(i) || []).find(([at]) => at >= body);
      if (!hit && i < 0) return null; // only the title matched: it shows the match
      const from = hit ? Math.max(body, hit[0] - BEFORE) : body;
      const to = Math.min(end, hit ? hit[0] + hit[1] + AFTER : body + AFTER);
      return passage(words, [from, to], [body, end], marked);
    };
    const title = ((data.meta && data.meta.title) || data.url).replace(ZWSP, "");
    const page = data.url.split("#")[0];
    const li = element(
      "li",
      "md-search-result__item",
      link(page, query, score, titled("h1", title, parts), byRegion.has(-1) ? excerpt(-1) : null),
    );
    const ranked = [...byRegion.entries()]
      .filter(([i]) => i >= 0)
      .sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    const sectionLink = ([i]) =>
      link(
        `${page}#${sections[i].id}`,
        query,
        score,
        titled("h2", sections[i].text.replace(ZWSP, ""), parts),
        excerpt(i),
      );
    li.append(...ranked.slice(0, SECTIONS).map(sectionLink));
    const more = ranked.slice(SECTIONS);
    if (more.length) {
      const label =
        more.length === 1 ? t("search.result.more.one") : t("search.result.more.other", more.length);
      const summary = element("summary", "", element("div", "", label));
      summary.tabIndex = -1;
      li.append(element("details", "md-search-result__more", summary, ...more.map(sectionLink)));
    }
    return li;
  };

  let generation = 0; // the latest query; older ones stop rendering
  let observer = null;

  const reset = (text) => {
    observer?.disconnect();
    meta.textContent = text;
    list.replaceChildren();
  };

  const renderFrom = async (results, start, query, parts, current) => {
    const batch = results.slice(start, start + PAGE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    const items = data.map((page, i) => item(page, batch[i].score, query, parts));
    list.append(...items);
    const next = start + PAGE;
    if (next < results.length && items.length) {
      observer = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        renderFrom(results, next, query, parts, current);
      });
      observer.observe(items[items.length - 1]);
    }
  };

  // Pages that contain every part of the query as written, best first. Pagefind's exact
  // search finds the pages of each phrase (but ranks them all alike); its ordinary search
  // for the same characters ranks them. Both read the same index chunks.
  const find = async (engine, parts) => {
    const phrases = await Promise.all(
      parts.map((part) => engine.search(`"${part.join(" ")}"`)),
    );
    const ranked = await engine.search(parts.flat().join(" "));
    let ids = null;
    for (const phrase of phrases) {
      const found = new Set((phrase?.results || []).map((result) => result.id));
      ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
    }
    return (ranked?.results || []).filter((result) => ids.has(result.id));
  };

  const run = async (query, current) => {
    const parts = query.split(/\s+/).map(tokens).filter((part) => part.length);
    let results = [];
    try {
      if (parts.length) results = await find(await pagefind(), parts);
    } catch (error) {
      console.warn("wenji: search is unavailable", error);
    }
    if (current !== generation) return;
    reset(
      results.length === 0
        ? t("search.result.none")
        : results.length === 1
          ? t("search.result.one")
          : t("search.result.other", round(results.length)),
    );
    await renderFrom(results, 0, query, parts, current);
  };

  let timer = 0;
  const schedule = () => {
    const current = ++generation;
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      reset(t("search.result.placeholder"));
      return;
    }
    timer = setTimeout(() => run(query, current), DELAY);
  };

  input.addEventListener("input", (event) => {
    if (!event.isComposing) schedule(); // wait for the input method to commit the words
  });
  input.addEventListener("compositionend", schedule);
  input.addEventListener("focus", () => pagefind().catch(() => {}), { once: true });
  input.form?.addEventListener("reset", () => setTimeout(schedule));

  // Material shows "initialising" until its worker is ready, which the stand-in never is.
  if (input.value.trim()) schedule(); // a ?q= link, filled in by Material
  else meta.textContent = t("search.result.placeholder");
})();
