"""Reading articles: errors name the file and the problem; metadata is read, never guessed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sources import articles
from sources.articles import (
    DEMO_ARTICLE,
    ArticleError,
    discover,
    read_article,
    read_text,
    slugify,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- the demo --------------------------------------------------------------------------------


def test_demo_article() -> None:
    a = read_article(DEMO_ARTICLE)
    assert a.id == "kabulnow-2024-06-27-pakistan-threatens-strikes"
    assert a.title == "Pakistan Threatens Strikes in Afghanistan Amid Terror Surge"
    assert a.published == "2024-06-28"  # from the .meta.yaml sidecar
    assert a.text == DEMO_ARTICLE.read_text(encoding="utf-8")
    assert a.path == str(DEMO_ARTICLE)


def test_published_argument_dates_only_undated_articles_unless_override(tmp_path: Path) -> None:
    # The demo states 2024-06-28 in its sidecar: --published does not replace it...
    stated = read_article(DEMO_ARTICLE, published=date(2024, 7, 1))
    assert (stated.published, stated.published_from) == (
        "2024-06-28",
        "kabulnow-2024-06-27-pakistan-threatens-strikes.meta.yaml published:",
    )
    # ...unless asked to override it.
    forced = read_article(DEMO_ARTICLE, published=date(2024, 7, 1), override=True)
    assert (forced.published, forced.published_from) == ("2024-07-01", "--published-override")
    # An article with no date of its own takes it.
    plain = read_article(write(tmp_path / "plain.txt", "Attacks rose 65% in 2023."),
                         published=date(2024, 7, 1))
    assert (plain.published, plain.published_from) == ("2024-07-01", "--published")


@pytest.mark.parametrize("key", ["date", "published"])
def test_front_matter_date_and_published_are_both_read(tmp_path: Path, key: str) -> None:
    body = f"---\ntitle: T\n{key}: 2024-03-09T10:00:00+05:00\nurl: https://news.example/a\n---\n5 deaths."
    a = read_article(write(tmp_path / "a.md", body))
    assert (a.published, a.published_from, a.url) == (
        "2024-03-09", f"front matter {key}:", "https://news.example/a"
    )


def test_html_url_and_date_origin(tmp_path: Path) -> None:
    page = (
        '<html><head><link rel="canonical" href="https://news.example/x">'
        '<meta property="article:published_time" content="2023-05-06T08:00:00Z"></head>'
        "<body><p>Attacks rose by 17 percent in 2022, officials said.</p></body></html>"
    )
    a = read_article(write(tmp_path / "x.html", page))
    assert (a.url, a.published, a.published_from) == (
        "https://news.example/x", "2023-05-06", "HTML meta article:published_time"
    )


# --- errors ----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"missing\.txt: no such file"):
        read_article(tmp_path / "missing.txt")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match=r"x\.txt: binary data, not text"):
        read_article(path)


def test_binary_file_with_other_extension(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ArticleError, match=r"x\.bin: binary data, not text"):
        read_article(path)


@pytest.mark.parametrize("content", ["", "   \n\t  \n"])
def test_empty_or_whitespace(tmp_path: Path, content: str) -> None:
    with pytest.raises(ArticleError, match=r"empty\.txt: article is empty"):
        read_article(write(tmp_path / "empty.txt", content))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe\x81\x8d\x8f\x90\x9d" * 10)  # undefined even in cp1252
    with pytest.raises(ArticleError, match=r"x\.txt: not valid UTF-8 text"):
        read_article(path)


def test_cp1252_fallback_for_clear_text(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Title\n\nDeaths rose 65% \u2013 a \u201csurge\u201d.".encode("cp1252"))
    a = read_article(path)
    assert "\u201csurge\u201d" in a.text


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle\n\n5 attacks.".encode())
    assert read_article(path).text.startswith("Title")


def test_too_big_sparse_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(articles.MAX_ARTICLE_BYTES + 1)  # sparse: nothing is written to disk
    limit = f"{articles.MAX_ARTICLE_BYTES:,}"
    # One byte over must read as over, not as "50 MB; the limit is 50 MB".
    with pytest.raises(ArticleError, match=rf"big\.txt: file is too big \({articles.MAX_ARTICLE_BYTES + 1:,} bytes; the limit is {limit} bytes"):
        read_article(path)


def test_too_big_limit_is_a_constant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 10)
    with pytest.raises(ArticleError, match="too big"):
        read_article(write(tmp_path / "a.txt", "More than ten bytes of text."))


def test_unsupported_extension(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"a\.pdf: unsupported file type"):
        read_article(write(tmp_path / "a.pdf", "text"))


def test_directory_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path)


def test_bad_sidecar_date(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Title\n\nText.")
    write(tmp_path / "a.meta.yaml", "published: last week\n")
    with pytest.raises(ArticleError, match=r"a\.meta\.yaml: published 'last week' is not a date"):
        read_article(tmp_path / "a.txt")


# --- metadata --------------------------------------------------------------------------------


def test_title_skips_photo_credit_and_needs_no_period(tmp_path: Path) -> None:
    a = read_article(write(tmp_path / "a.txt", "Photo: AP\n\nBig Title Here\n\nBody text."))
    assert a.title == "Big Title Here"
    assert a.published is None  # never guessed


def test_title_falls_back_to_id_when_text_opens_with_a_sentence(tmp_path: Path) -> None:
    a = read_article(write(tmp_path / "My Story.txt", "It opens with a sentence.\nMore."))
    assert (a.id, a.title) == ("my-story", "my-story")


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "post.md",
                 "---\ntitle: From Front Matter\npublished: 2024-01-05\n---\n# Heading\n\n5 deaths.")
    a = read_article(path)
    assert (a.title, a.published) == ("From Front Matter", "2024-01-05")
    assert a.text == "# Heading\n\n5 deaths."


def test_markdown_heading_title(tmp_path: Path) -> None:
    assert read_article(write(tmp_path / "p.md", "# The Heading\n\nText.")).title == "The Heading"


def test_bad_front_matter(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"bad\.md: front matter is not valid YAML"):
        read_article(write(tmp_path / "bad.md", "---\ntitle: [unclosed\n---\nText"))


HTML_JSONLD = """<html><head><title>Site | Page</title>
<meta property="og:title" content="Attacks Rise">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
 "datePublished": "2024-01-04T10:00:00+05:00"}]}</script>
