"""Read articles (plain text, Markdown, HTML, standard input) into ``Article`` records.

An ``Article``'s ``text`` is what claim offsets point into and what reports quote, so it is
the file's text as written (newlines normalised to ``\\n``; Markdown front matter removed;
for HTML, the article body that trafilatura extracts), made safe to check once, here:
invisible format characters (zero-width space, soft hyphen, bidi overrides) removed, digits
of every script made ASCII, compatibility forms (full-width "６５％") folded by NFKC. What
was changed is listed in ``Article.normalised``, so the text checked is the text shown.

Untrusted input is bounded: symbolic links that leave their folder are refused, and YAML
metadata may not use aliases, be larger than 64 KB or hold anything but plain values. Metadata comes from what the input
states (a ``<stem>.meta.yaml`` sidecar, front matter, HTML meta tags or JSON-LD): the
publication date is never guessed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_ARTICLE_BYTES = 50 * 1024 * 1024  # larger inputs are refused: memory stays proportional
MAX_ID_LENGTH = 80
SIDECAR_SUFFIX = ".meta.yaml"
MAX_META_BYTES = 64 * 1024  # front matter or sidecar: a few fields, never megabytes
MAX_META_TEXT = 2000  # characters in one metadata value (a title, a publisher)

DEMO_ARTICLE: Path = (
    Path(__file__).parent / "articles" / "kabulnow-2024-06-27-pakistan-threatens-strikes.txt"
)

# A photo or image credit line is not a title ("Photo: Radio Pakistan").
_CREDIT_LINE = re.compile(
    r"^\s*(?:photo|image|picture|photograph|file\s+photo|credit|illustration)s?"
    r"(?:\s+(?:by|credit|courtesy))?\s*[:|–—-]",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
# C0 control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class ArticleError(ValueError):
    """An input cannot be read as an article; the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    """One article: its id, title, publication date (ISO, or None), path, text, publisher.

    ``url`` is the article's own web address when its metadata states one; ``published_from``
    says where the publication date came from (shown in reports so a checker can cite it).
    """

    id: str
    title: str
    published: str | None
    path: str
    text: str
    publisher: str | None = None  # who made the claims, for ClaimReview; None when unknown
    url: str | None = None
    published_from: str | None = None
    # What reading changed in the text before checking it ("removed 2 invisible characters
    # (U+200B)"); empty when the text is checked exactly as written.
    normalised: tuple[str, ...] = ()


