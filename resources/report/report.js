// Filters, change navigation and lazy pages. Without this script the page shows every row (the
// controls stay hidden). Pages of rows after the first, and the folded parts of long lists, sit in
// <noscript>, which a browser running this script keeps as one text node (cheap to parse): they become
// markup when they come near the view, when navigation needs them, when a fold opens, or in idle time,
// so find-in-page sees the whole text soon after the page appears. See drift_viewer/report/paging.py.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var ctl = doc.getElementById("ctl"), tbl = doc.querySelector(".tbl");
  if (!ctl || !tbl) return;

  function unwrap(ns) {
    ns.insertAdjacentHTML("afterend", ns.textContent);
    ns.parentNode.removeChild(ns);
  }

  // One entry per row, read once from the pages' data-r: no query over a book's nodes per keypress.
  var pages = [], group = [], kinds = [], hidden = [], pageOf = [], els = [];
  var pageEls = tbl.getElementsByClassName("pg");
  try {
    for (var p = 0; p < pageEls.length; p++) {
      var el = pageEls[p], entries = el.getAttribute("data-r").split(";");
      el.__page = { el: el, index: p, first: group.length, n: entries.length, src: el.querySelector("noscript") };
      pages.push(el.__page);
      for (var e = 0; e < entries.length; e++) {
        var parts = entries[e].split(" ");
        pageOf.push(p); group.push(parts[0]); kinds.push(parts.slice(1)); hidden.push(false); els.push(null);
      }
    }
  } catch (err) {
    // Never leave rows trapped in <noscript> because this script met a page it did not expect.
    Array.prototype.slice.call(tbl.querySelectorAll("noscript")).forEach(unwrap);
    throw err;
  }
  var n = group.length, cur = -1;
  var boxes = Array.prototype.slice.call(ctl.querySelectorAll("input[data-k]"));
  var hideEq = doc.getElementById("hide-eq"), shown = doc.getElementById("shown");

  function hydrate(p) {
    var page = pages[p];
    if (page.src) {
      unwrap(page.src);
      page.src = null;
      page.el.style.height = "";
      if (observer) observer.unobserve(page.el);
    }
    if (els[page.first]) return;
    var rows = page.el.children;
    for (var i = 0; i < rows.length && i < page.n; i++) {
      var k = page.first + i;
      els[k] = rows[i];
      if (hidden[k]) rows[i].classList.add("h");
      if (k === cur) rows[i].classList.add("cur");
    }
  }

  function rowEl(i) {
    hydrate(pageOf[i]);
    return els[i];
  }

  // A page not yet made rows stands in with a height guessed from its markup's length, measured
  // against the first page, so the scroll bar is roughly right from the start.
  var observer = null;
  (function placeholders() {
    if (pages.length < 2) return;
    var first = pages[0].el, size = first.innerHTML.length;
    first.style.contentVisibility = "visible";
    var perChar = size ? first.offsetHeight / size : 0;
    first.style.contentVisibility = "";
    if ("IntersectionObserver" in window) {
      observer = new IntersectionObserver(function (seen) {
        seen.forEach(function (s) { if (s.isIntersecting) hydrate(s.target.__page.index); });
      }, { rootMargin: "150% 0px" });
    }
    pages.forEach(function (page) {
      if (!page.src) return;
      var guess = Math.max(40, Math.round(page.src.textContent.length * perChar));
      page.el.style.height = guess + "px";
      page.el.style.containIntrinsicSize = "auto " + guess + "px";
      if (observer) observer.observe(page.el);
    });
  })();

  function apply() {
    var off = {}, offList = [];
    boxes.forEach(function (b) { if (!b.checked) { off[b.getAttribute("data-k")] = 1; offList.push("f-" + b.getAttribute("data-k")); } });
    var heq = hideEq.checked, count = 0;
    for (var i = 0; i < n; i++) {
      var k = kinds[i], h;
      if (k.length) {
        h = true;
        for (var j = 0; j < k.length; j++) if (!off[k[j]]) { h = false; break; }
      } else h = heq && group[i] === "eq";
      // Only rows whose state changes are touched: a class write on every row restyles them all.
      if (h !== hidden[i]) { hidden[i] = h; if (els[i]) els[i].classList.toggle("h", h); }
      if (!h) count++;
    }
    var cls = offList.join(" ");
    if (root.className !== cls) root.className = cls;  // an unchanged write still restyles the whole page
    shown.textContent = "Showing " + count.toLocaleString() + " of " + n.toLocaleString() + (n === 1 ? " row" : " rows");
  }

  function firstInView() {
    var top = ctl.getBoundingClientRect().bottom, box = tbl.getBoundingClientRect();
    if (box.top >= top) return 0;
    if (box.bottom <= top) return n;
    var at = doc.elementFromPoint(box.left + 4, top + 2), r = at && at.closest && at.closest(".r");
    if (r) return +r.id.slice(1) - 1;
    var pg = at && at.closest && at.closest(".pg");
    return pg ? pg.__page.first : 0;
  }

  function go(step) {
    var i = cur >= 0 ? cur + step : (step > 0 ? firstInView() : firstInView() - 1);
    for (; i >= 0 && i < n; i += step) {
      if (group[i] !== "eq" && !hidden[i]) { select(i, true); return; }
    }
  }

  function select(i, scroll) {
    if (cur >= 0 && els[cur]) els[cur].classList.remove("cur");
    cur = i;
    var r = rowEl(i);
    r.classList.add("cur");
    // Focus follows the selection so a screen reader reads the row; it is not a tab stop.
    if (!r.hasAttribute("tabindex")) r.setAttribute("tabindex", "-1");
    r.focus({ preventScroll: true });
    if (scroll) r.scrollIntoView({ block: "center" });
  }

  function follow() {
    // A link (ranked list, moved pair) may point at a row not yet made, or one a filter hid.
    var m = /^#g(\d+)$/.exec(location.hash), i = m ? +m[1] - 1 : -1;
    if (i < 0 || i >= n) return;
    var r = rowEl(i);
    if (hidden[i]) { hidden[i] = false; r.classList.remove("h"); }
    select(i, false);
    r.scrollIntoView();
  }

  function all() { for (var p = 0; p < pages.length; p++) hydrate(p); }

  // One page per idle turn: a keypress then never waits for more than one page's worth of markup.
  var next = 0;
  function idle() {
    if (next < pages.length) hydrate(next++);
    if (next < pages.length) later(idle);
  }
  var later = window.requestIdleCallback ? function (f) { window.requestIdleCallback(f, { timeout: 3000 }); }
    : function (f) { setTimeout(f, 30); };

  ctl.hidden = false;
  ctl.addEventListener("change", apply);
  doc.getElementById("next").addEventListener("click", function () { go(1); });
  doc.getElementById("prev").addEventListener("click", function () { go(-1); });
  tbl.addEventListener("click", function (e) {
    var r = e.target.closest && e.target.closest(".r");
    if (r) select(+r.id.slice(1) - 1, false);
  });
  doc.addEventListener("toggle", function (e) {
    var ns = e.target.open && e.target.querySelector(":scope > noscript");
    if (ns) unwrap(ns);
  }, true);  // toggle does not bubble
  doc.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) ||
        (t.tagName === "INPUT" && t.type !== "checkbox")) return;
    if (e.key === "j" || e.key === "n") { go(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { go(-1); e.preventDefault(); }
  });
  window.addEventListener("hashchange", follow);
  window.addEventListener("beforeprint", all);
  if (pages.length) hydrate(0);
  apply();
  follow();
  later(idle);
})();
// The fact section: filters (a class on the section; report.css.j2 hides the rest) and sorting by a
// column's button. The facts that are the same sit in a fold's <noscript>: made rows when asked for.
(function () {
  "use strict";
  var doc = document, sec = doc.getElementById("facts"), fctl = doc.getElementById("fctl");
  if (!sec || !fctl) return;
  var status = doc.getElementById("f-status"), kind = doc.getElementById("f-kind");
  var shown = doc.getElementById("f-shown"), fold = doc.getElementById("fact-same-fold");

  function unfold() {
    if (!fold) return;
    var ns = fold.querySelector(":scope > noscript");
    if (ns) { ns.insertAdjacentHTML("afterend", ns.textContent); ns.parentNode.removeChild(ns); }
    fold.open = true;
  }

  function apply() {
    var cls = [];
    if (status.value) cls.push("fs-" + status.value);
    if (kind.value) cls.push("fk-" + kind.value);
    if (status.value === "same" || (kind.value && !status.value)) unfold();  // the rows asked for are folded
    sec.className = cls.join(" ");
    if (!cls.length) { shown.textContent = ""; return; }
    var rows = sec.querySelectorAll(".ft tbody tr"), count = 0;
    for (var i = 0; i < rows.length; i++) {
      var c = rows[i].classList;
      if ((!status.value || c.contains("s-" + status.value)) && (!kind.value || c.contains("k-" + kind.value))) count++;
    }
    shown.textContent = "Showing " + count.toLocaleString() + (count === 1 ? " fact" : " facts");
  }

  function sort(button) {
    var th = button.parentNode, table = th.closest("table"), column = +button.getAttribute("data-c");
    var order = th.getAttribute("aria-sort") === "ascending" ? -1 : 1, last = th.parentNode.cells.length - 1;
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", order > 0 ? "ascending" : "descending");
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { if (r.__i === undefined) r.__i = i; });  // the page's order: status first
    function key(r) {
      if (column === 0) return r.__i;
      if (column === last) return +r.getAttribute("data-g");  // Row, the last column (5 or 8 of them)
      return r.cells[column].textContent;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var d = typeof x === "number" ? x - y : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
      return d * order || a.__i - b.__i;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  fctl.hidden = false;
  fctl.addEventListener("change", apply);
  sec.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("th button");
    if (b) sort(b);
  });
})();
