// Search, on top of Sphinx's own (searchtools.js, loaded before this deferred script):
//  * ranking: the query's words are matched, longest phrase first, against the index entries
//    the generator adds (entity names and aliases; property names and the words readers use
//    for them: "TDP", "wattage", "context length", "price per million tokens"). An entity with
//    a property ("H100 wattage") puts the entity page's section on that property first, then
//    the property's page, then the entity's page, then Sphinx's full-text results.
//  * clean snippets: table cells, list items and paragraphs kept apart; charts, folded
//    technical details and page furniture left out.
//  * results as you type on the search page (the theme does it in its search dialog).
(function () {
  "use strict";
  if (typeof Search === "undefined") return;

  function norm(s) { return String(s || "").toLowerCase().replace(/\s+/g, " ").trim(); }

  function phrases(query, entries) {
    var words = norm(query).split(" ").filter(Boolean);
    var hits = [];
    var i = 0;
    while (i < words.length) {
      var end = 0;
      for (var j = words.length; j > i; j--) {
        if (Object.prototype.hasOwnProperty.call(entries, words.slice(i, j).join(" "))) { end = j; break; }
      }
      if (end) { hits.push(words.slice(i, end).join(" ")); i = end; } else { i += 1; }
    }
    return { hits: hits, words: words.length };
  }

  var original = Search._performSearch;
  Search._performSearch = function (query) {
    var results = original.apply(this, arguments); // best last (they are popped)
    var idx = Search._index;
    var entries = (idx && idx.indexentries) || {};
    var found = phrases(query, entries);
    if (!found.hits.length) return results;
    var ents = [], props = [];
    found.hits.forEach(function (h) {
      entries[h].forEach(function (e) {
        var doc = idx.docnames[e[0]];
        if (doc.indexOf("generated/entities/") === 0 && ents.indexOf(e[0]) < 0) ents.push(e[0]);
        else if (doc.indexOf("generated/properties/") === 0 && props.indexOf(e[0]) < 0) props.push(e[0]);
      });
    });
    var extra = [];
    var all = idx.alltitles || {};
    ents.forEach(function (ef) {
      props.forEach(function (pf) {
        var title = idx.titles[pf];
        (all[title] || []).forEach(function (hit) {
          if (hit[0] === ef) {
            extra.push([idx.docnames[ef], idx.titles[ef] + " › " + title, hit[1] ? "#" + hit[1] : "", null, 300,
                        idx.filenames[ef], "title"]);
          }
        });
      });
    });
    props.forEach(function (pf) { extra.push([idx.docnames[pf], idx.titles[pf], "", null, 200, idx.filenames[pf], "index"]); });
    ents.forEach(function (ef) { extra.push([idx.docnames[ef], idx.titles[ef], "", null, 150, idx.filenames[ef], "index"]); });
    var key = function (r) { return r[0] + "#" + r[2]; };
    var seen = {};
    extra = extra.filter(function (r) { if (seen[key(r)]) return false; seen[key(r)] = true; return true; });
    var boosted = {};
    extra.forEach(function (r) { boosted[r[0]] = true; });
    // drop what the boosted results already show: the same page and anchor, and Sphinx's
    // own hit on one of the boosted pages' index entries
    results = results.filter(function (r) {
      return !seen[key(r)] && !(boosted[r[0]] && /^#index-/.test(r[2]));
    });
    extra.sort(function (a, b) { return a[4] - b[4] || (b[1] < a[1] ? -1 : b[1] > a[1] ? 1 : 0); });
    return results.concat(extra);
  };

  Search.htmlToText = function (htmlString, anchor) {
    var doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(".headerlink, script, style, .kb-figure, details.kb-tech, .kb-page-footer, .kb-legend, " +
                         "form, thead, .kb-downloads, .kb-qref, .bd-breadcrumbs, nav, .prev-next-area").forEach(function (el) { el.remove(); });
    var root = null;
    if (anchor) { try { root = doc.querySelector('[role="main"] ' + anchor); } catch (e) { root = null; } }
    root = root || doc.querySelector('[role="main"]');
    if (!root) return "";
    root.querySelectorAll("dt").forEach(function (el) { el.append(": "); });
    root.querySelectorAll("td, th, li, dd").forEach(function (el) { el.append(" · "); });
    root.querySelectorAll("p, div, tr, h1, h2, h3, h4, br, table, ul, dl, section, summary")
      .forEach(function (el) { el.append(" \u2002 "); });
    return root.textContent.replace(/\s+/g, " ").replace(/(\s*·\s*)+/g, " · ").replace(/^\s*·\s*/, "");
  };

  // results as you type, on the search page
  function live() {
    if (!/(^|\/)search\.html$/.test(window.location.pathname)) return;
    var out = document.getElementById("search-results");
    var input = document.querySelector('.bd-search-container input[name="q"], .bd-article input[name="q"]');
    if (!out || !input) return;
    var timer = null, last = input.value;
    input.addEventListener("input", function () {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var q = input.value.trim();
        if (q === last) return;
        last = q;
        out.innerHTML = "";
        var url = new URL(window.location.href);
        if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.toString());
        if (q) Search.performSearch(q);
      }, 250);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", live);
  else live();
})();
