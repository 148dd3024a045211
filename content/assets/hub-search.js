/* The hub's search, loaded only where a reader searches: the search page asks for this file
   itself, and hub.js fetches it when a reader turns to the header box (8 KB compressed, which
   pages read without searching do without). It needs hub.js, which runs first (window.hub).

   Pagefind, in turn, loads only when a reader starts to type.
   Header box: the best matches under the box as the reader types; Enter opens the search page.
   Search page: query and facets kept in the URL, so a search can be shared, bookmarked and
   navigated with the back button. Results in the page's language come first.
   The index is split by date (catalogue/search_records.py): a search covers the newest
   resources first and the older bundles join when the reader asks, or when the newest give
   fewer than a page of results. Facet counts load when the reader opens the filters. */
(function () {
  "use strict";
  var hub = window.hub;
  if (!hub || hub.searching) return;  // without hub.js, or already running
  hub.searching = true;
  var lang = hub.lang, root = hub.root, el = hub.el, plural = hub.plural;
  var FACETS = ["region", "topic", "type", "partner", "language", "year"];
  var TEXT = "text"; // hidden filter: the language of each result's text, then "hub" on regions and organisations
  var HUB = "hub";
  var PAGE = 10;
  var loading = null;
  var searchBox = (document.querySelector("form.hub-search") || { dataset: {} }).dataset;
  // A page in a language its offline copy leaves out (a resource written in it) searches in the
  // copy's language, whose search page the copy holds (catalogue/offline.py).
  if (searchBox.lang) lang = searchBox.lang;
  var offline = searchBox.engine === "offline";
  var bundles = { count: +(searchBox.bundles || 1), newest: +(searchBox.newest || 0), total: +(searchBox.total || 0) };
  var older = null; // the older bundles, merged into the search once asked for
  var complete = bundles.count < 2;

  // A Thai page: its search compares marks, in every bundle (pagefind), looks for the words the index
  // holds in other forms (loadWordForms), and splits a query into words with the browser's segmenter.
  var THAI = lang === "th";

  // Pagefind online; from disk (the offline copy) the same records through search-offline.js.
  function pagefind() {
    if (!loading) {
      loading = offline ? loadOffline() : Promise.all([import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        // noWorker: searching a bundle takes milliseconds, and the worker script is 12 KB more to load.
        // exactDiacritics on Thai pages: Thai writes vowels and tone marks above and below its letters;
        // without them "ปี" (year) is "ป", the start of "ประเทศ" (country): it found 46 of the sample's 77.
        return pf.options(tagged({ basePath: new URL("pagefind/", root).href, excerptLength: 24, noWorker: true,
                                   exactDiacritics: THAI })).then(function () {
          return pf.init();
        }).then(function () { return pf; });
      }), loadWordForms()]).then(function (r) { return r[0]; });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // Words the Thai index holds in another form (catalogue/word_breaks.py): Thai words only in parts,
  // words typed without accents only with them. On Thai pages: a few hundred bytes, with the engine;
  // asked for under the index's name, as its entry file is, so that a list kept from an earlier build
  // never meets a newer index.
  var wordForms = {};
  function loadWordForms() {
    if (!THAI) return null;
    var address = new URL("pagefind/thai-word-forms.json" + (tag ? "?" + encodeURIComponent(tag) : ""), root).href;
    return fetch(address).then(function (r) { return r.json(); }).then(function (words) {
      wordForms = words;
    });
  }

  // The build names its index (data-tag): Pagefind then asks for the index's entry file under that
  // name, which the browser keeps, instead of asking the server again on every page that searches.
  // After a failure the name is dropped, in case what the browser kept is what failed.
  var tag = searchBox.tag || "";
  function tagged(options) {
    if (tag) options.metaCacheTag = tag;
    return options;
  }

  // Pagefind keeps a part of the index whose download failed (a dropped connection) as if it were
  // empty: that search, and every later one that needs the part, would say "No results". A failed
  // request is noted; the search then reports the connection, and the next one starts a fresh engine.
  var engineNumber = 0, brokenEngine = -1;  // a request that fails breaks the engine it was made for
  if (!offline && window.fetch) {
    var fetchFirst = window.fetch;
    window.fetch = function (input) {
      var request = fetchFirst.apply(this, arguments);
      if (String((input && input.url) || input).indexOf("/pagefind/") < 0) return request;
      var made = engineNumber;
      function fail() { brokenEngine = Math.max(brokenEngine, made); }
      return request.then(function (r) { if (!r.ok) fail(); return r; }, function (e) { fail(); throw e; });
    };
  }
  function trusted(value) {
    if (brokenEngine === engineNumber) throw new Error("a part of the search index could not be downloaded");
    return value;
  }
  // After any failure the engine is dropped: the next search starts afresh (from the browser's cache).
  function reset() {
    var engine = loading;
    engineNumber++; loading = null; older = null; complete = bundles.count < 2; tag = "";
    if (engine) engine.then(function (pf) { return pf.destroy && pf.destroy(); }).catch(function () {});
  }

  // "Searching…" where results will show, when they take long enough to be waited for (on a slow
  // connection the engine and the index take seconds); the function returned stops it.
  function waiting(say) {
    var timer = setTimeout(say, 300);
    return function () { clearTimeout(timer); };
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var tag = el("script", { src: new URL(src, root).href });
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.append(tag);
    });
  }

  // The offline copy: this language's records, and the files of the languages other records are
  // written in, which hold their whole text (read from disk, they cost no download).
  function loadOffline() {
    var data = function () { return window.__hubSearchData; };
    return script("assets/search-offline.js").then(function () {
      return script("search/offline-" + lang + ".js");
    }).then(function () {
      var others = {};
      data()[lang].records.forEach(function (r) { var l = (r.filters.text || [])[0]; if (l && l !== lang) others[l] = 1; });
      return Promise.all(Object.keys(others).map(function (l) { return script("search/offline-" + l + ".js"); }));
    }).then(function () {
      var texts = {};
      Object.keys(data()).forEach(function (l) { if (l !== lang) texts[l] = data()[l]; });
      return window.hubOfflineSearch(data()[lang], texts, lang);
    });
  }

  // Pagefind marks matches with <mark>; keep those and only text, whatever the index holds.
  function excerpt(html) {
    var out = el("p", { class: "hub-result__excerpt" });
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (n) {
      out.append(n.nodeName === "MARK" ? el("mark", {}, [n.textContent]) : n.textContent);
    });
    return out;
  }

  function href(data) { return new URL(data.meta.href, root).href; }

  function everything(pf) {
    if (!older) {
      var merging = [];
      for (var b = 1; b < bundles.count; b++) merging.push(pf.mergeIndex(new URL("pagefind/older-" + b + "/", root).href, tagged({ exactDiacritics: THAI })));
      older = Promise.all(merging).then(function () { complete = true; });
      older.catch(function () { older = null; });
    }
    return older;
  }

  // Words typed together and found together come first: Vietnamese writes a word's syllables
  // apart ("than đá", coal), Indonesian has "batu bara", English "just transition"; a page with
  // "than" in one place and "đá" in another comes after every page that says "than đá". Pagefind
  // gives each result the places where its words matched: neighbours there are words together.
  // (Its own quoted search misses Vietnamese phrases that are there.) Offline results have no places.
  function together(result, count) {
    var at = {};
    (result.words || []).forEach(function (w) { at[w] = true; });
    return (result.words || []).some(function (w) {
      for (var i = 1; i < count; i++) if (!at[w + i]) return false;
      return true;
    });
  }

  // Mongolian drops a word's last vowel or soft sign before most endings: "бодлого" (policy),
  // "бодлогын" (of the policy); "хууль" (law), "хуулийн". Pagefind has no Mongolian stemmer, but
  // a word matches the start of words, so a Mongolian word of five letters or more is searched
  // without that letter and finds both; one of four, only without a soft sign ("говь", the Gobi,
  // "говийн": three letters left are start enough). Mongolian is the hub's only language in Cyrillic.
  function searchable(query) {
    return query && query.replace(/[\u0400-\u04FF]{4,}/g, function (word) {
      return word.replace(word.length > 4 ? /[аэоөьАЭОӨЬ]$/ : /[ьЬ]$/, "");
    });
  }

  // It also drops the vowel of a word's last syllable before an ending: "засаг" (economy, government)
  // is "эдийн засгийн" and "засгийн газар", "газар" (land) "газрын", "ажил" (work) "ажлын". A word
  // of two syllables or more that ends in a vowel between consonants is searched in both forms
  // ("засаг" and "засг"), as two searches merged: Pagefind finds only what holds every word.
  var CONSONANT = "[бвгджзклмнпрстфхцчшщ]";
  var INNER_VOWEL = new RegExp("^([\\u0400-\\u04FF]*[аэиоөуүеёюя][\\u0400-\\u04FF]*" + CONSONANT + ")[аэиоөуү](" + CONSONANT + ")$");
  function withoutInnerVowel(word) {
    var m = INNER_VOWEL.exec(word);
    return m ? m[1] + m[2] : null;
  }

  // Thai: Pagefind's indexer cuts a few words that the browser, and so a query, keeps whole: the
  // district of "แม่เมาะ" (Mae Moh) is "แม่" and "เมาะ" in the index. And as a Thai page compares
  // accents, "biobio" would miss the Biobío region of a Spanish title. A query word that holds such
  // a word has another form, with the parts or the accents the index holds.
  function thaiForm(typedWord) {
    if (!thaiWords) return null;
    var other = false;
    var words = Array.from(thaiWords.segment(typedWord), function (s) {
      var word = s.segment.toLowerCase();  // own keys only: "constructor" is a word too
      var form = s.isWordLike && Object.prototype.hasOwnProperty.call(wordForms, word) && wordForms[word];
      if (form) other = true;
      return form ? " " + form.join(" ") + " " : s.segment;
    });
    return other ? words.join("").trim().split(/\s+/).join(" ") : null;
  }
  // A vowel mark typed after its letter's tone mark looks the same, and is searched in Unicode's
  // order, as the index holds it ("ที่": ท, ี, ่; catalogue/word_breaks.py).
  function inMarkOrder(query) { return query.replace(/([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E3A\u0E47])/g, "$2$1"); }

  // Vietnamese: Pagefind finds a word typed without its accents ("quang" finds "Quảng"), but "đ" is a
  // letter of its own, not "d" with a mark: "lao dong" missed "lao động" (labour), "chuyen doi"
  // "chuyển đổi" (transition). A word typed without accents that starts with "d" (where "đ" may
  // stand) is also searched with "đ"; one typed with them is written as meant ("dự án", project).
  // (From disk the copy's engine reads "đ" as "d" already.)
  function vietnameseForm(word) {
    return lang === "vi" && !offline && /^d[a-z]*$/i.test(word) ? (word[0] === "D" ? "Đ" : "đ") + word.slice(1) : null;
  }
  // Words joined by a hyphen or a sign: Pagefind searches "south-africa" as "southafrica", which no
  // text holds, and lists what "south" finds. The parts apart stand in where the joined word is not found.
  // (From disk the copy's engine splits such a word itself.)
  function apartForm(word) {
    var parts = offline ? [] : letters(word);
    return parts.length > 1 ? parts.join(" ") : null;
  }

  // A search for the words as typed and for their other form: the results of the first, then those
  // only the second finds; facet counts of either, less those of both (the two forms' words together).
  // A word that finds nothing alone, in either form, is left out and named (`missing`): Pagefind
  // leaves out a word its index lacks and lists what the other words find, while the offline engine
  // would find nothing; both now do as Pagefind does, and the page says so (a typo, a word no
  // resource uses). The searches cover the same bundles: if one widened to the older ones, all do.
  // `lacking`: words found alone only by their first letters, left out as missing ones (below); a
  // search widened to the older bundles asks again, as they may hold such a word whole. A word found
  // in its other form, whose best result as typed marks nothing like it, is searched in that form
  // only: what "dong" finds by its start ("do") is not what was meant, and would be listed first.
  function searchForms(pf, query, filters, counts, all, lacking) {
    query = query && inMarkOrder(query);
    var typed = query ? query.trim().split(/\s+/) : [];
    var standIn = [];  // forms searched only where the word as typed is not found
    var forms = typed.map(function (word, i) {
      var form = withoutInnerVowel(word.toLowerCase()) || thaiForm(word) || vietnameseForm(word);
      if (!form && (form = apartForm(word))) standIn[i] = true;
      return form;
    });
    if (typed.length < 2 && !forms[0]) return search(pf, query, filters, counts, all);
    function finds(q) { return q ? pf.search(searchable(q)).then(function (r) { return r.results.length && r.results; }) : false; }
    var whole = false;  // whether each word alone is searched in every bundle
    return (all ? everything(pf) : Promise.resolve()).then(function () {
      whole = complete;
      return Promise.all(typed.map(function (word, i) { return Promise.all([(typed.length > 1 || forms[i]) && finds(word), finds(forms[i])]); }));
    }).then(function (alone) {
      return Promise.all(alone.map(function (a, i) { return !THAI && a[0] && a[1] ? marksLike(a[0][0], typed[i]) : true; }))
        .then(function (held) { return [alone, held]; });
    }).then(function (checked) {
      var alone = checked[0], held = checked[1];
      var missing = typed.filter(function (word, i) {
        return typed.length > 1 && (!alone[i][0] && !alone[i][1] || (lacking || []).indexOf(word) >= 0);
      });
      if (missing.length === typed.length) missing = [];  // nothing found at all: "No results", nothing to name
      if (missing.length && !complete) return searchForms(pf, query, filters, counts, true);  // the older ones may hold it: asked again
      var asTyped = [], withForms = [];
      typed.forEach(function (word, i) {
        if (missing.indexOf(word) >= 0) return;
        asTyped.push(held[i] ? word : forms[i]);
        withForms.push(alone[i][1] && !(standIn[i] && held[i]) ? forms[i] : word);
      });
      var queries = [asTyped.join(" ")];
      if (withForms.join(" ") !== queries[0]) queries.push(withForms.join(" "));
      if (queries.length > 1 && counts) queries.push(queries.join(" "));  // both forms: what the two share
      return Promise.all(queries.map(function (q) { return search(pf, q, filters, counts, all); })).then(function (r) {
        if (r.some(function (x) { return x.partial !== r[0].partial; })) return searchForms(pf, query, filters, counts, true);
        var found = r.length < 2 ? r[0] : merged(r);
        if (bundles.count < 2 || !complete || offline || typed.length < 2) return finish(found);
        if (!whole) return searchForms(pf, query, filters, counts, true, lacking);  // widened: each word alone in every bundle too
        var sets = typed.map(function (word, i) {
          return missing.indexOf(word) < 0 && Object.assign(held[i] ? ids(alone[i][0]) : {}, ids(alone[i][1]));
        }).filter(Boolean);
        return heldByEach(pf, found, sets, queries.slice(0, 2), counts).then(finish);
      });
      function finish(found) {
        if (missing.length) found.missing = missing;
        found.forms = {};  // the other forms searched: a result that marks one answers the word
        found.firsts = {};  // each word's best result alone, to see what it marks (inDoubt)
        typed.forEach(function (word, i) {
          if (forms[i]) found.forms[word] = forms[i].split(" ");
          var first = (held[i] && alone[i][0]) || alone[i][1] || alone[i][0];
          if (first) found.firsts[word] = first[0];
        });
        if (found.total || missing.length || THAI || offline) return found;
        // Nothing for the words together, though each found something alone: what a word the index
        // lacks finds alone is what its first letters find ("des" for "desert"), no reason to find
        // nothing for "gobi desert". A word whose best result alone marks nothing like it is left
        // out and named, as a missing one is (one fragment each, only after "No results").
        return Promise.all(typed.map(function (word, i) {
          if (alone[i][1] || !alone[i][0]) return true;  // found in its other form, or nothing found at all
          return marksLike(alone[i][0][0], word);
        })).then(function (held) {
          var lack = typed.filter(function (word, i) { return !held[i]; });
          return lack.length && lack.length < typed.length ? searchForms(pf, query, filters, counts, all, lack) : found;
        });
      }
    });
  }

  // Merged bundles: a bundle that lacks one of the words searches for the others alone (Pagefind
  // leaves out a word its index lacks) and lists what they find: "kestrelmoor basin" listed, after
  // the brief that holds both, the 24 of the newer bundles that hold "kestrelmoor". Only results
  // that each word finds alone (`sets`) are kept, and the filters' counts are counted again over
  // them: a search for each value, on index parts already loaded.
  function heldByEach(pf, found, sets, queries, counts) {
    var kept = found.results.filter(function (x) { return sets.every(function (set) { return set[x.id]; }); });
    if (kept.length === found.results.length) return Promise.resolve(found);
    var keep = ids(kept);
    var names = counts ? FACETS.filter(function (name) { return found.filters[name]; }) : [];
    return Promise.all(names.map(function (name) {
      var values = Object.keys(found.filters[name]);
      return Promise.all(values.map(function (value) {
        var only = {};
        only[name] = value;
        return Promise.all(queries.map(function (q) { return pf.search(searchable(q), { filters: only }); })).then(function (r) {
          return Object.keys(r.reduce(function (both, x) { return Object.assign(both, ids(x.results)); }, {}))
            .filter(function (id) { return keep[id]; }).length;
        });
      })).then(function (n) {
        var count = {};
        values.forEach(function (v, i) { count[v] = n[i]; });
        return count;
      });
    })).then(function (counted) {
      var filters = Object.assign({}, found.filters);
      names.forEach(function (name, i) { filters[name] = counted[i]; });
      return Object.assign({}, found, { results: kept, total: kept.length, filters: filters });
    });
  }
  function ids(results) {
    var set = {};
    (results || []).forEach(function (x) { set[x.id] = true; });
    return set;
  }

  // A word no text holds, a typo most often (and on a slow connection each try is a wait): the
  // closest of the words the hub's texts use (catalogue/suggestions.py), whose list, with the
  // sentence that offers it, loads only once a search has found nothing, or nothing like, a word.
  // `only`: the words to mend, else every word. The list's sentences, with the query mended (or
  // null) and the words of `only` that the list holds (`listed`: the texts use them).
  var vocabulary = null;
  function suggestion(query, only) {
    if (!vocabulary) {
      vocabulary = script("search/words-" + lang + ".js" + (tag && !offline ? "?" + encodeURIComponent(tag) : "")).then(function () {
        var list = (window.__hubWords || {})[lang];
        var words = list.words.map(function (w) { return [fold(w), w]; }), byFold = {};
        words.forEach(function (w) { if (!has(byFold, w[0])) byFold[w[0]] = w[1]; });
        return { sentence: list.sentence, near: list.near, words: words, byFold: byFold };
      });
      vocabulary.catch(function () { vocabulary = null; });
    }
    return vocabulary.then(function (known) {
      var mended = false, listed = [];
      var text = query.trim().split(/(\s+)/).map(function (part, i) {
        if (i % 2 || (only && only.indexOf(part) < 0)) return part;
        if (has(known.byFold, fold(part))) listed.push(part);
        var better = closest(part, known);
        if (better) mended = true;
        return better || part;
      }).join("");
      return { query: mended ? text : null, sentence: known.sentence, near: known.near, listed: listed };
    }, function () { return null; });
  }
  // The words of a query, as typed: a Thai word typed wrong is not cut into parts, which would be
  // mended into other words ("ถ่านหีน" into "ผ่าน" and "หีน") instead of into the word meant.
  function typedWords(query) { return query.trim().split(/\s+/).filter(Boolean); }
  // The words that results may answer only in part, to be mended if they can. A word its index lacks
  // Pagefind looks for by its longest start the index holds ("Tocopila" finds what "to" finds):
  // results whose excerpts mark no word like it (the same start, of four letters at least, and an
  // ending of up to three letters other) are no answer to it. Words the search left out
  // (found.missing) are in doubt too; with no result, every word. On Thai pages (whose words are
  // marked in the parts the index cut them into) and from disk (where the engine looks for no start
  // of a word, but marks the forms its stemmer finds: "pertambangan" for "penambangan"), only these.
  function doubtful(query, found, marks) {
    var typed = typedWords(query);
    if (!found.total) return typed;
    return typed.filter(function (word) {
      if ((found.missing || []).indexOf(word) >= 0) return true;
      return !THAI && !offline && !answers(word, found, marks);
    });
  }
  // Whether marks hold a word like `word` as typed, as searched (a Mongolian word without its last
  // vowel) or in its other forms. A word typed with a hyphen or a sign is answered in its parts, as
  // marks are compared ("phase-out" by "Phase-Out", "la-guajira" by "La Guajira"), or joined, as
  // Pagefind searches it ("co-operatives" by "cooperatives").
  function answers(word, found, marks) {
    var parts = letters(word);
    if (parts.length !== 1 || parts[0] !== word) {
      return !parts.length || parts.every(function (part) { return answers(part, found, marks); }) ||
        answers(parts.join(""), found, marks);
    }
    return [word, searchable(word)].concat((found.forms || {})[word] || []).some(function (form) { return alike(form, marks); });
  }
  function marksLike(result, word, found) {
    return result.data().then(trusted).then(function (d) { return answers(word, found || {}, marked(d.excerpt)); });
  }
  // The doubtful words, less those whose best result alone marks a word like them: an excerpt (24
  // words) may show only some of the words searched for ("workers pensions" marked "workers" only,
  // and "pension" was offered). One fragment each, only for a word in doubt beside others.
  function inDoubt(query, found, marks) {
    var doubts = query ? doubtful(query, found, marks) : [];
    return Promise.all(doubts.map(function (word) {
      var first = (found.missing || []).indexOf(word) < 0 && found.firsts && has(found.firsts, word) && found.firsts[word];
      return first ? marksLike(first, word, found).then(function (like) { return !like; }) : true;
    })).then(function (doubt) { return doubts.filter(function (word, i) { return doubt[i]; }); });
  }
  // Whether excerpts' marks hold a word like `form`: the whole of it and more (Pagefind finds a word
  // by its start: "stake" in "stakeholder"), the same start of four letters at least and an ending of
  // up to three letters other (the index keeps stems), or of six whatever the ending (Spanish
  // "organizarse" and "organización" share a stem), or the same stem of three once an ending a
  // plural or a verb takes is off ("added" is "adds" and "Add"), or a stem of four and more
  // ("counted" in "countries", which Pagefind finds for it); a shorter word always does.
  // Pagefind's answer to a word its index lacks shares less: "to" for "Tocopila". Vietnamese words
  // are syllables that take no endings, however short: "doan" is "đoàn" (as in trade union), and
  // "doanh" (as in business), which Pagefind finds for it by its start, is another. A number is
  // answered by itself or a longer one it starts ("100" by "1000", not by "10", which Pagefind finds
  // for it where no text holds "100").
  function alike(form, marks) {
    form = fold(form);
    if (lang === "vi") return marks.some(function (mark) { return fold(mark) === form; });
    if (/^\d+$/.test(form)) return marks.some(function (mark) { return mark.indexOf(form) === 0; });
    var stem = shortStem(form);
    return form.length < 4 || marks.some(function (mark) {
      mark = fold(mark);
      if (stem.length >= 3 && shortStem(mark) === stem || stem.length >= 4 && mark.indexOf(stem) === 0) return true;
      for (var same = 0; same < form.length && form[same] === mark[same]; same++);
      return same === form.length || same >= 6 || same >= 4 && same >= Math.max(form.length, mark.length) - 3;
    });
  }
  function shortStem(word) { return word.replace(/(ing|ed|es|s)$/, "").replace(/e$/, ""); }
  function fold(word) {
    word = word.toLowerCase();
    // as the index folds them (search-offline.js too); Thai's marks are kept
    return THAI ? word : word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  // The known word fewest edits away (a letter added, left out, changed, or two swapped): one for a
  // word of five to seven letters, two for a longer one; it starts with the same letter (a typo
  // seldom changes the first, and a word of the index missing from the list would be "mended" into
  // another: Indonesian "Muara" into "suara"), and a name typed with a capital is mended only into
  // a name ("Lahat", a town, not into "lahan", land). A word written as a known one but for its
  // accents gets that one, if only one is written so ("Quang" is "Quảng"; "dong" is one of four
  // Vietnamese words). Written as the reader wrote it: in lower case if they did. A word that is two
  // known words run together gets the two instead (apart).
  function closest(typed, list) {
    var known = list.words;
    var word = fold(typed), limit = word.length < 5 ? 0 : word.length < 8 ? 1 : 2, best = null, least = limit + 1;
    var name = typed[0] !== typed[0].toLowerCase(), accented = {};
    for (var i = 0; i < known.length; i++) {
      var written = known[i][1];
      if (known[i][0] === word) {
        if (written.toLowerCase() === typed.toLowerCase()) return null;  // known as typed
        accented[written.toLowerCase()] = written;
        continue;
      }
      if (known[i][0][0] !== word[0] || Math.abs(known[i][0].length - word.length) > limit) continue;
      if (name && written[0] === written[0].toLowerCase()) continue;
      var d = edits(word, known[i][0], least);
      if (d < least) { least = d; best = written; }
    }
    var forms = Object.keys(accented);
    if (forms.length) best = forms.length === 1 ? accented[forms[0]] : null;
    else if (!THAI) best = apart(word, list.byFold) || best;
    return best && typed === typed.toLowerCase() ? best.toLowerCase() : best;
  }
  // Two known words typed as one ("batubara" for Indonesian "batu bara", "coalmine"): each of four
  // letters at least, as the list's words are; of several ways to cut it, the most even. Not Thai,
  // which is written without spaces and typed whole.
  function apart(word, byFold) {
    var best = null, gap = Infinity;
    for (var i = 4; i <= word.length - 4; i++) {
      var left = byFold[word.slice(0, i)], right = byFold[word.slice(i)];
      if (left && right && Math.abs(word.length - 2 * i) < gap) { gap = Math.abs(word.length - 2 * i); best = left + " " + right; }
    }
    return best;
  }
  function edits(a, b, stop) {  // optimal string alignment distance; `stop` or more once it cannot be less
    var before = [], row = [];
    for (var j = 0; j <= b.length; j++) row[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var twoBack = before; before = row; row = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(before[j] + 1, row[j - 1] + 1, before[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], twoBack[j - 2] + 1);
        low = Math.min(low, row[j]);
      }
      if (low >= stop) return stop;
    }
    return row[b.length];
  }
  function marked(html) {  // the words an excerpt marks as found
    return markWords((html.match(/<mark>[^<]*<\/mark>/g) || []).map(function (m) { return m.slice(6, -7); }));
  }
  // The words of marks, without the stop Pagefind may mark with one ("dẫn.") and apart where a
  // hyphen joins them ("Phase-Out"); and the words of any text so.
  function markWords(texts) { return texts.reduce(function (all, text) { return all.concat(letters(text)); }, []); }
  function letters(text) { return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean); }
  // Results for none of the words: Pagefind's for the starts of words it lacks ("to" for
  // "Tocopila") are no answer, and are not shown as one where the word meant is offered instead (a
  // word the list lacks may yet be in a result beyond the first page, or in an older bundle).
  function noAnswer(query, found, doubts) {
    return found.total > 0 && doubts.length > 0 && doubts.length === typedWords(query).length;
  }
  // Results that hold no word like a doubtful one, only words that start as it does (Pagefind's
  // answer to a word its index lacks: "Ha" for "Hanoi", alone or beside "coal"), where no word is
  // offered instead: the sentence that says so, lest they be read as answers. Kept, as they may be
  // what was meant. Words the search left out have their own sentence (found.missing), and words the
  // list holds are in the texts, whatever the first results mark. A number in doubt was found by a
  // start of it, whatever the excerpts show ("coal 100" by "10").
  function nearNote(better, found, doubts, marks) {
    if (!better || better.query || !found.total) return "";
    var kept = doubts.filter(function (word) { return (found.missing || []).concat(better.listed).indexOf(word) < 0; });
    var starts = marks.map(function (mark) { return fold(mark).slice(0, 2); });
    var started = kept.every(function (word) { return /^\d+$/.test(word) || starts.indexOf(fold(word).slice(0, 2)) >= 0; });
    return kept.length && started ? better.near.replace("{words}", kept.join(" ")) : "";
  }
  // What the status says of results that may answer none of the words: the word to offer instead
  // (`offer`), whether the results are then no answer (`none`), as they are when the word meant is
  // offered or when the results shown mark nothing at all (Pagefind's answer, by a start of it, to a
  // word its index lacks: "decomissioning" listed six results that hold no such word), and the note
  // on results kept (`near`).
  function judge(query, found, marks) {
    return inDoubt(query, found, marks).then(function (doubts) {
      var unsure = noAnswer(query, found, doubts);
      return Promise.resolve(doubts.length ? suggestion(query, doubts) : null).then(function (better) {
        var offered = better && better.query ? better : null, none = unsure && (!!offered || !marks.length);
        return { offer: offered, none: none, near: none ? "" : nearNote(better, found, doubts, marks) };
      });
    });
  }
  // "Did you mean <a>Mpumalanga</a>?" in the language's words, a sentence after the status's last
  function offer(status, found, href) { linked(status, "hub-suggestion", found.sentence, found.query, href); }
  function linked(status, name, sentence, text, href) {
    var at = sentence.split("{words}");
    status.append(THAI || /[.!?…:]$/.test(status.textContent) ? " " : ". ",
                  el("span", { class: name }, [at[0], el("a", { href: href }, [text]), at[1] || ""]));
  }

  function merged(r) {
    var seen = {};
    var results = r[0].results.concat(r[1].results).filter(function (x) { return !seen[x.id] && (seen[x.id] = true); });
    var facets = {};
    r.forEach(function (x, i) {
      Object.keys(x.filters).forEach(function (name) {
        var values = facets[name] = facets[name] || {};
        Object.keys(x.filters[name]).forEach(function (v) { values[v] = (values[v] || 0) + (i < 2 ? 1 : -1) * x.filters[name][v]; });
      });
    });
    return { results: results, filters: facets, total: results.length, partial: r[0].partial };
  }

  // How many words Pagefind searches for. Thai is written without spaces: on a Thai page Pagefind
  // splits a query with the browser's segmenter, as the index was split (catalogue/word_breaks.py).
  var thaiWords = THAI && typeof Intl.Segmenter !== "undefined" ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  function wordCount(words) {
    if (!words) return 0;
    if (thaiWords) return Array.from(thaiWords.segment(words)).filter(function (s) { return s.isWordLike; }).length;
    return words.trim().split(/\s+/).length;
  }

  // Own-language results first, among those with the words together and then among the rest:
  // two searches on the same index parts, split by text language.
  // `all`: the older bundles too. The result says whether it covers only the newest (`partial`).
  function search(pf, query, filters, counts, all) {
    var words = searchable(query) || null;
    var count = wordCount(words);
    function run(textFilter) {
      var f = Object.assign({}, filters);
      f[TEXT] = textFilter;
      return pf.search(words, { filters: f, sort: query ? undefined : { date: "desc" } });
    }
    // Facet counts (search page only) need the filter index, which pf.filters() loads once.
    return (all ? everything(pf) : Promise.resolve()).then(function () {
      return counts ? pf.filters() : null;
    }).then(function () {
      return Promise.all([run({ any: [lang] }), run({ none: [lang] }),
                          counts ? pf.search(words, { filters: filters }) : { filters: {} },
                          words ? run([HUB]) : { results: [] }]);
    }).then(function (r) {
      var results = ownFirst(r[0].results, r[1].results, r[3].results);
      if (count > 1) {
        var close = results.filter(function (x) { return together(x, count); });
        results = close.concat(results.filter(function (x) { return close.indexOf(x) < 0; }));
      }
      var found = { results: results, filters: r[2].filters, total: results.length, partial: !complete };
      // Too few among the newest: search the older ones too rather than leave the reader short.
      return found.partial && found.total < PAGE ? search(pf, query, filters, counts, true) : found;
    });
  }

  // A region's or organisation's page is in the reader's language whatever its text: it goes before
  // texts in other languages only if it matches as well as the best of them. Indonesian "pekerja"
  // (workers) listed four organisations that name it in their descriptions before the English
  // reports on coal workers.
  function ownFirst(own, others, hubPages) {
    var hub = {};
    hubPages.forEach(function (x) { hub[x.id] = true; });
    var best = others.length ? others[0].score : 0;
    var weaker = function (x) { return hub[x.id] && x.score < best; };
    var moved = own.filter(weaker);
    if (!moved.length) return own.concat(others);
    return own.filter(function (x) { return !weaker(x); })
      .concat(others.concat(moved).sort(function (a, b) { return b.score - a.score; }));
  }

  // The sentences of a status line, each ended as its language ends one ("57 results. No resource
  // holds…"); Thai ends a sentence with a space alone.
  function sentences(parts) {
    return parts.filter(Boolean).map(function (part, i, all) {
      return i < all.length - 1 && !THAI && !/[.!?…:]$/.test(part) ? part + "." : part;
    }).join(" ");
  }

  function partialNote(dataset) {
    return plural(dataset.partial, bundles.newest);
  }

  // as catalogue/render.py's lang_badge: "EN" for the eye, the language's name in the reader's words
  // for a screen reader (the record's lang_name, catalogue/search_records.py)
  function badge(code, name) {
    var node = el("span", { class: "hub-badge hub-badge--lang" }, [el("span", { lang: code, "aria-hidden": "true" }, [code.toUpperCase()])]);
    if (name) {
      node.append(el("span", { class: "hub-visually-hidden" }, [" (" + name + ")"]));
    } else {
      node.firstChild.removeAttribute("aria-hidden");  // the letters are all there is to say
    }
    return node;
  }

  function card(data, big) {
    // as on cards: the type in capitals, then regions and date
    var meta = [data.meta.kind && el("span", { class: "hub-type" }, [data.meta.kind]), data.meta.regions, data.meta.date]
      .filter(Boolean).reduce(function (parts, part) { return parts.concat(parts.length ? [" · ", part] : [part]); }, []);
    var link = el("a", { href: href(data) }, [data.meta.title]);
    var title = el(big ? "h2" : "span", { class: "hub-result__title" }, [link]);
    if (data.meta.lang && data.meta.lang !== lang) {
      link.setAttribute("hreflang", data.meta.lang);
      link.setAttribute("lang", data.meta.lang);
      title.append(" ", badge(data.meta.lang, data.meta.lang_name));
    } else if (data.meta.title_lang && data.meta.title_lang !== lang) {
      link.setAttribute("lang", data.meta.title_lang); // a page in the reader's language with a name in another
    }
    // the title first, as on cards: hub.css shows the details above it
    var item = el("li", { class: "hub-result" }, [title, el("p", { class: "hub-card__meta" }, meta)]);
    if (big) {
      // the excerpt is in the language of the indexed text, which a region page may not share
      var text = (data.filters && data.filters[TEXT] && data.filters[TEXT][0]) || data.meta.lang || lang;
      var shown = excerpt(data.excerpt);
      if (text !== lang) shown.setAttribute("lang", text);
      item.append(shown);
    }
    return item;
  }

  /* ---- header box ---- */
  function header(form) {
    var input = form.querySelector("input");
    var box = form.querySelector(".hub-search__suggest");
    var live = form.querySelector(".hub-search__live");
    var timer = null;
    var current = 0;
    // no aria-expanded: a search field may not carry it; the live region says what was found
    function close() { box.hidden = true; }
    function show(children, said) {
      box.replaceChildren.apply(box, children);
      box.hidden = false;
      if (live) live.textContent = said;
    }
    function update() {
      var query = input.value.trim();
      var id = ++current;
      if (!query) return close();
      var done = waiting(function () { if (id === current) show([el("p", { class: "hub-search__status" }, [form.dataset.loading])], form.dataset.loading); });
      pagefind().then(function (pf) { return searchForms(pf, query, {}, false); }).then(trusted).then(function (found) {
        return Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); })).then(trusted).then(function (data) {
          done();
          if (id !== current) return;
          var marks = data.reduce(function (all, d) { return all.concat(marked(d.excerpt)); }, []);
          return judge(query, found, marks).then(function (judged) {
            if (id !== current) return;
            if (judged.none) { found = { total: 0, partial: found.partial }; data = []; }
            var said = sentences([found.total ? plural(form.dataset.results, found.total) : form.dataset.none,
              judged.near, found.partial && partialNote(form.dataset)]);
            var list = el("ul", { class: "hub-search__list" }, data.map(function (d) { return card(d, false); }));
            var all = el("a", { class: "hub-search__all", href: form.action + "?q=" + encodeURIComponent(query) }, [form.dataset.all]);
            var status = el("p", { class: "hub-search__status" }, [said]);
            if (judged.offer) offer(status, judged.offer, form.action + "?q=" + encodeURIComponent(judged.offer.query));
            show([status, list, all], status.textContent);
          });
        });
      }).catch(function () { done(); reset(); if (id === current) show([el("p", {}, [form.dataset.error])], form.dataset.error); });
    }
    // the engine loads with the first letter typed (it arrives while the reader types on): a tap
    // into the box by mistake costs nothing
    input.addEventListener("input", function () {
      if (input.value.trim()) pagefind();
      clearTimeout(timer); timer = setTimeout(update, 200);
    });
    form.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        if (!box.hidden) e.preventDefault(); // closes the list; the browser would also empty the box
        close(); input.focus();
      }
      var links = Array.prototype.slice.call(box.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && !box.hidden && links.length) { e.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
      if (e.key === "ArrowUp" && at >= 0) { e.preventDefault(); (at ? links[at - 1] : input).focus(); }
    });
    form.addEventListener("focusout", function (e) { if (!form.contains(e.relatedTarget)) close(); });
  }

  /* ---- search page ---- */
  // The search page's state is its address: the words (q), the filters chosen, and whether the
  // older bundles are searched too (all=1), so that a search can be shared, bookmarked and gone back to.
  function urlState() {
    var params = new URLSearchParams(location.search);
    var filters = {};
    FACETS.forEach(function (f) { var v = params.getAll(f); if (v.length) filters[f] = v; });
    return { query: (params.get("q") || "").trim(), filters: filters, all: params.get("all") === "1" };
  }
  function addressOf(s) {
    var params = new URLSearchParams();
    if (s.query) params.set("q", s.query);
    FACETS.forEach(function (f) { (s.filters[f] || []).forEach(function (v) { params.append(f, v); }); });
    if (s.all && bundles.count > 1) params.set("all", "1");
    return location.pathname + (params.toString() ? "?" + params : "");
  }
  function writeState(s, push) {
    history[push ? "pushState" : "replaceState"](null, "", addressOf(s));
  }
  function chosen(root_) {
    var filters = {};
    root_.querySelectorAll(".hub-facet input:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return filters;
  }

  // The filters' options with their counts for the search shown (`selected`: those chosen).
  function drawFacets(root_, counts, selected) {
    var clear = root_.querySelector(".hub-facets__clear"), panel = root_.querySelector("details.hub-facets");
    // the options are made anew: the keyboard stays on the one just used, or on the panel's
    // summary when the button that had it goes away
    var had = document.activeElement;
    var kept = had && had.type === "checkbox" && root_.contains(had) ? [had.name, had.value] : null;
    FACETS.forEach(function (name) {
      var set = root_.querySelector('.hub-facet[data-facet="' + name + '"]');
      var langs = JSON.parse(set.dataset.langs || "{}"); // languages, each named in itself
      var values = Object.keys(counts[name] || {});
      (selected[name] || []).forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      values.sort(function (a, b) { return name === "year" ? b.localeCompare(a) : a.localeCompare(b, lang); });
      var options = values.map(function (v) {
        var box = el("input", { type: "checkbox", name: name, value: v });
        box.checked = (selected[name] || []).indexOf(v) >= 0;
        var count = (counts[name] || {})[v] || 0;
        box.disabled = !count && !box.checked;  // it would only lead to "No results"
        var label = langs[v] && langs[v] !== lang ? el("span", { lang: langs[v] }, [v]) : v;
        return el("label", { class: "hub-facet__option" }, [box, " ", label, " ", el("span", { class: "hub-count" }, ["(" + count.toLocaleString(lang) + ")"])]);
      });
      set.querySelector(".hub-facet__options").replaceChildren.apply(set.querySelector(".hub-facet__options"), options);
      set.hidden = !options.length;
    });
    clear.hidden = !Object.keys(selected).length;
    var again = kept && Array.prototype.find.call(root_.querySelectorAll(".hub-facet input"), function (box) {
      return box.name === kept[0] && box.value === kept[1];
    });
    if (again) again.focus();
    else if (had === clear && clear.hidden) panel.querySelector("summary").focus();
  }

  function page(root_) {
    var form = root_.querySelector("form");
    var input = form.querySelector("input");
    var status = root_.querySelector(".hub-search-status");
    var list = root_.querySelector(".hub-results");
    var more = root_.querySelector(".hub-more");
    var panel = root_.querySelector("details.hub-facets");
    var clear = root_.querySelector(".hub-facets__clear");
    var widen = root_.querySelector(".hub-everything");
    var active = root_.querySelector(".hub-facets__active");
    // On a phone the open filters would push the results screens down: a link with filters keeps
    // them closed there and names them in the summary instead.
    var narrow = window.matchMedia("(max-width: 44.9375em)");
    var results = [];
    var shown = 0;
    var current = 0;
    var counted = false; // the facets show counts for the state in the URL
    function facets(counts, selected) { drawFacets(root_, counts, selected); counted = true; }
    // the status is a live region: the same words written again would be announced again
    function say(text) { if (status.textContent !== text) status.textContent = text; }

    // The state the form shows now; the older bundles stay in once the reader asked for them.
    function fromForm() { return { query: input.value.trim(), filters: chosen(root_), all: urlState().all }; }



    // The next `size` results (a page); `from`: the first of them that is new to the reader. While a
    // batch is on its way, another tap on the button waits for it rather than fetching it twice.
    var pending = null;
    // Few results in a language most resources are not written in: say which words find more. When
    // the results hold some in that language, the reader's words reach it already (an English query
    // on a Vietnamese page, a place's name), and that language's search page, which reads its texts
    // whole where this one reads their titles and summaries, may find more: a link to it.
    function fewHint(query, total) {
      return root_.dataset.few && query && total < PAGE && !reachesOther();
    }
    function wholeTexts(query, total) {  // from disk the copy reads them whole already
      if (offline) return null;
      var there = document.querySelector('.md-select__link[hreflang="' + root_.dataset.fewLang + '"]');
      return root_.dataset.fewWhole && query && total && total < PAGE && reachesOther() && there && carried(there.href);
    }
    function reachesOther() { return !!list.querySelector('a[hreflang="' + root_.dataset.fewLang + '"]'); }

    function showMore(size, from) {
      if (pending && pending.id === current) return pending;
      var batch = results.slice(shown, shown + (size || PAGE));
      var asked = document.activeElement === more;  // by keyboard or tap: the reader goes on reading there
      var id = current;
      var loaded = Promise.all(batch.map(function (r) { return r.data(); })).then(trusted).then(function (data) {
        if (id !== current) return;  // a newer search has replaced these results
        shown += batch.length;
        more.hidden = shown >= results.length;
        var cards = data.map(function (d) { return card(d, true); });
        cards.forEach(function (c) { list.append(c); });
        var first = cards[from || 0];
        if (asked && first) first.querySelector("a").focus();
      });
      pending = loaded;
      pending.id = id;
      function settled() { if (pending === loaded) pending = null; }
      loaded.then(settled, settled);
      return loaded;
    }

    // `keep`: how many results to show at once (a search run again after a failed "More results", or
    // one the reader comes back to); `then`: what to do once they are shown
    function run(keep, from, then) {
      var s = urlState();
      var id = ++current;
      var filtered = Object.keys(s.filters).length > 0;
      input.value = s.query;
      counted = false;
      var values = Object.keys(s.filters).reduce(function (all, k) { return all.concat(s.filters[k]); }, []);
      active.textContent = values.length ? ": " + values.join(", ") : "";
      if (filtered && !narrow.matches) panel.open = true;
      if (!s.query && !filtered) {
        results = []; shown = 0; list.replaceChildren(); more.hidden = true; widen.hidden = true;
        say(root_.dataset.start);
        if (!panel.open) return; // nothing to download until the reader searches or opens the filters
      }
      var done = waiting(function () { if (id === current) say(searchBox.loading); });
      pagefind().then(function (pf) {
        if (!s.query && !filtered) {
          return Promise.resolve(s.all ? everything(pf) : null).then(function () {
            return pf.filters();
          }).then(trusted).then(function (all) {
            if (id === current) facets(all, s.filters);
          });
        }
        var filters = Object.keys(s.filters).reduce(function (f, k) { f[k] = { any: s.filters[k] }; return f; }, {});
        return searchForms(pf, s.query, filters, panel.open, s.all).then(trusted).then(function (found) {
          if (id !== current) return;
          results = found.results; shown = 0; list.replaceChildren();
          if (panel.open) facets(found.filters, s.filters);
          widen.hidden = !found.partial;
          widen.textContent = plural(searchBox.everything, bundles.total);
          return showMore(keep, from).then(function () {  // announced once the results are there to read
            var marks = markWords(Array.from(list.querySelectorAll("mark"), function (m) { return m.textContent; }));
            // results that may be no answer wait, unseen, for what decides it
            if (noAnswer(s.query, found, s.query ? doubtful(s.query, found, marks) : [])) list.hidden = more.hidden = true;
            return judge(s.query, found, marks).then(function (judged) {
              if (id !== current) return;
              list.hidden = false;
              if (judged.none) {
                found = { results: [], filters: {}, total: 0, partial: found.partial };
                results = []; shown = 0; list.replaceChildren();
                if (panel.open) facets({}, s.filters);
              }
              more.hidden = shown >= results.length;
              say(sentences([found.total ? plural(root_.dataset.results, found.total) : root_.dataset.none,
                found.missing && found.total && root_.dataset.missing.replace("{words}", found.missing.join(" ")),
                judged.near,
                found.partial && partialNote(searchBox),
                fewHint(s.query, found.total) && root_.dataset.few]));
              if (judged.offer) offer(status, judged.offer, addressOf({ query: judged.offer.query, filters: s.filters, all: s.all }));
              var whole = !judged.offer && wholeTexts(s.query, found.total);
              if (whole) linked(status, "hub-whole", root_.dataset.fewWhole, s.query, whole);
              if (then) then();
            });
          });
        });
      }).then(done, function () {
        done(); reset();
        if (id !== current) return;
        // the results on the page answered the words before: they would read as answers to these
        results = []; shown = 0; list.replaceChildren(); more.hidden = true; widen.hidden = true; list.hidden = false;
        say(searchBox.error);
      });
    }

    // A reader who opens a result and comes back finds as many results as they had, where they were:
    // the history entry keeps the count (and, as they leave, the scroll position) for the next visit.
    function remember() {
      // (over what the entry holds: the menu's step, when the reader leaves through the menu)
      if (shown) history.replaceState(Object.assign({}, history.state, { shown: shown, y: window.scrollY }), "", location.href);
    }
    function restore(saved) {
      if (!saved || !saved.shown) return run();
      run(saved.shown, 0, function () { if (saved.y) window.scrollTo(0, saved.y); });
    }
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";  // the results are not there yet
    list.addEventListener("click", remember);
    window.addEventListener("pagehide", remember);

    var typing = null;
    form.addEventListener("submit", function (e) { e.preventDefault(); writeState(fromForm(), true); run(); });
    status.addEventListener("click", function (e) {  // the word suggested: searched for here, as if typed
      var link = e.target.closest(".hub-suggestion a");
      if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      history.pushState(null, "", link.getAttribute("href"));
      run();
      input.focus();
    });
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { writeState(fromForm(), false); run(); }, 250);
    });
    root_.addEventListener("change", function (e) {
      if (e.target.type !== "checkbox") return;
      writeState(fromForm(), true);
      run();
    });
    panel.addEventListener("toggle", function () { if (panel.open && !counted) run(shown > PAGE ? shown : 0); });
    clear.addEventListener("click", function () { writeState({ query: input.value.trim(), filters: {}, all: urlState().all }, true); run(); });
    root_.querySelector(".hub-facets__done").addEventListener("click", function () {
      panel.open = false;
      panel.querySelector("summary").focus({ preventScroll: true });  // the results follow it
      var header = document.querySelector(".md-header");  // sticky: it would hide what scrolls under it
      window.scrollTo(0, panel.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0));
    });
    widen.addEventListener("click", function () { writeState({ query: input.value.trim(), filters: chosen(root_), all: true }, true); run(); });
    // Results whose text failed to download stay failed in that engine: the next try searches again
    // with a fresh one and shows as many results, plus the page asked for.
    var stale = false;
    more.addEventListener("click", function () {
      if (stale) { stale = false; return run(shown + PAGE, shown); }
      showMore().catch(function () { reset(); stale = true; say(searchBox.error); });
    });
    window.addEventListener("popstate", function (e) { restore(e.state); });
    restore(history.state);
  }

  // Another language's search page gets the query and the filters along. Values that are words of
  // this language (regions, topics, types) go as ids ("@chile"), which that page turns into its own
  // words (data-ids, from catalogue/search_records.py); the others read the same in every language.
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function facetIds(name) {
    var set = document.querySelector('.hub-facet[data-facet="' + name + '"]');
    return JSON.parse((set && set.dataset.ids) || "null");
  }
  function keepQuery(link) {
    link.addEventListener("click", function () { link.href = carried(link.href); });
  }
  function carried(href) {
    var params = new URLSearchParams(location.search), out = new URLSearchParams();
    params.forEach(function (value, name) {
      var ids = FACETS.indexOf(name) >= 0 ? facetIds(name) : null;
      if (!ids) return out.append(name, value);
      if (ids[value]) out.append(name, "@" + ids[value]);
    });
    return out.toString() ? href.split(/[?#]/)[0] + "?" + out : href;
  }
  // Ids from another language's page ("@chile"), or in a link another site made (region=chile),
  // become this page's words, in the address too.
  function wordsForIds() {
    var params = new URLSearchParams(location.search), changed = false;
    FACETS.forEach(function (name) {
      var ids = facetIds(name), values = params.getAll(name);
      if (!ids) return;
      var words = {};
      Object.keys(ids).forEach(function (word) { words[ids[word]] = word; });
      function own(v) { return v.charAt(0) === "@" ? words[v.slice(1)] : has(ids, v) ? v : has(words, v) ? words[v] : v; }
      if (values.every(function (v) { return own(v) === v; })) return;
      params.delete(name);
      values.forEach(function (v) { if (own(v)) params.append(name, own(v)); });
      changed = true;
    });
    if (changed) history.replaceState(history.state, "", location.pathname + (params.toString() ? "?" + params : ""));
  }

  document.querySelectorAll("form.hub-search").forEach(header);
  var searchPage = document.getElementById("hub-search-page");
  if (searchPage) {
    wordsForIds();
    page(searchPage);
    document.querySelectorAll(".md-select__link").forEach(keepQuery);
  }
  // words typed into the header box while this file was on its way
  var typed = document.activeElement;
  if (typed && typed.matches("form.hub-search input") && typed.value.trim()) typed.dispatchEvent(new Event("input"));
})();
