// Filters and change navigation. Without this script the page shows every row (the controls stay hidden).
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var ctl = doc.getElementById("ctl");
  if (!ctl) return;
  var rows = Array.prototype.slice.call(doc.querySelectorAll(".tbl > .r"));
  var boxes = Array.prototype.slice.call(ctl.querySelectorAll("input[data-k]"));
  var hideEq = doc.getElementById("hide-eq");
  var shown = doc.getElementById("shown");
  var cur = -1;

  function apply() {
    var off = {}, offList = [];
    boxes.forEach(function (b) { if (!b.checked) { off[b.getAttribute("data-k")] = 1; offList.push("f-" + b.getAttribute("data-k")); } });
    var count = 0;
    rows.forEach(function (r) {
      var k = r.getAttribute("data-k"), hide;
      if (k) hide = k.split(" ").every(function (x) { return off[x]; });
      else hide = hideEq.checked && r.classList.contains("eq");
      r.classList.toggle("h", hide);
      if (!hide) count++;
    });
    var cls = offList.join(" ");
    if (root.className !== cls) root.className = cls;  // an unchanged write still restyles the whole page
    shown.textContent = "Showing " + count.toLocaleString() + " of " + rows.length.toLocaleString() + (rows.length === 1 ? " row" : " rows");
  }

  function isChange(r) { return !r.classList.contains("eq") && !r.classList.contains("h"); }

  function firstInView() {
    var top = ctl.getBoundingClientRect().bottom;
    for (var i = 0; i < rows.length; i++) if (rows[i].getBoundingClientRect().bottom > top) return i;
    return rows.length;
  }

  function go(step) {
    var i = cur >= 0 ? cur + step : (step > 0 ? firstInView() : firstInView() - 1);
    for (; i >= 0 && i < rows.length; i += step) {
      if (isChange(rows[i])) { select(i, true); return; }
    }
  }

  function select(i, scroll) {
    if (cur >= 0) rows[cur].classList.remove("cur");
    cur = i;
    rows[i].classList.add("cur");
    if (scroll) rows[i].scrollIntoView({ block: "center" });
  }

  function follow() {
    // A link (ranked list, moved pair) may point at a row a filter hid: show that one row.
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && doc.getElementById(id);
    if (target && target.classList.contains("r")) {
      target.classList.remove("h");
      select(rows.indexOf(target), false);
    }
  }

  ctl.hidden = false;
  ctl.addEventListener("change", apply);
  doc.getElementById("next").addEventListener("click", function () { go(1); });
  doc.getElementById("prev").addEventListener("click", function () { go(-1); });
  doc.querySelector(".tbl").addEventListener("click", function (e) {
    var r = e.target.closest && e.target.closest(".r");
    if (r) select(rows.indexOf(r), false);
  });
  doc.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) ||
        (t.tagName === "INPUT" && t.type !== "checkbox")) return;
    if (e.key === "j" || e.key === "n") { go(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { go(-1); e.preventDefault(); }
  });
  window.addEventListener("hashchange", follow);
  apply();
  follow();
})();
