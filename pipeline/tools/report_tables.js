// Sort and filter the report's tables in the browser; inlined into the page, no external assets.
// Click a column header to sort (again to reverse); type in a table's filter box to keep matching rows.
// The state lives in the URL hash (#sort=<table>:<col>[:desc]&filter=<table>:<text>), so a sorted or
// filtered view can be linked. Without scripts the page shows the same tables, unsorted and unfiltered.
(function () {
  "use strict";
  var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-table]"));
  function byName(name) { return tables.filter(function (t) { return t.dataset.table === name; })[0]; }
  function bodyRows(table) {
    return Array.prototype.slice.call(table.tBodies[0].rows).filter(function (r) { return !r.classList.contains("total"); });
  }
  function cellKey(row, col, numeric) {
    var text = row.cells[col] ? row.cells[col].textContent.trim() : "";
    if (!numeric) { return text.toLowerCase(); }
    var value = parseFloat(text.replace(/[^0-9.eE+\-]/g, ""));
    return isNaN(value) ? -Infinity : value;
  }
  function sortTable(table, col, desc) {
    var head = table.tHead.rows[0].cells;
    var numeric = head[col] && head[col].classList.contains("num");
    var rows = bodyRows(table).map(function (r, i) { return [cellKey(r, col, numeric), i, r]; });
    rows.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]; });
    if (desc) { rows.reverse(); }
    var total = table.tBodies[0].querySelector("tr.total");
    rows.forEach(function (x) { table.tBodies[0].insertBefore(x[2], total); });
    for (var i = 0; i < head.length; i++) { head[i].removeAttribute("aria-sort"); }
    head[col].setAttribute("aria-sort", desc ? "descending" : "ascending");
    table.dataset.sorted = col + (desc ? ":desc" : "");
  }
  function filterTable(table, text) {
    var needle = text.toLowerCase();
    bodyRows(table).forEach(function (r) { r.hidden = needle !== "" && r.textContent.toLowerCase().indexOf(needle) < 0; });
    table.dataset.filter = text;
  }
  function writeHash() {
    var parts = [];
    tables.forEach(function (t) {
      if (t.dataset.sorted) { parts.push("sort=" + encodeURIComponent(t.dataset.table + ":" + t.dataset.sorted)); }
      if (t.dataset.filter) { parts.push("filter=" + encodeURIComponent(t.dataset.table + ":" + t.dataset.filter)); }
    });
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  }
  tables.forEach(function (table) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "table-filter";
    box.placeholder = "filter rows";
    box.setAttribute("aria-label", "filter the rows of this table");
    box.addEventListener("input", function () { filterTable(table, box.value); writeHash(); });
    table.parentNode.insertBefore(box, table);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.classList.add("sortable");
      th.addEventListener("click", function () {
        sortTable(table, col, table.dataset.sorted === String(col));
        writeHash();
      });
    });
  });
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var kv = part.split("="), value = decodeURIComponent(kv[1] || ""), cut = value.indexOf(":");
    var table = cut > 0 ? byName(value.slice(0, cut)) : null;
    if (!table) { return; }
    var rest = value.slice(cut + 1);
    if (kv[0] === "sort") {
      sortTable(table, parseInt(rest, 10) || 0, /:desc$/.test(rest));
    } else if (kv[0] === "filter") {
      filterTable(table, rest);
      table.previousSibling.value = rest;
    }
  });
}());