def slugify(name: str) -> str:
    """Return a safe article id from ``name``: ``[a-z0-9-]``, at most 80 characters.

    Args:
        name: a file stem or any label.
    Returns:
        The slug ("article" when nothing usable is left); it can hold no path separator.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    slug = slug[:MAX_ID_LENGTH].strip("-")
    return slug or "article"


def read_article(
    path: str | Path, published: date | None = None, override: bool = False
) -> Article:
    """Read a ``.txt``, ``.md``, ``.html`` or ``.htm`` article with its metadata.

    Args:
        path: the article file.
        published: the publication date to use when the input states none.
        override: use ``published`` even when the input states its own date.
    Returns:
        The :class:`Article`.
    Raises:
        ArticleError: missing, too big, binary, not text, unsupported, empty, or bad metadata.
    """
    p = Path(path)
    label = str(path)
    _refuse_escaping_link(p, label)
    if not p.exists():
        raise ArticleError(f"{label}: no such file")
    if p.is_dir():
        raise ArticleError(f"{label}: is a directory, not an article file")
    size = p.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(
            # In bytes: a file just over the limit would round to the limit in MB.
            f"{label}: file is too big ({size:,} bytes; the limit is "
            f"{MAX_ARTICLE_BYTES:,} bytes, {MAX_ARTICLE_BYTES / 2**20:.0f} MB)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{label}: cannot be read ({exc.strerror or exc})") from exc
    raw = _decode(data, label)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleError(
            f"{label}: unsupported file type {p.suffix or '(none)'!r} "
            f"(expected {', '.join(SUPPORTED_SUFFIXES)})"
        )
    meta = _sidecar(p)
    if suffix in (".html", ".htm"):
        text, html_meta = _html_article(raw)
        meta = {**html_meta, **meta}
    else:
        text = _normalise_newlines(raw)
        if suffix == ".md":
            text, front = _front_matter(text, label)
            meta = {**front, **meta}
    return _article(text, label, slugify(p.stem), meta, published, override)


def read_text(
    text: str, name: str = "stdin", published: date | None = None, override: bool = False
) -> Article:
    """Make an article from text given directly (standard input).

    Args:
        text: the article text.
        name: a label for messages; the id is ``<name>-<hash>``, a hash of the text, so
            two different texts never overwrite each other's reports (the same text keeps
            its id).
        published: the publication date when the text's front matter states none.
        override: use ``published`` even when the front matter states a date.
    Returns:
        The :class:`Article` (path is ``name``).
    Raises:
        ArticleError: the text is empty, whitespace only or binary.
    """
    if "\x00" in text:
        raise ArticleError(f"{name}: binary data, not text")
    if len(text) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name}: text is too big (the limit is {MAX_ARTICLE_BYTES / 2**20:.0f} MB)"
        )
    text = _normalise_newlines(text.removeprefix("\ufeff"))
    text, front = _front_matter(text, name) if text.startswith("---") else (text, {})
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return _article(text, name, f"{slugify(name)}-{digest}", front, published, override)


def discover(paths: list[str]) -> list[Path]:
    """Expand folders into the article files inside them; keep files as given.

    Args:
        paths: files and folders.
    Returns:
        Files in the order given, each folder's articles sorted (recursively), no duplicates.
    Raises:
        ArticleError: a path does not exist, a file given has an unsupported extension, a
            folder cannot be listed, or a symbolic link leads out of its folder.
    """
    found: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir() and not p.is_symlink():
            found += _articles_in(p)
        elif p.is_dir():
            raise ArticleError(f"{given}: is a symbolic link to a folder; give the folder itself")
        elif p.exists():
            if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise ArticleError(
                    f"{given}: unsupported file type {p.suffix or '(none)'!r} "
                    f"(expected {', '.join(SUPPORTED_SUFFIXES)})"
                )
            _refuse_escaping_link(p, str(given))
            found.append(p)
        else:
            raise ArticleError(f"{given}: no such file or directory")
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def decode_input(data: bytes, label: str) -> str:
    """Decode an input's bytes: UTF-8 (BOM allowed), UTF-16 with a BOM, or clear cp1252.

    Raises:
        ArticleError: binary data, or bytes that are not text in those encodings.
    """
    return _decode(data, label)


def normalise_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Make ``text`` safe to check: what a reader sees is what figcheck checks.

    Removes invisible format characters (category Cf: zero-width spaces and joiners, soft
    hyphens, bidi embeddings, overrides and isolates: they split "1,524" into two figures or
    make the figure shown differ from the one stored), turns digits of every script (Arabic-
    Indic, Devanagari, full-width...) into ASCII digits, folds compatibility forms with NFKC
    (full-width "％", ligatures), and Arabic percent and separators into "%", "." and ",".
    Spaces and numeric symbols (½, ², NBSP used between digit groups) are kept: the
    extractor reads them as written.

    Returns:
        The normalised text and notes saying what changed (empty when nothing did).
    """
    if text.isascii():
        return text, ()
    removed: dict[str, int] = {}
    converted = [0, 0]  # digits, compatibility forms

    def fold(m: re.Match[str]) -> str:
        out = []
        for c in m.group():
            r = _fold_char(c)
            if r == c:
                out.append(c)
            elif r == "":
                removed[c] = removed.get(c, 0) + 1
            else:
                converted[0 if unicodedata.category(c) == "Nd" else 1] += 1
                out.append(r)
        return "".join(out)

    result = _NON_ASCII.sub(fold, text)
    notes = []
    if removed:
        names = ", ".join(f"U+{ord(c):04X}" for c in sorted(removed))
        notes.append(f"removed {sum(removed.values())} invisible character(s) ({names})")
    if converted[0]:
        notes.append(f"read {converted[0]} non-ASCII digit(s) as 0-9")
    if converted[1]:
        notes.append(f"folded {converted[1]} compatibility character(s) (NFKC)")
    return result, tuple(notes)


