"""Make a Great Expectations Data Docs site work offline, from its own folder.

GX 1.x pages load Bootstrap, jQuery, Font Awesome, Vega and a logo from CDNs: offline they
are unstyled with a broken logo, and online every page view tells those CDNs who reads the
report. This module rewrites a site's pages after GX builds them so that nothing leaves
the machine:

* remote ``<link>`` and every ``<script>`` are removed (GX's inline scripts only drive the
  removed jQuery/Bootstrap widgets; without Bootstrap's CSS nothing is collapsed, so every
  section stays readable);
* remote images point at GX's own logo in the site's ``static/images``;
* links to remote pages keep their text but lose their address;
* a small stylesheet of ours (``gx_docs.css``, copied into ``static/styles``) gives the
  pages a readable layout in place of Bootstrap; GX's own local stylesheet stays, with its
  one remote background image pointed at the local logo.

Pure text in, text out (``offline_html``), plus one function that applies it to a folder.
"""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path

STYLESHEET = Path(__file__).with_name("gx_docs.css")
STYLE_NAME = "figcheck-offline.css"
LOCAL_LOGO = "static/images/logo-long.png"

_REMOTE = r"""(?:https?:)?//[^"'\s>]+"""
_REMOTE_LINK = re.compile(rf"""<link\b[^>]*\bhref\s*=\s*["']{_REMOTE}["'][^>]*>""", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_REMOTE_IMG_SRC = re.compile(
    rf"""(<img\b[^>]*?\bsrc\s*=\s*)["']{_REMOTE}["']""", re.IGNORECASE | re.DOTALL
)
_REMOTE_HREF = re.compile(
    rf"""(<a\b[^>]*?)\s\bhref\s*=\s*["']{_REMOTE}["']""", re.IGNORECASE | re.DOTALL
)
_REMOTE_CSS_URL = re.compile(rf"""url\(\s*["']?{_REMOTE}["']?\s*\)""", re.IGNORECASE)
_STATIC_REF = re.compile(r"""\b(href|src)\s*=\s*["'](?:\./|(?:\.\./)+)?static/""", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
ANY_REMOTE = re.compile(
    r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE
)


def offline_html(html: str, static_prefix: str) -> str:
    """Return a Data Docs page with every remote request removed.

    Args:
        html: the page GX wrote.
        static_prefix: relative path from the page's folder to the site root ("" at the
            root, "../../" two levels down), for the local logo and stylesheet.
    """
    html = _SCRIPT.sub("", html)
    html = _REMOTE_LINK.sub("", html)
    html = _REMOTE_IMG_SRC.sub(lambda m: f'{m.group(1)}"{static_prefix}{LOCAL_LOGO}"', html)
    html = _REMOTE_HREF.sub(lambda m: m.group(1), html)
    html = offline_css(html, f"{static_prefix}static/images/logo-long.png")  # inline <style>
    # GX counts one level short for the favicon of deep pages: point all at the site root.
    html = _STATIC_REF.sub(lambda m: f'{m.group(1)}="{static_prefix}static/', html)
    sheet = f'<link rel="stylesheet" href="{static_prefix}static/styles/{STYLE_NAME}">\n'
    if _HEAD_END.search(html):
        return _HEAD_END.sub(lambda m: sheet + m.group(0), html, count=1)
    return sheet + html


def offline_css(css: str, logo: str = "../images/logo-long.png") -> str:
    """CSS with remote ``url(...)`` images pointed at the local logo (``logo``, relative)."""
    return _REMOTE_CSS_URL.sub(f"url('{logo}')", css)


def make_site_offline(site: Path) -> list[Path]:
    """Rewrite every page and stylesheet of the Data Docs site in ``site``; return the pages."""
    site = Path(site)
    styles = site / "static" / "styles"
    styles.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STYLESHEET, styles / STYLE_NAME)
    for css in styles.glob("*.css"):
        css.write_text(offline_css(css.read_text(encoding="utf-8")), encoding="utf-8")
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        depth = len(page.relative_to(site).parts) - 1
        prefix = "../" * depth
        text = offline_html(page.read_text(encoding="utf-8"), prefix)
        if page == site / "index.html":
            text = _with_static_list(text, [q.relative_to(site).as_posix() for q in pages])
        page.write_text(text, encoding="utf-8")
    return pages


def _with_static_list(html: str, pages: list[str]) -> str:
    """The index page with its runs listed as plain links (GX lists them with JavaScript)."""
    results = [p for p in pages if p.startswith("validations/")]
    suites = [p for p in pages if p.startswith("expectations/")]
    items = "".join(
        f'<li><a class="figcheck-page" href="{escape(p)}">{escape(label)}</a></li>'
        for p, label in [(p, f"Validation result: {p.split('/')[-2]}") for p in results]
        + [(p, f"Expectation suite: {Path(p).stem}") for p in suites]
    )
    block = (
        f'<section class="card figcheck-pages"><h2>Pages of this run</h2><ul>{items}</ul></section>'
    )
    end = re.search(r"</body\s*>", html, re.IGNORECASE)
    return html[: end.start()] + block + html[end.start() :] if end else html + block


def remote_references(text: str) -> list[str]:
    """Every remote ``src``/``href``/``url(`` in ``text`` (empty when the page is offline)."""
    return [text[m.start() : m.start() + 80] for m in ANY_REMOTE.finditer(text)]
