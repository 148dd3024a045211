/* The hub's scripts. Everything works without them. This one runs on every page: the language
   menu and the drawer by keyboard, event times in the reader's own time zone, an offline copy
   that has aged, the missing-page message in the reader's language. Search is hub-search.js,
   which only pages where a reader searches download (see the end of this file). */
(function () {
  "use strict";
  var lang = (document.documentElement.lang || "en").toLowerCase();
  var config = JSON.parse((document.querySelector("script#__config") || {}).textContent || "{}");
  var root = new URL((config.base || ".").replace(/\/?$/, "/"), location.href); // base is "/" on the 404 page
  var searchBox = (document.querySelector("form.hub-search") || { dataset: {} }).dataset;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  function plural(json, count) {
    var forms = JSON.parse(json);
    var form = forms[new Intl.PluralRules(lang).select(count)] || forms.other;
    return form.replace("{count}", count.toLocaleString(lang));
  }

  /* ---- event times in the reader's own time zone ---- */
  // The page shows an event's time as announced, in the venue's zone; readers elsewhere also
  // see it in theirs, which only their browser knows.
  // Dates in the Gregorian calendar, in CLDR's medium date and short time, as the page prints them
  // (catalogue/strings.py) (a Thai browser would count Buddhist
  // years). A language the browser cannot format (Chromium has no Mongolian) gets numbers and the
  // zone's id, not English words.
  var formats = searchBox.locale || lang; // the page's way of writing dates and times: en-GB for the English pages
  var known = window.Intl && Intl.DateTimeFormat.supportedLocalesOf([formats]).length > 0;
  // 2027-03-10, by the reader's calendar
  function isoDay(date) {
    return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map(function (n) { return String(n).padStart(2, "0"); }).join("-");
  }
  function day(date, withoutYear) {
    if (!known) return isoDay(date);
    var style = withoutYear ? { month: "short", day: "numeric" } : { dateStyle: "medium" };
    return date.toLocaleDateString(formats + "-u-ca-gregory", style);
  }
  function hour(date) {
    if (known) return date.toLocaleTimeString(formats + "-u-ca-gregory", { timeStyle: "short" });
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }

  // True when the reader's clock reads as the event's own at that moment (Bangkok and Jakarta,
  // say): the time printed in the event's zone is then the reader's too.
  function sameClock(iso, date) {
    var m = /(?:([+-])(\d\d):(\d\d)|Z)$/.exec(iso);
    if (!m) return false;
    var ahead = m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    return date.getTimezoneOffset() === -ahead;
  }

  // An event still to come when the hub was built may be over when the page is read (an offline
  // copy can be months old): it says so, by the reader's calendar, and needs no "your time".
  function endedEvents() {
    var today = isoDay(new Date());
    document.querySelectorAll("time[data-last-day]").forEach(function (node) {
      if (node.dataset.lastDay >= today) return;
      node.dataset.over = "";
      node.after(el("strong", { class: "hub-ended" }, [" · " + node.dataset.ended]));
    });
    document.querySelectorAll("li[data-until]").forEach(function (item) { item.hidden = item.dataset.until < today; });
    document.querySelectorAll(".hub-upcoming").forEach(leaveUpcoming);
  }

  // An offline copy ages, as a page does between two builds: an event over by the reader's calendar
  // leaves the upcoming events, for the top of the page's past events where it has them (counted
  // again), else out; a list left empty says so, or goes.
  function leaveUpcoming(section) {
    var over = [].filter.call(section.querySelectorAll(".hub-card"), function (card) { return card.querySelector("time[data-over]"); });
    if (!over.length) return;
    var past = document.querySelector(".hub-past .hub-cards"), count = document.querySelector(".hub-past .hub-count[data-plural]");
    over.forEach(function (card) { if (past) past.prepend(card); else card.remove(); });  // the soonest first: the latest ends on top
    if (past && count) {
      count.dataset.count = +count.dataset.count + over.length;
      count.firstElementChild.textContent = plural(count.dataset.plural, +count.dataset.count);
    }
    if (section.querySelector(".hub-card")) return;
    if (!section.dataset.empty) { section.hidden = true; return; }
    section.querySelector(".hub-cards").replaceWith(el("div", { class: "hub-empty" }, [el("p", {}, [section.dataset.empty])]));
  }

  // An offline copy read months after it was made: say so at the top of every page, with the way to
  // the hub online (the footer's link), because its resources and events have moved on since.
  var STALE_DAYS = 92;  // "more than three months" (offline_stale in locales/)
  function staleCopy(footer) {
    var age = (Date.now() - Date.parse(footer.dataset.built)) / 864e5;
    if (!(age > STALE_DAYS)) return;
    var online = footer.querySelector("a.hub-external");
    var notice = el("p", { class: "hub-notice hub-notice--stale" }, [footer.dataset.stale + " "]);
    if (online) notice.append(online.cloneNode(true));
    var banner = document.querySelector(".md-banner__inner");
    if (banner) return banner.append(notice);
    document.querySelector(".md-header").before(el("aside", { class: "md-banner" }, [el("div", { class: "md-banner__inner md-grid md-typeset" }, [notice])]));
  }

  function localTimes() {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var lines = [], made = {};
    function zoneName(style) {  // one formatter per style for the page, not one per line
      return made[style] || (made[style] = new Intl.DateTimeFormat(formats, { timeZoneName: style }));
    }
    document.querySelectorAll("time.hub-event-time[data-zone]:not([data-over])").forEach(function (node) {
      // the time's own line (in its paragraph) holds it in UTC (catalogue/render.py); the reader's
      // own time replaces it, in place, so that nothing below moves
      var line = node.parentNode.querySelector(".hub-local-time");
      if (!line || node.dataset.zone === zone) return;
      var start = new Date(node.getAttribute("datetime"));
      var end = node.dataset.end ? new Date(node.dataset.end) : null;
      if (sameClock(node.getAttribute("datetime"), start) && (!end || sameClock(node.dataset.end, end))) return;
      var sameDay = !end || end.toDateString() === start.toDateString();
      // dates: "full" (10 Dec 2023), "short" (10 Dec: the year is the one the event's time shows),
      // "none" (the hours alone, on the day the event's time shows)
      function label(style, dates) {
        var on = function (date) { return dates === "none" ? "" : day(date, dates === "short") + ", "; };
        var text = on(start) + hour(start);
        if (end) text += sameDay ? "–" + hour(end) : " – " + on(end) + hour(end);
        if (style === "none") return (node.dataset.local || "{time}").replace("{time}", text);
        var name = known && zoneName(style).formatToParts(start)
          .filter(function (p) { return p.type === "timeZoneName"; }).map(function (p) { return p.value; })[0] || zone;
        return (node.dataset.local || "{time}").replace("{time}", text + " (" + name + ")");
      }
      // A listing's card keeps to a short zone name ("GMT+1"); the event's own page spells it out.
      // Where that takes more lines than the UTC line it replaces (on a phone), shorter forms follow,
      // so that nothing below moves: the short name, the date without its year, the hours alone.
      var shown = node.getAttribute("datetime").slice(0, 10);  // the event's own day, as printed above
      var forms = node.closest(".hub-card") ? [["short", "full"]] : [["long", "full"], ["short", "full"]];
      var sameYear = [start, end].every(function (d) { return !d || isoDay(d).slice(0, 4) === shown.slice(0, 4); });
      if (sameYear) forms.push(["short", "short"]);
      if (sameDay && isoDay(start) === shown) forms.push(["short", "none"]);
      // the last resort, without the zone's name ("Your time" says whose): a line as long as the
      // UTC line, whose dates carry their years, took two where it took one (17–18 Feb, at 390 px)
      forms.push(["none", forms[forms.length - 1][1]]);
      lines.push({ line: line, forms: forms, label: label });
    });
    // All lines measured, then all written, then all measured again: one layout a round for the
    // whole page, not one for each card (a listing of events on a slow phone)
    lines.forEach(function (item) { item.room = item.line.offsetHeight; });
    for (var form = 0; lines.length; form++) {
      lines.forEach(function (item) { item.line.textContent = item.label.apply(null, item.forms[form]); });
      lines = lines.filter(function (item) { return item.line.offsetHeight > item.room && form + 1 < item.forms.length; });
    }
  }

  // The one page a static host serves for every missing address, in whatever language the reader
  // was: the part in the language of the address they asked for moves to the top.
  // The reader's part becomes the page's heading and title; the default language's follows, as a
  // part of its own.
  function notFound(list) {
    // the words of the missing address go along to search: an old or mistyped link to a resource
    // holds its title's words (resources/mine-closure-checklist/)
    var last = location.pathname.replace(/\/(index\.html)?$/, "").split("/").pop().replace(/\.html$/, "");
    try { last = decodeURIComponent(last); } catch (e) { last = ""; }
    var words = last.split(/[-_.+\s]+/).filter(function (w) { return /\p{L}/u.test(w); }).join(" ");
    if (words) document.querySelectorAll('article a[href$="search/"]').forEach(function (a) {
      a.href += "?q=" + encodeURIComponent(words);
    });
    var asked = location.pathname.slice(root.pathname.length).split("/")[0];
    var own = /^[a-z]{2,3}$/.test(asked) && list.querySelector('li[lang="' + asked + '"]');
    if (!own) return;
    var heading = document.querySelector("article h1");
    var name = own.querySelector("strong");
    var text = el("p", {});
    own.childNodes.forEach(function (n) { if (n !== name) text.append(n.cloneNode(true)); });
    heading.before(el("div", { class: "hub-not-found-own", lang: asked }, [el("h1", {}, [name.textContent.trim()]), text]));
    heading.replaceWith(el("h2", {}, [heading.textContent]));
    document.title = name.textContent.trim() + document.title.slice(document.title.indexOf(" - "));
    own.remove();
  }

  // Material's menu button (narrow screens) is a <label> for the drawer's checkbox: no keyboard
  // reaches it, and a screen reader hears no button. With scripts it becomes a button; opening
  // moves into the drawer, and Escape or the drawer's own close button closes it.
  function drawer(toggle, label) {
    var button = el("button", { type: "button", class: label.className + " hub-menu", "aria-expanded": "false" });
    label.childNodes.forEach(function (n) { button.append(n.cloneNode(true)); });
    label.replaceWith(button);
    button.addEventListener("click", function () { toggle.click(); });
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (sidebar && label.dataset.close) {
      var close = el("button", { type: "button", class: "hub-drawer-close", "aria-label": label.dataset.close }, ["×"]);
      close.addEventListener("click", function () { toggle.click(); button.focus(); });
      sidebar.prepend(close);
    }
    // Back closes the open menu, as it does an app's on a phone: opening adds a step to the history
    // (same address), Back takes it away, and closing otherwise goes back over it, so that the next
    // Back leaves the page. Those steps are the menu's alone: the search page's history never sees them.
    var stepped = false, leaving = false;
    function step(open) {
      if (open && !stepped) history.pushState(Object.assign({}, history.state, { hubMenu: true }), "");
      else if (!open && stepped) { leaving = true; history.back(); }
      stepped = open;
    }
    window.addEventListener("popstate", function (e) {
      if (!stepped && !leaving) return;
      e.stopImmediatePropagation();
      leaving = false;
      if (stepped) { stepped = false; if (toggle.checked) toggle.click(); }
    });
    // A page left through the menu (one of its links) and come back to, loaded again: the browser
    // reopens the menu (it restores the checkbox) on the menu's step. Closed, and the step gone.
    // From the back-forward cache it is as it was left, step included: Back closes it.
    window.addEventListener("pageshow", function () {
      if (stepped) return;
      if (toggle.checked) toggle.click();
      if (history.state && history.state.hubMenu) { leaving = true; history.back(); }
    });
    toggle.addEventListener("change", function () {
      step(toggle.checked);
      button.setAttribute("aria-expanded", String(toggle.checked));
      // behind the open drawer, the page takes neither the keyboard nor a screen reader's cursor
      document.querySelectorAll(".md-header, .md-content, .md-sidebar--secondary, .md-footer, [data-md-component=announce]")
        .forEach(function (part) { part.inert = toggle.checked; });
      // its close button first, as a dialog's: Escape or Enter takes the reader back; Tab goes on to the links
      var first = toggle.checked && (document.querySelector(".hub-drawer-close") || document.querySelector(".md-sidebar--primary a"));
      if (first) setTimeout(function () { first.focus(); }, 50);  // once it is visible
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !toggle.checked) return;
      toggle.click();
      button.focus();
    });
  }

  // Material's language menu opens while anything in it has the keyboard, so its six links sit in
  // the Tab order of every page, and nothing tells a screen reader whether it is open. With scripts
  // it is a disclosure: the button opens and closes it and says which it is, Escape closes it, and
  // a closed menu's links take no keyboard (hub.css). A mouse still opens it by pointing at it.
  function languageMenu(select) {
    var button = select.querySelector("button"), inner = select.querySelector(".md-select__inner");
    if (!button) return;
    function show(open) {
      select.classList.toggle("hub-select--open", open);
      button.setAttribute("aria-expanded", String(open));
      if (!open || !inner) return;
      // it hangs from the button's right edge; on a narrow screen, where the button sits on the left,
      // that ran off the screen (320 px, or 400% zoom): it moves right until it fits
      inner.style.right = "";
      var left = inner.getBoundingClientRect().left;
      if (left < 8) inner.style.right = (left - 8) + "px";
      select.classList.toggle("hub-select--moved", left < 8);  // its pointer would point past the button
    }
    select.classList.add("hub-select");
    show(false);
    button.addEventListener("click", function () { show(!select.classList.contains("hub-select--open")); });
    select.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !select.classList.contains("hub-select--open")) return;
      show(false);
      button.focus();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && select.matches(":hover")) select.classList.add("hub-select--dismissed");
    });
    select.addEventListener("mouseleave", function () { select.classList.remove("hub-select--dismissed"); });
    select.addEventListener("focusout", function (e) { if (e.relatedTarget && !select.contains(e.relatedTarget)) show(false); });
    document.addEventListener("click", function (e) { if (!select.contains(e.target)) show(false); });
  }

  // Search first, so that nothing failing below can keep it from a reader. Its own script arrives
  // when a reader turns to the header box (tap, click or Tab): most readers of a page never search,
  // and it is there before the first letter is typed. The search page asks for it itself. A failed
  // download is tried again at the next turn.
  window.hub = { lang: lang, root: root, el: el, plural: plural };  // for hub-search.js
  var searchScript = null;
  function loadSearch(form) {
    if (searchScript || window.hub.searching || !form.dataset.script) return;
    searchScript = el("script", { src: new URL(form.dataset.script, location.href).href });
    searchScript.onerror = function () { searchScript.remove(); searchScript = null; };
    document.head.append(searchScript);
  }
  document.querySelectorAll("form.hub-search").forEach(function (form) {
    form.addEventListener("focusin", function () { loadSearch(form); });
  });
  document.querySelectorAll(".md-header .md-select").forEach(languageMenu);
  var menu = document.querySelector('label.md-header__button[for="__drawer"]');
  if (menu && document.getElementById("__drawer")) drawer(document.getElementById("__drawer"), menu);
  endedEvents();
  localTimes();
  var copy = document.querySelector(".hub-footer__offline[data-built]");
  if (copy) staleCopy(copy);
  var missing = document.querySelector(".hub-not-found");
  if (missing) notFound(missing);
  // sent here by the language menu of a resource that has no version in this language
  var arrived = document.querySelector(".hub-untranslated");
  if (arrived && new URLSearchParams(location.search).has("untranslated")) arrived.hidden = false;
})();