# ---------------------------------------------------------------------------------------------

# A run of non-ASCII characters. Written as one character then the rest ("X+" as "XX*"): a
# pattern that starts with a character class lets the regex engine skip to the characters
# it can start with, one that starts with a repeat is tried at every position (33 against
# 10 ms per 4 MB of news text holding a few curly quotes).
_NON_ASCII = re.compile(r"[^\x00-\x7f][^\x00-\x7f]*")
_ARABIC_PUNCT = {"\u066a": "%", "\u066b": ".", "\u066c": ",", "\u060c": ","}


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """One character's normal form: "" for a format character, an ASCII digit, or NFKC."""
    category = unicodedata.category(c)
    if category == "Cf":
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(c))
    if c in _ARABIC_PUNCT:
        return _ARABIC_PUNCT[c]
    if category in ("Zs", "No") or category.startswith("M"):
        return c  # spaces between digit groups, ½ and ²: the extractor reads them as they are
    return unicodedata.normalize("NFKC", c)


def _refuse_escaping_link(p: Path, label: str) -> None:
    """Refuse a symbolic link whose target is outside the folder holding the link.

    An article (or its ``.meta.yaml``) linking to ``/etc/passwd`` or ``../.git/config``
    would publish that file in the report; a link to a sibling file stays allowed.
    """
    if not p.is_symlink():
        return
    target = p.resolve()
    if not target.is_relative_to(p.parent.resolve()):
        raise ArticleError(
            f"{label}: is a symbolic link to a file outside its folder; figcheck does not "
            "follow such links (copy the file instead)"
        )


def _articles_in(folder: Path) -> list[Path]:
    """The article files under ``folder``, sorted; links must stay inside ``folder``."""
    root = folder.resolve()

    def unreadable(exc: OSError) -> None:
        raise ArticleError(f"{exc.filename}: folder cannot be read ({exc.strerror})")

    inside = []
    for dirpath, _dirs, names in os.walk(folder, onerror=unreadable, followlinks=False):
        for name in names:
            f = Path(dirpath) / name
            if f.suffix.lower() not in SUPPORTED_SUFFIXES or name.endswith(SIDECAR_SUFFIX):
                continue
            if f.is_symlink() and not f.resolve().is_relative_to(root):
                raise ArticleError(
                    f"{f}: is a symbolic link to a file outside {folder}; figcheck does not "
                    "follow such links (copy the file instead)"
                )
            if f.is_file():
                inside.append(f)
    return sorted(inside)