<style>.x { color: red }</style></head>
<body><script>var secret = "SCRIPTTEXT 99%";</script>
<article><h1>Attacks Rise</h1>
<p>Attacks rose 65% in 2023, according to the Interior Ministry.</p></article></body></html>"""

HTML_META = """<html><head><title>Plain Title</title>
<meta property="og:site_name" content="Daily  Record">
<meta property="article:published_time" content="2023-05-06T08:00:00Z"></head><body>
<script>document.write("SCRIPTTEXT")</script><style>p{}</style>
""" + "<p>A long paragraph about 5,000 militants sheltering in Afghanistan today.</p>\n" * 15 + """
</body></html>"""


def test_html_jsonld_and_og_title(tmp_path: Path) -> None:
    a = read_article(write(tmp_path / "page.html", HTML_JSONLD))
    assert (a.title, a.published) == ("Attacks Rise", "2024-01-04")
    assert "rose 65% in 2023" in a.text
    assert "SCRIPTTEXT" not in a.text and "color" not in a.text


def test_html_meta_published_time(tmp_path: Path) -> None:
    a = read_article(write(tmp_path / "page.htm", HTML_META))
    assert (a.title, a.published) == ("Plain Title", "2023-05-06")
    assert a.publisher == "Daily Record"
    assert "5,000 militants" in a.text and "SCRIPTTEXT" not in a.text


def test_publisher_from_the_sidecar_or_unknown(tmp_path: Path) -> None:
    demo = read_article(DEMO_ARTICLE)
    assert demo.publisher == "KabulNow"
    assert read_article(write(tmp_path / "plain.txt", "Attacks rose 65% in 2023.")).publisher is None


def test_html_sidecar_wins(tmp_path: Path) -> None:
    write(tmp_path / "page.html", HTML_JSONLD)
    write(tmp_path / "page.meta.yaml", "title: Sidecar\npublished: 2024-02-02\n")
    a = read_article(tmp_path / "page.html")
    assert (a.title, a.published) == ("Sidecar", "2024-02-02")


# --- standard input, ids, discovery ----------------------------------------------------------


def test_read_text() -> None:
    a = read_text("Headline\n\n300 attacks.", published=date(2024, 1, 2))
    assert (a.title, a.published, a.path) == ("Headline", "2024-01-02", "stdin")
    # Each text gets its own id (a hash of it), so one stdin report never replaces another.
    assert re.fullmatch(r"stdin-[0-9a-f]{10}", a.id)
    assert read_text("Headline\n\n300 attacks.").id == a.id
    assert read_text("Headline\n\n301 attacks.").id != a.id
    with pytest.raises(ArticleError, match="stdin: article is empty"):
        read_text("  \n ")
    with pytest.raises(ArticleError, match="binary"):
        read_text("a\x00b")


def test_crlf_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_bytes(b"Title\r\n\r\nText 5.\r\n")
    assert read_article(path).text == "Title\n\nText 5.\n"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("Ünïcode Título", "unicode-titulo"),
        ("...", "article"),
        ("x" * 200, "x" * 80),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_discover(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ["b.txt", "a.md", "sub/c.html", "sub/d.htm", "a.meta.yaml", "notes.pdf"]:
        write(tmp_path / name, "x")
    single = write(tmp_path.parent / f"{tmp_path.name}-single.txt", "x")
    found = discover([str(tmp_path), str(single)])
    assert [p.name for p in found] == ["a.md", "b.txt", "c.html", "d.htm", single.name]


def test_discover_errors(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"nope: no such file or directory"):
        discover([str(tmp_path / "nope")])
    with pytest.raises(ArticleError, match=r"x\.pdf: unsupported file type"):
        discover([str(write(tmp_path / "x.pdf", "x"))])


# --- bad input (issue 3): a clear error or an article, never a crash -------------------------


def test_mixed_encodings_fall_back_to_cp1252(tmp_path: Path) -> None:
    # UTF-8 text with one stray Windows-1252 byte (a curly quote pasted from an old file)
    path = tmp_path / "mixed.txt"
    utf8 = "Title\n\nCaf\u00e9 owners said 5 attacks hit \u2013 ".encode()
    path.write_bytes(utf8 + b"\x93Kabul\x94.")
    a = read_article(path)
    assert "5 attacks" in a.text and "\u201cKabul\u201d" in a.text


def test_undecodable_bytes_are_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(b"Title\n\n5 attacks " + bytes(range(0x80, 0xA0)) * 20)
    with pytest.raises(ArticleError, match=r"junk\.txt: not valid UTF-8 text"):
        read_article(path)


def test_html_head_never_closed(tmp_path: Path) -> None:
    page = ("<html><head><title>Open Head</title><meta name='x' content='y'>"
            "<p>Officials said 5 attacks took place in Kabul.</p><script>var s = 99;</script>")
    a = read_article(write(tmp_path / "open.html", page))
    assert a.title == "Open Head"
    assert "5 attacks took place" in a.text and "99" not in a.text


def test_html_with_only_scripts_is_empty(tmp_path: Path) -> None:
    page = "<html><head><script>var x = '300 attacks';</script></head><body><style>p{}</style>" \
           "<script>document.write('5%')</script></body></html>"
    with pytest.raises(ArticleError, match=r"scripts\.html: article is empty"):
        read_article(write(tmp_path / "scripts.html", page))


def test_extraction_memory_is_proportional_to_input() -> None:
    import tracemalloc

    from sources.extract import extract_claims

    text = DEMO_ARTICLE.read_text(encoding="utf-8") * 60  # about 200 kB, 420 claims
    extract_claims(text[:2000], "warm", "2024-06-28")  # load vocabularies before measuring
    tracemalloc.start()
    extract_claims(text, "big", "2024-06-28")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 40 * len(text.encode())


def test_non_ascii_runs_found_as_by_the_plain_pattern() -> None:
    """``_NON_ASCII`` ("XX*", so that the regex engine skips to its first character) finds
    the runs "X+" finds, and ``normalise_text`` reads them as before."""
    import random

    from sources.articles import _NON_ASCII, normalise_text

    plain = re.compile(r"[^\x00-\x7f]+")
    rng = random.Random(3)
    pieces = ["a", " ", "5", "’", "“", "\u200b", "\u00ad", "٣", "１", "％", "é", "\U0001f600",
              "\x7f", "\x80", "ab"]
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        assert [m.span() for m in _NON_ASCII.finditer(text)] == [
            m.span() for m in plain.finditer(text)], text
    assert normalise_text("1,\u200b524 and ٣٠％ said “x”") == (
        "1,524 and 30% said “x”", ("removed 1 invisible character(s) (U+200B)",
                                   "read 2 non-ASCII digit(s) as 0-9",
                                   "folded 1 compatibility character(s) (NFKC)"))
