/* Search for the offline copy, opened from disk where Pagefind cannot run (browsers block its
   module and index requests on file://). The same records as the online index, loaded with a
   <script> tag, behind the small part of Pagefind's API that hub-search.js uses. */
(function () {
  "use strict";

  // Case and accents do not matter to the reader. Each character folds to one character, so that
  // a match's place in the folded text is its place in the text (Thai ำ would otherwise become two).
  var folded = {};
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (!(c in folded)) {
        var f = c.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace("đ", "d");
        folded[c] = f.length === 1 ? f : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
      }
      out += folded[c];
    }
    // Thai: a vowel mark typed after its letter's tone mark looks the same; Unicode's order is the
    // vowel first ("ที่": ท, ี, ่), as hub-search.js and the online index have it.
    return out.replace(/([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E3A\u0E47])/g, "$2$1");
  }

  // A word with a hyphen is one word with or without it ("co-operatives" finds "cooperatives"), as
  // Pagefind reads it online; where no text holds it so, its parts are searched apart (Engine.search).
  function words(query, lang) {
    return fold(query).split(/[\s.,;:!?"'()«»“”‘’/]+/).map(function (w) { return w.replace(/^-+|-+$/g, ""); })
      .filter(Boolean).map(function (w) {
        var t = term(w, lang);
        if (w.indexOf("-") > 0) t.parts = w.split(/-+/).map(function (part) { return term(part, lang); });
        return t;
      });
  }

  // A query word matches the start of a word in the text ("art" finds "article", not "part"),
  // and so does its singular: without a plural -s ("minas" finds "mina"), -ies as -y
  // ("communities" finds "community"), and without -es where a plural adds it to a whole word
  // ("regiones" finds "región", "approaches" finds "approach"; "mines" does not find "minister").
  // Thai is written without spaces between words, so a Thai word may start anywhere.
  var UNSPACED = /[\u0E00-\u0E7F]/;
  var LETTER = "[\\p{L}\\p{N}]";
  function term(word, lang) {
    var forms = [pattern(word)];
    if (!UNSPACED.test(word) && word.length > 3 && /s$/.test(word)) {
      forms = [pattern(word.slice(0, -1))];
      if (word.length > 4 && /ies$/.test(word)) forms.push(pattern(word.slice(0, -3) + "y"));
      if (word.length > 4 && /[^aeiou]es$/.test(word)) forms.push(pattern(word.slice(0, -2)) + "(?!" + LETTER + ")");
    }
    if (ENDINGS[lang] && /^[a-z]+$/.test(word)) forms = forms.concat(ENDINGS[lang](word));
    var start = UNSPACED.test(word) ? "" : "(?:^|[^\\p{L}\\p{N}])";
    return { pattern: new RegExp(start + "(" + forms.join("|") + ")", "gu") };
  }

  // The forms a word takes in the page's language, as regular expressions, where Pagefind has a
  // stemmer for it online (a full one each: here only the endings that matter most).
  var ENDINGS = {
    en: function (word) { return englishForm(word.replace(/s$/, "")); },
    es: spanishForm,
    id: function (word) { return roots(word).map(affixed); }
  };

  // English -ing and -ed, which Pagefind's English stemmer takes off online: "mining" finds
  // "mine" and "mines", "planned" finds "plan", and "mine" finds "mining". The word's core (the
  // stem without its e: "min", "hous", "plan") matches with these endings only, so that "evening"
  // does not find "events". A stem without a vowel was not one ("ring", "red"); a short stem
  // had lost its e ("mining", "used") and needs an ending ("use", not "us").
  function englishForm(word) {
    var m = /^(.+?)(ing|ed)$/.exec(word), core = null;
    if (m && /[aeiouy]/.test(m[1])) {
      core = /([bdfgklmnprstvz])\1$/.test(m[1]) ? m[1].slice(0, -1) : m[1].replace(/e$/, "");
    } else if (word.length >= 3 && /[^aeiou]e$/.test(word)) {
      core = word.slice(0, -1);
    }
    if (!core || !/[aeiouy]/.test(core)) return [];
    var endings = "(?:e|es|ed|er|ers|ing" + (core.length >= 4 ? "|s)?" : ")");
    return [pattern(core) + "(?:" + pattern(core.slice(-1)) + ")?" + endings + "(?!" + LETTER + ")"];
  }

  // Spanish masculine and feminine, singular and plural, which Pagefind's Spanish stemmer joins
  // online: "minero" finds "mineras", "trabajadores" finds "trabajadoras". The core keeps four
  // letters, so that "mina" (a mine) does not find "mino", nor "casa" (a house) "caso" (a case).
  function spanishForm(word) {
    var m = /^(.{4,}?)(os|as|es|o|a)$/.exec(word);
    return m && /[aeiou]/.test(m[1]) ? [pattern(m[1]) + "(?:o|a|os|as|es)?(?!" + LETTER + ")"] : [];
  }

  // Indonesian builds words with prefixes and suffixes around a root: "tambang" (mine),
  // "pertambangan" (mining), "penambang" (miner), "menambang" (to mine). Online, Pagefind stems
  // Indonesian words; here a query word is taken back to the roots it may come from, and each
  // root matches the start of a word with or without its prefixes.
  // A root keeps two syllables ("bumi" stays whole), so that short words do not match everything.
  function syllables(word) {
    return (word.match(/[aeiou]+/g) || []).length;
  }

  function withoutEnding(word, endings) {
    for (var i = 0; i < endings.length; i++) {
      var rest = word.slice(0, -endings[i].length);
      if (word.slice(-endings[i].length) === endings[i] && syllables(rest) >= 2) return rest;
    }
    return word;
  }

  var VOWEL_START = /^[aeiou]/;
  // A prefix, and the roots the rest of the word may be: meN- and peN- change the root's first
  // sound ("menanam" from "tanam", "memukul" from "pukul", "menyapu" from "sapu", "mengirim"
  // from "kirim" or "mengambil" from "ambil").
  var PREFIXES = [
    ["meny", sRoot], ["peny", sRoot], ["meng", kRoot], ["peng", kRoot], ["mem", pRoot], ["pem", pRoot],
    ["men", tRoot], ["pen", tRoot], ["me", sonorantRoot],
    ["memper", same], ["diper", same], ["ber", same], ["per", same], ["ter", same],
    ["be", consonantRoot], ["pe", consonantRoot], ["di", same], ["ke", same], ["se", same]
  ];
  function sRoot(r) { return ["s" + r]; }
  function kRoot(r) { return VOWEL_START.test(r) ? [r, "k" + r] : [r]; }
  function pRoot(r) { return VOWEL_START.test(r) ? ["p" + r] : [r]; }
  function tRoot(r) { return VOWEL_START.test(r) ? ["t" + r] : [r]; }
  function sonorantRoot(r) { return /^[lmnrwy]/.test(r) ? [r] : []; }
  function consonantRoot(r) { return VOWEL_START.test(r) ? [] : [r]; }
  function same(r) { return [r]; }

  function unprefixed(word) {
    var found = [];
    PREFIXES.forEach(function (p) {
      if (word.indexOf(p[0]) === 0) found = found.concat(p[1](word.slice(p[0].length)));
    });
    return found;
  }

  function roots(word) {
    var found = [];
    function keep(root) {
      if (syllables(root) >= 2 && root.length >= 4 && found.indexOf(root) < 0) found.push(root);
    }
    var inflected = withoutEnding(withoutEnding(word, ["lah", "kah", "pun"]), ["nya", "ku", "mu"]);
    [inflected, withoutEnding(inflected, ["kan", "an", "i"])].forEach(function (stem) {
      keep(stem);
      unprefixed(stem).forEach(function (root) { keep(root); unprefixed(root).forEach(keep); });  // "memper-", "pe-…-an"
    });
    return found;
  }

  // A root at the start of a word, after a plain prefix or after meN- / peN- as they sound before it.
  function affixed(root) {
    var rest = root.slice(1);
    var nasal = VOWEL_START.test(root) ? ["ng" + root]
      : /^k/.test(root) ? ["ng" + rest, "ng" + root]
      : /^t/.test(root) ? ["n" + rest, "n" + root]
      : /^p/.test(root) ? ["m" + rest, "m" + root]
      : /^s/.test(root) ? ["ny" + rest, "n" + root]
      : /^[bfv]/.test(root) ? ["m" + root]
      : /^[cdjz]/.test(root) ? ["n" + root]
      : /^[gh]/.test(root) ? ["ng" + root]
      : [root];
    return "(?:memper|diper|ber|be|per|pe|ter|di|ke|se)?" + root + "|(?:me|pe)(?:" + nasal.join("|") + ")";
  }

  function pattern(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/-+/g, "-?");
  }

  // Where a term first matches from `from`: [start, end] of the matching word part, or null.
  function find(text, t, from) {
    t.pattern.lastIndex = from || 0;
    var m = t.pattern.exec(text);
    return m ? [m.index + m[0].length - m[1].length, m.index + m[0].length] : null;
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
    var lower = fold(text);
    var first = terms.length ? find(lower, terms[0]) : null;
    var at = first ? first[0] : 0;
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, start + 220);
    // whole words at both ends (where the text has spaces: Thai may not), and a match is never cut
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < at) start = space + 1;
    var stop = text.lastIndexOf(" ", end);
    if (end < text.length && stop > at) end = stop;
    var hits = [];
    terms.forEach(function (t) {
      // from the character before the excerpt: a word start needs to see what precedes it
      for (var hit = find(lower, t, Math.max(0, start - 1)); hit && hit[0] < end; hit = find(lower, t, hit[0] + 1)) {
        if (hit[0] >= start) { hits.push(hit); end = Math.max(end, hit[1]); }
      }
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    var out = "";
    var i = start;
    hits.forEach(function (h) {
      if (h[0] < i) return; // overlaps the previous mark
      out += escape(text.slice(i, h[0])) + "<mark>" + escape(text.slice(h[0], Math.min(h[1], end))) + "</mark>";
      i = Math.min(h[1], end);
    });
    out += escape(text.slice(i, end));
    return (start > 0 ? "… " : "") + out + (end < text.length ? " …" : "");
  }

  function escape(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // `texts`: the other languages' records. This language's file holds the title and summary of
  // what is written in another (as the online index does, to keep it small); on disk the whole
  // text costs nothing to read, so it comes from the file of the language it is written in. The
  // record of this language is searched too: it names the type, regions, topics and organisations
  // in the reader's words ("penutupan tambang" finds an English report on mine closure).
  function Engine(data, texts, lang) {
    this.lang = lang;
    var whole = {};
    Object.keys(texts || {}).forEach(function (l) {
      texts[l].records.forEach(function (r) { if ((r.filters.text || [])[0] === l) whole[r.meta.href] = r.content; });
    });
    this.records = data.records.map(function (r) {
      var text = (whole[r.meta.href] || "").length > r.content.length ? whole[r.meta.href] : r.content;
      var all = r.meta.title + " " + text + (text === r.content ? "" : " " + r.content);
      return { meta: r.meta, filters: r.filters, text: text, own: r.content, folded: fold(all), exact: all.toLowerCase(),
        title: fold(r.meta.title), date: r.date };
    });
  }

  // The excerpt comes from the whole text, unless only the reader's words for its labels matched.
  function excerptOf(r, terms) {
    var inText = r.text === r.own || terms.some(function (t) { return find(fold(r.text), t); });
    return excerpt(inText ? r.text : r.own, terms);
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
    var records = this.records;
    var terms = query ? [].concat.apply([], words(query, this.lang).map(function (t) {
      return t.parts && !records.some(function (r) { return find(r.folded, t); }) ? t.parts : [t];
    })) : [];
    if (query && query.trim() && !terms.length) return Promise.resolve({ results: [], filters: {} });  // only punctuation
    // a word as typed, accents and all, ranks first: Vietnamese "mỏ" (mine) before "mở" (open)
    var typed = query ? query.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var filters = (options && options.filters) || {};
    var found = records.filter(function (r) {
      if (!terms.every(function (t) { return find(r.folded, t); })) return false;
      return Object.keys(filters).every(function (name) { return matches(r.filters[name] || [], filters[name]); });
    });
    // words typed together and found together rank first, as online ("than đá", "batu bara")
    var phrase = terms.length > 1 ? fold(query.replace(/"/g, " ").trim().replace(/\s+/g, " ")) : "";
    var scored = found.map(function (r) {
      var score = terms.reduce(function (s, t) { return s + (find(r.title, t) ? 3 : 1); }, 0)
        + typed.filter(function (w) { return r.exact.indexOf(w) >= 0; }).length * 2
        + (phrase && r.folded.indexOf(phrase) >= 0 ? 10 : 0);
      return { r: r, score: score };
    });
    scored.sort(function (a, b) {
      return terms.length && b.score !== a.score ? b.score - a.score : (b.r.date || "").localeCompare(a.r.date || "");
    });
    var results = scored.map(function (s) {
      return { id: s.r.meta.href, score: s.score, data: function () {  // id: as Pagefind's, one per page
        return Promise.resolve({ meta: s.r.meta, filters: s.r.filters, excerpt: excerptOf(s.r, terms) });
      } };
    });
    return Promise.resolve({ results: results, filters: this.count(found) });
  };

  window.hubOfflineSearch = function (data, texts, lang) { return new Engine(data, texts, lang); };
})();
