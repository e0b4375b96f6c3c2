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

  function draw(el) {
    if (el.dataset.drawn) return;
    el.dataset.drawn = "1";
    var spec = document.getElementById(el.dataset.spec);
    if (!spec) return;
    var fig = JSON.parse(spec.textContent);
    loadPlotly().then(function (Plotly) {
      el.style.minHeight = "";
      return Plotly.newPlot(el, fig.data, fig.layout, fig.config || { responsive: true });
    }).then(function () {
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
