/* Search for the offline copy, opened from disk where Pagefind cannot run (browsers block its
   module and index requests on file://). The same records as the online index, loaded with a
   <script> tag, behind the small part of Pagefind's API that hub.js uses. */
(function () {
  "use strict";

  function fold(text) {
    // case and accents do not matter to the reader; Vietnamese and Thai keep their letters
    return text.toLocaleLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }

  function words(query) {
    return fold(query).split(/[\s.,;:!?"'()«»“”‘’/-]+/).filter(Boolean);
  }

  function matches(value, rule) {
    // rule: ["a"] (all), {any: [...]}, {none: [...]}, {all: [...]}
    if (Array.isArray(rule)) rule = { all: rule };
    if (rule.any && !rule.any.some(function (v) { return value.indexOf(v) >= 0; })) return false;
    if (rule.all && !rule.all.every(function (v) { return value.indexOf(v) >= 0; })) return false;
    if (rule.none && rule.none.some(function (v) { return value.indexOf(v) >= 0; })) return false;
    return true;
  }

  function excerpt(text, terms) {
    var folded = fold(text);
    var at = terms.length ? folded.indexOf(terms[0]) : 0;
    var start = Math.max(0, at - 80);
    var piece = text.slice(start, start + 220);
    var out = "";
    var lower = fold(piece);
    var i = 0;
    while (i < piece.length) {
      var hit = null;
      terms.forEach(function (t) { if (!hit && t && lower.indexOf(t, i) === i) hit = t; });
      if (hit) { out += "<mark>" + escape(piece.slice(i, i + hit.length)) + "</mark>"; i += hit.length; }
      else { out += escape(piece[i]); i += 1; }
    }
    return (start > 0 ? "… " : "") + out + (start + 220 < text.length ? " …" : "");
  }

  function escape(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function Engine(data) {
    this.records = data.records.map(function (r) {
      return { meta: r.meta, filters: r.filters, text: r.content, folded: fold(r.meta.title + " " + r.content),
        title: fold(r.meta.title), date: r.date };
    });
  }

  Engine.prototype.options = function () { return Promise.resolve(); };
  Engine.prototype.init = function () { return Promise.resolve(); };

  Engine.prototype.count = function (records) {
    var counts = {};
    records.forEach(function (r) {
      Object.keys(r.filters).forEach(function (name) {
        counts[name] = counts[name] || {};
        r.filters[name].forEach(function (v) { counts[name][v] = (counts[name][v] || 0) + 1; });
      });
    });
    return counts;
  };

  Engine.prototype.filters = function () { return Promise.resolve(this.count(this.records)); };

  Engine.prototype.search = function (query, options) {
    var terms = query ? words(query) : [];
    var filters = (options && options.filters) || {};
    var found = this.records.filter(function (r) {
      if (!terms.every(function (t) { return r.folded.indexOf(t) >= 0; })) return false;
      return Object.keys(filters).every(function (name) { return matches(r.filters[name] || [], filters[name]); });
    });
    var scored = found.map(function (r) {
      var score = terms.reduce(function (s, t) { return s + (r.title.indexOf(t) >= 0 ? 3 : 1); }, 0);
      return { r: r, score: score };
    });
    scored.sort(function (a, b) {
      return terms.length && b.score !== a.score ? b.score - a.score : (b.r.date || "").localeCompare(a.r.date || "");
    });
    var results = scored.map(function (s) {
      return { score: s.score, data: function () {
        return Promise.resolve({ meta: s.r.meta, excerpt: excerpt(s.r.text, terms) });
      } };
    });
    return Promise.resolve({ results: results, filters: this.count(found) });
  };

  window.hubOfflineSearch = function (data) { return new Engine(data); };
})();
