"""The seed pair (../shared/data/seed) as the web pages it came from, for the boilerplate benchmark.

The seed's two files are plain text; its spun copy still carries the web page it was copied from ("Also
Read", "Leave a Reply", "Related Articles", "Back to top button"). These templates put each file's lines
back into a page as its site would show them: the RFE/RL original with its section menu, live-briefing
box and footer; the copy in a WordPress theme with a menu, share bar, comment form and cookie notice.
Gold: "+" story lines, "~" lines neither side's reader would miss (the in-story promo box), the rest is
boilerplate.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "seed"

_RFERL_HEAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Blinken Says Moscow Not Interested In Negotiating End To War</title>
<script src="/Scripts/analytics.js"></script></head><body>
<header><a href="/" class="logo">RFE/RL</a><nav><ul><li><a href="/">Home</a></li><li><a href="/z/ukraine">Ukraine</a></li>
<li><a href="/z/russia">Russia</a></li><li><a href="/z/iran">Iran</a></li><li><a href="/z/video">Video</a></li>
<li><a href="/languages">Languages</a></li></ul></nav><a href="/search">Search</a></header>
<div class="cookie"><p>This site uses cookies to provide you with a better experience.</p><a href="#">I understand</a></div>
<main><article><div class="category"><a href="/z/ukraine">Russia-Ukraine War</a></div>
<h1>Blinken Says Moscow Not Interested In Negotiating End To War</h1>
<div class="authors">By RFE/RL</div><time>December 05, 2022 09:40 GMT</time>
<div class="share"><a href="#">Share</a> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<div class="wsw">
"""
_RFERL_TAIL = """</div></article>
<section class="more"><h2>Latest</h2><ul><li><a href="#">Ukraine Says Russia Fired 70 Missiles In New Wave Of Attacks</a></li>
<li><a href="#">Zelenskiy Visits Front Line Near Bakhmut</a></li></ul></section></main>
<footer><ul><li><a href="/about">About RFE/RL</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/terms">Terms of Use</a></li>
<li><a href="/contact">Contact Us</a></li></ul><p>Copyright © 2022 RFE/RL, Inc. All Rights Reserved.</p></footer>
<script>var utag_data = {"section": "ukraine"};</script></body></html>
"""
_SPUN_HEAD = """<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>{title} - Newsupdate</title>
<script src='/wp-includes/js/jquery/jquery.min.js'></script></head><body class="single-post">
<header class="site-header"><p class="site-title"><a href="/">Newsupdate</a></p>
<nav><ul><li><a href="/">Home | News</a></li><li><a href="/world/">World</a></li><li><a href="/business/">Business</a></li>
<li><a href="/tech/">Technology</a></li><li><a href="/sports/">Sports</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home | News</a> » <a href="/world/">World</a></div>
<main><article class="post"><h1 class="entry-title">{title}</h1>
<div class="entry-meta">December 5, 2022 by <a href="/author/admin/">admin</a></div>
<div class="share"><span>Share</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Tumblr</a></div>
<div class="entry-content">
"""
_SPUN_TAIL = """</div></article>
<div class="related"><h3>Related Articles</h3><ul><li><a href="#">Zelensky visits troops near front line</a></li>
<li><a href="#">Oil price cap comes into force</a></li><li><a href="#">Putin drives across Crimea bridge</a></li></ul></div>
<div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p>
<p><label>Comment</label><textarea></textarea></p><p><input type="submit" value="Post Comment"></p></form></div></main>
<footer><p>Copyright © 2022 Newsupdate | <a href="/privacy/">Privacy Policy</a> | <a href="/contact/">Contact</a></p></footer>
<a href="#" class="back-to-top">Back to top button</a>
<div class="cookie-notice">We use cookies to ensure that we give you the best experience on our website. <a href="#">Ok</a></div>
<script src='/wp-content/themes/newsup/js/custom.js'></script></body></html>
"""
_SPUN_TRAILER = ("Leave a Reply", "Your email address will not be published.", "Related Articles", "Back to top button")


def _lines(name: str) -> list[str]:
    return [line.strip() for line in (SEED_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _box(heading: str, text: str) -> str:
    return f'<div class="wsw__embed"><h4>{escape(heading)}</h4><p>{escape(text)}</p></div>\n'


def seed_pages() -> list[tuple[str, str, list[str]]]:
    """(name, page, gold lines) for the seed's two files; [] where ../shared is absent."""
    if not SEED_DIR.is_dir():
        return []
    pages = []
    body, gold = [], []
    lines = _lines("rferl-original.txt")
    gold.append("+ Blinken Says Moscow Not Interested In Negotiating End To War")
    i = 0
    while i < len(lines):
        if lines[i].startswith("Live Briefing"):
            body.append(_box(lines[i], lines[i + 1]))
            gold += [f"~ {lines[i]}", f"~ {lines[i + 1]}"]
            i += 2
            continue
        body.append(f"<p>{escape(lines[i])}</p>\n")
        gold.append(f"+ {lines[i]}")
        i += 1
    pages.append(("seed-rferl-original", _RFERL_HEAD + "".join(body) + _RFERL_TAIL, gold))

    lines = [line for line in _lines("spun-copy.txt") if line not in _SPUN_TRAILER]
    title, lines = lines[0], lines[1:]
    body, gold = [], [f"+ {title}"]
    i = 0
    while i < len(lines):
        if lines[i].startswith("Live briefing"):
            body.append(_box(lines[i], lines[i + 1]))
            gold += [f"~ {lines[i]}", f"~ {lines[i + 1]}"]
            i += 2
            continue
        if lines[i].startswith("Also Read"):
            teaser = lines[i].split(":", 1)[1].strip()
            body.append(f'<p><strong>Also Read :</strong> <a href="#">{escape(teaser)}</a></p>\n')
        else:
            body.append(f"<p>{escape(lines[i])}</p>\n")
            gold.append(f"+ {lines[i]}")
        i += 1
    pages.append(("seed-spun-copy", _SPUN_HEAD.format(title=escape(title)) + "".join(body) + _SPUN_TAIL, gold))
    return pages
