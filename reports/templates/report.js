/* figcheck report: select a highlighted figure to open its evidence; sort and filter the
   claims table. No libraries, no network. Without JS every panel is open and readable. */
(function () {
  "use strict";
  var doc = document;
  var all = function (sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); };
  doc.documentElement.classList.add("js");

  var marks = all("mark.claim-mark");
  var panels = all("details.claim-detail");
  var narrow = window.matchMedia("(max-width: 1020px)");

  /* Panels are open in the HTML for readers without JS; collapse them into a list. */
  panels.forEach(function (p) { p.open = false; });

  function markFor(panelId) {
    return doc.querySelector('mark.claim-mark[data-target="' + panelId + '"]');
  }

  function select(panelId, focusPanel, instant) {
    var panel = doc.getElementById(panelId);
    if (!panel) { return; }
    panels.forEach(function (p) { p.classList.toggle("is-selected", p === panel); });
    marks.forEach(function (m) {
      var on = m.getAttribute("data-target") === panelId;
      m.classList.toggle("is-selected", on);
      m.setAttribute("aria-expanded", on ? "true" : "false");
    });
    panel.open = true;
    panel.scrollIntoView({ block: narrow.matches ? "start" : "nearest", behavior: instant ? "auto" : "smooth" });
    if (focusPanel) { panel.querySelector("summary").focus({ preventScroll: true }); }
  }

  marks.forEach(function (m) {
    var target = m.getAttribute("data-target");
    m.addEventListener("click", function () { select(target, false); });
    m.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(target, true); }
    });
  });
  all("a.tag, a.row-link").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      select(a.getAttribute("href").slice(1), a.classList.contains("row-link"));
    });
  });
  panels.forEach(function (p) {
    p.addEventListener("toggle", function () {
      var m = markFor(p.id);
      if (m) { m.setAttribute("aria-expanded", p.open ? "true" : "false"); }
      if (!p.open) { p.classList.remove("is-selected"); if (m) { m.classList.remove("is-selected"); } }
    });
  });
  all("button.back").forEach(function (b) {
    b.addEventListener("click", function () {
      var m = doc.getElementById(b.getAttribute("data-back"));
      if (m) { m.scrollIntoView({ block: "center", behavior: "smooth" }); m.focus({ preventScroll: true }); }
    });
  });

  /* A link to report.html#claim-4 opens that claim's panel. */
  if (location.hash && /^#claim-\d+$/.test(location.hash)) { select(location.hash.slice(1), false, true); }

  /* Print everything: open every panel, restore afterwards. */
  /* "How we checked" is collapsed on screen and expanded in print. */
  var printable = panels.concat(all("details.how"));
  var openBefore = null;
  window.addEventListener("beforeprint", function () {
    openBefore = printable.map(function (p) { return p.open; });
    printable.forEach(function (p) { p.open = true; });
  });
  window.addEventListener("afterprint", function () {
    if (openBefore) { printable.forEach(function (p, i) { p.open = openBefore[i]; }); }
  });

  /* Claims table: sort by a column header, filter by verdict. */
  var table = doc.getElementById("claims-table");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = all("tr", tbody);
  var headers = all("thead th", table);
  var status = doc.getElementById("filter-status");

  function cellKey(row, col, type) {
    var cell = row.cells[col];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (type === "number") { var n = parseFloat(raw); return isNaN(n) ? null : n; }
    return raw;
  }
  headers.forEach(function (th, col) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var type = button.getAttribute("data-type");
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.slice().sort(function (a, b) {
        var x = cellKey(a, col, type), y = cellKey(b, col, type);
        if (x === null || y === null) { return (x === null) - (y === null); }
        var c = type === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: "base" });
        return c * dir;
      }).forEach(function (r) { tbody.appendChild(r); });
    });
  });

  var filters = all("button[data-filter]");
  filters.forEach(function (b) {
    b.addEventListener("click", function () {
      var want = b.getAttribute("data-filter");
      filters.forEach(function (f) { f.setAttribute("aria-pressed", f === b ? "true" : "false"); });
      var shown = 0;
      rows.forEach(function (r) {
        var show = want === "all" || r.getAttribute("data-verdict") === want;
        r.hidden = !show;
        if (show) { shown += 1; }
      });
      if (status) { status.textContent = want === "all" ? "" : "Showing " + shown + " of " + rows.length + " claims"; }
    });
  });
})();
