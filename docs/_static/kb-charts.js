// Interactive charts: each .kb-plot element names a JSON spec (a <script type="application/json">
// on the same page) that plotly.js draws. plotly.min.js is the copy the `plotly` Python package
// ships, in this site's _static folder; it is loaded only on pages that have a chart, once, when
// the first chart comes near the screen. Works offline and from file:// (no fetch).
(function () {
  "use strict";
  var me = document.currentScript && document.currentScript.src;
  var base = me ? me.replace(/kb-charts\.js(\?.*)?$/, "") : "_static/";
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + "plotly.min.js";
        s.onload = function () { resolve(window.Plotly); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  // On a phone, long category labels would leave the plot no room: shorten them (the hover
  // text has the full name) and use fewer ticks on the value axis.
  var NARROW = 640;
  function shortLabels(axis) {
    if (!axis || axis.type !== "category" || !axis.categoryarray) return null;
    return {
      tickmode: "array",
      tickvals: axis.categoryarray.slice(),
      ticktext: axis.categoryarray.map(function (s) { return s.length > 18 ? s.slice(0, 17) + "…" : s; })
    };
  }
  function narrow(fig, width) {
    if (width >= NARROW) return;
    ["xaxis", "yaxis"].forEach(function (name) {
      var a = fig.layout[name];
      if (!a) return;
      var short = shortLabels(a);
      if (short) Object.assign(a, short);
      else if (a.type === "log" || a.type === "linear" || a.type === "date") a.nticks = 5;
    });
  }
  function reshorten(el) {
    if (el.clientWidth >= NARROW || el.dataset.reshortening) return;
    var short = shortLabels(el.layout.yaxis);
    if (!short) return;
    el.dataset.reshortening = "1";
    window.Plotly.relayout(el, { "yaxis.tickmode": short.tickmode, "yaxis.tickvals": short.tickvals,
                                 "yaxis.ticktext": short.ticktext }).then(function () {
      delete el.dataset.reshortening;
    });
  }

  function draw(el) {
    if (el.dataset.drawn) return;
    el.dataset.drawn = "1";
    var spec = document.getElementById(el.dataset.spec);
    if (!spec) return;
    var fig = JSON.parse(spec.textContent);
    narrow(fig, el.clientWidth);
    loadPlotly().then(function (Plotly) {
      el.style.minHeight = "";
      return Plotly.newPlot(el, fig.data, fig.layout, fig.config || { responsive: true });
    }).then(function () {
      el.on("plotly_update", function () { reshorten(el); });
      el.classList.add("kb-plot-ready");
    });
  }

  function init() {
    var els = Array.prototype.slice.call(document.querySelectorAll(".kb-plot[data-spec]"));
    if (!els.length) return;
    if ("IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) { io.unobserve(e.target); draw(e.target); }
        });
      }, { rootMargin: "400px" });
      els.forEach(function (el) { io.observe(el); });
    } else {
      els.forEach(draw);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
