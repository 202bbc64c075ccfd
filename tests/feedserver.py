"""Local HTTP servers on 127.0.0.1 for feed tests: one serves a feed and pages, one hangs."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test desk</title><link>{base}/</link>
<description>figcheck test feed</description>
{items}
</channel></rss>
"""
ITEM = """<item><title>{title}</title><link>{link}</link>
<pubDate>Fri, 28 Jun 2024 08:00:00 +0000</pubDate></item>"""


def article_html(title: str, text: str) -> str:
    """An article page as a news site would serve it."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
    )


class Site:
    """A server's address, its pages (path -> (content type, body)) and the requests seen."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        self.pages: dict[str, tuple[str, str]] = {}
        self.requests: list[str] = []


@contextmanager
def serve(hang_seconds: float = 0.0) -> Iterator[Site]:
    """A site on a free loopback port; with ``hang_seconds`` every answer comes that late."""
    site: Site

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(self.path)
            if hang_seconds:
                time.sleep(hang_seconds)
            page = site.pages.get(self.path)
            try:
                if page is None:
                    self.send_error(404)
                    return
                body = page[1].encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", page[0])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is what a hanging site is for

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site = Site(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def publish(site: Site, hanging: Site, demo_text: str) -> str:
    """Put a feed on ``site`` listing one page there and one on ``hanging``; return its URL."""
    site.pages["/articles/border-report.html"] = (
        "text/html; charset=utf-8",
        article_html("Border report", demo_text),
    )
    items = [
        ITEM.format(title="Border report", link=f"{site.base}/articles/border-report.html"),
        ITEM.format(title="Slow site", link=f"{hanging.base}/articles/slow-story.html"),
    ]
    site.pages["/feed.xml"] = (
        "application/rss+xml",
        RSS.format(base=site.base, items="\n".join(items)),
    )
    return f"{site.base}/feed.xml"