def _decode(data: bytes, label: str) -> str:
    """Decode bytes as UTF-8 (BOM allowed), or as cp1252 when that is clearly text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 with a byte-order mark (what Windows editors save as "Unicode"), when it
        # reads as text: printable, with spaces or line breaks between words.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        sample = text[:100_000]
        if (
            sample
            and not _CONTROL.search(sample)
            and "\x00" not in sample
            and sum(c.isspace() for c in sample) >= 0.01 * len(sample)
            and sum(c.isprintable() or c in "\n\r\t" for c in sample) >= 0.95 * len(sample)
        ):
            return text
    if b"\x00" in data:
        raise ArticleError(f"{label}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(f"{label}: not valid UTF-8 text") from None
    # cp1252 decodes almost any bytes; accept it only for text that reads as text: few
    # control characters and mostly printable characters.
    controls = len(_CONTROL.findall(text))
    printable = sum(1 for c in text[:100_000] if c.isprintable() or c in "\n\r\t")
    if controls > 0 or printable < 0.95 * min(len(text), 100_000):
        raise ArticleError(f"{label}: not valid UTF-8 text")
    return text


def _normalise_newlines(text: str) -> str:
    """Make every line break ``\\n`` (offsets are then the same on every platform)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _published(value: object, label: str) -> str | None:
    """An ISO date from a metadata value (date, datetime or string), or an error."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ArticleError(
            f"{label}: published {text!r} is not a date (expected YYYY-MM-DD)"
        ) from None


def _sidecar(p: Path) -> dict:
    """Metadata from ``<stem>.meta.yaml`` beside the article, if there is one."""
    side = p.with_name(p.stem + SIDECAR_SUFFIX)
    if not side.is_file():
        return {}
    _refuse_escaping_link(side, str(side))
    if side.stat().st_size > MAX_META_BYTES:
        raise ArticleError(f"{side}: metadata is larger than {MAX_META_BYTES // 1024} KB")
    try:
        text = side.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{side}: metadata is not valid YAML ({exc})") from None
    meta = _load_meta(text, str(side), "metadata")
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ArticleError(f"{side}: metadata must be a mapping (title, published, publisher)")
    return {"label": str(side), **_dated(meta, f"{side.name}")}


# Keys a stated publication date may have in front matter or a sidecar: figcheck's own
# ``published`` and ``date`` (what Hugo and Jekyll write), in that order of preference.
DATE_KEYS = ("published", "date")
URL_KEYS = ("url", "canonical", "canonical_url", "link")


def _dated(meta: dict, where: str) -> dict:
    """``meta`` with its stated date under ``published`` and where it came from.

    ``published_from`` reads e.g. "front matter date:"; the article's URL under ``url``
    when a key of ``URL_KEYS`` holds an http(s) address.
    """
    meta = dict(meta)
    for key in DATE_KEYS:
        if meta.get(key) not in (None, ""):
            meta["published"] = meta[key]
            meta["published_from"] = f"{where} {key}:"
            break
    for key in URL_KEYS:
        value = str(meta.get(key) or "").strip()
        if value.lower().startswith(("http://", "https://")):
            meta["url"] = value
            break
    return meta


def _load_meta(text: str, label: str, what: str) -> object:
    """Parse metadata YAML within bounds: small, no aliases, plain values only.

    A YAML alias bomb ("billion laughs") grows a few hundred bytes into gigabytes once
    loaded; aliases are refused while parsing, before anything is built.
    """
    if len(text) > MAX_META_BYTES:
        raise ArticleError(f"{label}: {what} is larger than {MAX_META_BYTES // 1024} KB")
    import yaml  # on first use: `figcheck --help` imports this module, not the YAML parser

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ArticleError(f"{label}: {what} uses a YAML alias (*name); write values out")
        meta = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ArticleError(f"{label}: {what} is not valid YAML ({exc})") from None
    if isinstance(meta, dict):
        for key, value in meta.items():
            if not isinstance(key, str) or not _plain(value):
                raise ArticleError(
                    f"{label}: {what} field {str(key)[:40]!r} must be a plain value "
                    f"(text, number or date of at most {MAX_META_TEXT} characters)"
                )
    return meta


def _plain(value: object) -> bool:
    """A scalar metadata value (lists of scalars allowed, e.g. tags), of bounded length."""
    if isinstance(value, list):
        return len(value) <= 100 and all(_plain(v) and not isinstance(v, list) for v in value)
    if isinstance(value, str):
        return len(value) <= MAX_META_TEXT
    return value is None or isinstance(value, bool | int | float | date)


def _front_matter(text: str, label: str) -> tuple[str, dict]:
    """Split Markdown YAML front matter (``---`` block) from the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    meta = _load_meta(m.group(1) or "", label, "front matter")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(f"{label}: front matter must be a mapping")
    return text[m.end():], _dated(meta, "front matter")


def _title_from_text(text: str) -> str | None:
    """The first non-empty line that is not a credit and does not end a sentence."""
    for line in text.split("\n", 50)[:50]:
        line = _MD_HEADING.sub("", line).strip()
        if not line or _CREDIT_LINE.match(line):
            continue
        if line.endswith(".") or len(line) > 300:
            return None  # the text opens with a sentence: it has no title line
        return line
    return None


