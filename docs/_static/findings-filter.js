// Filters for the findings report: code, severity and review status.
// Without JavaScript every finding is shown; the controls stay hidden.
(function () {
  "use strict";
  function init() {
    var form = document.getElementById("kb-findings-filters");
    var table = document.getElementById("kb-findings");
    if (!form || !table) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var out = document.getElementById("kb-findings-count");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (sel) {
      var wanted = params.get(sel.dataset.filter);
      if (wanted !== null) {
        for (var i = 0; i < sel.options.length; i++) {
          if (sel.options[i].value === wanted) sel.value = wanted;
        }
      }
      sel.addEventListener("change", apply);
    });
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (sel) {
          return sel.value === "" || row.dataset[sel.dataset.filter] === sel.value;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (out) out.textContent = shown + " of " + rows.length + " shown";
    }
    form.hidden = false;
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
