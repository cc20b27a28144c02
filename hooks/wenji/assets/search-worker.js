// wenji: stands in for Material's search worker when extra.wenji.search is "pagefind".
// It never answers, so Material's search box opens, closes and moves through results as
// usual but never searches or renders results itself; search.js does both with Pagefind.