def _article(text: str, label: str, article_id: str, meta: dict,
             published: date | None, override: bool = False) -> Article:
    """Validate and normalise the text and assemble the Article.

    The date the input states wins over ``published`` (a default for undated articles)
    unless ``override``: one date given for a folder must not silently replace the
    articles' own.
    """
    text, notes = normalise_text(text)
    if not text.strip():
        raise ArticleError(f"{label}: article is empty")
    meta_label = str(meta.get("label", label))
    stated = _published(meta.get("published"), meta_label)
    title = str(meta.get("title") or "").strip() or _title_from_text(text) or article_id
    if published is not None and (override or stated is None):
        day: str | None = published.isoformat()
        origin: str | None = "--published-override" if override and stated else "--published"
    else:
        day, origin = stated, (meta.get("published_from") or "metadata") if stated else None
    return Article(
        id=article_id,
        title=title,
        published=day,
        path=label,
        text=text,
        publisher=str(meta.get("publisher") or "").strip() or None,
        url=str(meta.get("url") or "").strip() or None,
        published_from=origin,
        normalised=notes,
    )


class _HeadParser(HTMLParser):
    """Collect <title>, meta tags, JSON-LD blocks, and a plain-text fallback of the body."""

    _SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer"}
    _BLOCK: ClassVar[set[str]] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "header", "figcaption", "pre", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.canonical = ""  # <link rel="canonical" href=...>: the article's own URL
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.body: list[str] = []
        self._stack: list[str] = []
        self._in_title = False
        self._in_jsonld = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
            return
        if tag == "title":
            self._in_title = True
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in_jsonld = True
            self._buffer = []
        if tag == "body" or (tag in self._BLOCK and "head" in self._stack):
            # A page whose <head> is never closed: the body starts here all the same.
            self._stack = [t for t in self._stack if t != "head"]
        if tag in self._SKIP:
            self._stack.append(tag)
        if tag in self._BLOCK:
            self.body.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._in_jsonld:
            self.jsonld.append("".join(self._buffer))
            self._in_jsonld = False
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
        if tag in self._BLOCK:
            self.body.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_jsonld:
            self._buffer.append(data)
        if not self._stack:
            self.body.append(data)


def _jsonld_value(blocks: list[str], key: str) -> str | None:
    """The first ``key`` (e.g. datePublished) found in JSON-LD blocks, searching nested items."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        todo = [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, dict):
                if isinstance(item.get(key), str):
                    return item[key]
                todo += list(item.values())
            elif isinstance(item, list):
                todo += item
    return None


def _html_article(html: str) -> tuple[str, dict]:
    """Extract an HTML page's article text (trafilatura) and its stated title and date."""
    parser = _HeadParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: metadata is best effort
        pass
    meta: dict = {}
    title = parser.meta.get("og:title") or parser.title.strip() or parser.meta.get("title")
    if title:
        meta["title"] = " ".join(title.split())
    if parser.meta.get("og:site_name", "").strip():
        meta["publisher"] = " ".join(parser.meta["og:site_name"].split())
    url = parser.meta.get("og:url") or parser.canonical
    if url and url.strip().lower().startswith(("http://", "https://")):
        meta["url"] = url.strip()
    for origin, stated in (
        ("HTML meta article:published_time", parser.meta.get("article:published_time")),
        ("HTML JSON-LD datePublished", _jsonld_value(parser.jsonld, "datePublished")),
        ("HTML meta datePublished", parser.meta.get("datepublished")),
    ):
        if not stated:
            continue
        try:
            meta["published"] = date.fromisoformat(stated.strip()[:10]).isoformat()
            meta["published_from"] = origin
            break
        except ValueError:
            continue  # an unreadable date in a page is not stated: leave it unknown
    text = _trafilatura_text(html)
    if not text:
        # trafilatura declines very short pages; fall back to the body's visible text.
        lines = (" ".join(line.split()) for line in "".join(parser.body).split("\n"))
        text = "\n".join(line for line in lines if line)
    return _normalise_newlines(text), meta


def _trafilatura_text(html: str) -> str:
    """The main text of a page according to trafilatura (no scripts, styles or comments)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=True, include_images=False,
            include_formatting=False, deduplicate=False, favor_precision=True,
        )
    except Exception:  # noqa: BLE001 - a third-party parser on hostile input; fall back
        return ""
    return text or ""
