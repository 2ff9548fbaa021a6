"""OUT_DIR/index.html: every pair in one sortable, filterable table, linking each pair's report.
Self-contained (inline style and script, nothing fetched), so the folder can be zipped and mailed."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from .._version import __version__
from ..engine.model import RISK_ORDER

_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}
h1{font-size:1.3em;margin:0 0 .3em}
.bar{display:flex;gap:1em;align-items:center;margin:.6em 0}
input[type=search]{width:28em;padding:.3em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f6;cursor:pointer;position:sticky;top:0;user-select:none}
th:focus{outline:2px solid #3a6ff7}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.z{color:#6e6e6e}
tr.err td{background:#fff1f0}tr.none td{color:#666}
.kinds{font-size:.92em}
"""

_SCRIPT = """
(function(){
var table=document.getElementById('pairs'),body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var q=document.getElementById('q'),kind=document.getElementById('kind'),count=document.getElementById('count');
function filter(){var t=q.value.toLowerCase(),k=kind.value,shown=0;
rows.forEach(function(r){var ok=(!t||r.textContent.toLowerCase().indexOf(t)>=0)&&(!k||r.dataset[k]!=='0'&&r.dataset[k]!==undefined||k==='nosource'&&r.dataset.state==='none'||k==='error'&&r.dataset.state==='error');
r.hidden=!ok;if(ok)shown++;});count.textContent=shown+' of '+rows.length+' pairs';}
function sortBy(th){var i=th.cellIndex,num=th.dataset.num==='1',dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
Array.prototype.forEach.call(th.parentNode.cells,function(c){c.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',dir>0?'ascending':'descending');
rows.sort(function(a,b){var x=a.cells[i].dataset.v,y=b.cells[i].dataset.v;
if(num){return dir*(parseFloat(x)-parseFloat(y))||dir*(+a.dataset.rank-+b.dataset.rank);}return dir*x.localeCompare(y);});
rows.forEach(function(r){body.appendChild(r);});}
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.tabIndex=0;
th.addEventListener('click',function(){sortBy(th);});
th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sortBy(th);}});});
q.addEventListener('input',filter);kind.addEventListener('change',filter);filter();
})();
"""


def _cell(value: str, sort_value: object, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f'<td{attr} data-v="{escape(str(sort_value))}">{value}</td>'


def _row(rank: int, row: dict) -> str:
    counts = row["counts"] or {}
    state = "error" if row["error"] else "none" if row["source"] is None else "pair"
    data = " ".join(f'data-{k}="{counts.get(str(k), 0)}"' for k in RISK_ORDER)
    copy = escape(row["copy"])
    if row["report"]:
        copy = f'<a href="{escape(quote(row["report"]))}">{copy}</a>'
    total = sum(counts.values())
    kinds = ", ".join(f"{escape(k)} {n}" for k, n in counts.items())
    cells = [
        _cell(str(rank), rank, "n"),
        _cell(copy, row["copy"]),
        _cell(escape(row["source"] or "no source found"), row["source"] or ""),
        _cell(f"{row['similarity']:.3f}" if row["source"] else "", row["similarity"], "n"),
        *(
            _cell(str(counts.get(str(k), 0)), counts.get(str(k), 0), "n" if counts.get(str(k)) else "n z")
            for k in RISK_ORDER[:5]
        ),
        _cell(str(total), total, "n"),
        _cell(
            f'<span class="kinds">{kinds}</span>' if kinds else escape(row["error"] or ""), kinds or row["error"] or ""
        ),
    ]
    css = {"error": ' class="err"', "none": ' class="none"'}.get(state, "")
    return f'<tr{css} data-rank="{rank}" data-state="{state}" {data}>{"".join(cells)}</tr>'


def index_html(rows: list[dict]) -> str:
    heads = [
        "#",
        "Copy",
        "Source",
        "Similarity",
        *(str(k).capitalize() for k in RISK_ORDER[:5]),
        "Changes",
        "Kinds / error",
    ]
    numeric = {0, 3, 4, 5, 6, 7, 8, 9}
    th = "".join(f'<th scope="col" data-num="{int(i in numeric)}">{escape(h)}</th>' for i, h in enumerate(heads))
    options = "".join(f'<option value="{k}">with {escape(str(k))} changes</option>' for k in RISK_ORDER)
    body = "\n".join(_row(i + 1, row) for i, row in enumerate(rows))
    differing = sum(1 for r in rows if r["source"] and r["counts"])
    unmatched = sum(1 for r in rows if not r["source"] and not r["error"])
    failed = sum(1 for r in rows if r["error"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>drift-viewer batch: {len(rows)} copies</title><style>{_STYLE}</style></head>
<body><h1>Batch: {len(rows)} copies</h1>
<p>{differing} differ from their source, {unmatched} have no source, {failed} could not be read. Riskiest first;
click a column to sort. Made by drift-viewer {escape(__version__)}.</p>
<div class="bar"><input id="q" type="search" placeholder="Filter by file name or kind" aria-label="Filter">
<select id="kind" aria-label="Show"><option value="">all pairs</option>{options}
<option value="nosource">no source found</option><option value="error">could not be read</option></select>
<span id="count" aria-live="polite"></span></div>
<table id="pairs"><thead><tr>{th}</tr></thead>
<tbody>
{body}
</tbody></table>
<script>{_SCRIPT}</script>
</body></html>
"""
