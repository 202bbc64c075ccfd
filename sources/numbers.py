"""Recognise every number written in a text, in digits or in words: the extractor's first step.

``find_numbers`` returns each number once, with its span, its value and how it is written
(digits, words, fraction, ratio, vague plural), plus what makes it *not* a figure when that is
the case: an ordinal ("second", "21st"), a reference ("page 12", "Resolution 1988"), a
compound modifier ("five-year"), a figure inside a URL. ``sources.extract`` builds claims on
top of it; ``bench/conformance.py`` scores it directly against bare-number test suites.

Word numbers are read by a small parser rather than a regular expression, because their
grammar is positional: "two hundred and two thousand" (202,000), "five and a half million",
"one million and a half", "twenty-three fifths", "three twenty-firsts", "two thirds of a
million", "nine point nought four", "three lakh crore", "3 hundred and 21". A regex pass
(``patterns.WORD_RUN``) finds runs of number tokens; the parser splits each run into numbers.

Semantics (documented choices, see README "Extraction"):
- a fraction's value is the fraction itself (0.5 for "half"); the extractor turns fractions
  followed by "of" into shares in percent;
- "over" is never division ("one over three" is not 1/3: news writes "over" as a hedge);
- "and" joins number words only after a multiplier ("two hundred and fifty"), so
  "between ten and twenty" stays two numbers; "and a half" / "and three quarters" after a
  number is its fractional part;
- slashed fractions and dates ("3/4", "5/17/2018"), powers ("1.1^23"), decimal commas ("5,00")
  and "G" as a scale are not read; "m" after a figure is million ("$3m"), not metres.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from sources import patterns as P
from sources.lexicon import WordFinder

log = logging.getLogger(__name__)

DIGITS, WORDS, FRACTION, RATIO, VAGUE = "digits", "words", "fraction", "ratio", "vague"

# Token classes of the word-number parser.
_UNIT, _TEEN, _TENS, _MULT, _BIG, _ORD, _HALF, _A, _AND, _POINT, _SIGN, _OF, _DIG, _PCT_OF = range(
    14
)
_VAGUE = 14
_CLASS: dict[str, tuple[int, float]] = {}
for _w, _v in P.UNIT_WORDS.items():
    _CLASS[_w] = (_UNIT, _v)
for _w, _v in P.TEEN_WORDS.items():
    _CLASS[_w] = (_TEEN, _v)
for _w, _v in P.TENS_WORDS.items():
    _CLASS[_w] = (_TENS, _v)
for _w, _v in P.MULTIPLIER_WORDS.items():
    _CLASS[_w] = (_MULT, _v)
for _w, _v in P.BIG_WORDS.items():
    _CLASS[_w] = (_BIG, _v)
for _w, _v in P.ORDINAL_WORDS.items():
    _CLASS[_w] = (_ORD, _v)
    _CLASS[_w + "s"] = (_ORD, _v)
for _w, _v in P.HALF_WORDS.items():
    _CLASS[_w] = (_HALF, _v)
for _w in ("a", "an"):
    _CLASS[_w] = (_A, 1)
for _w in ("and", "&"):
    _CLASS[_w] = (_AND, 0)
for _w in P.SIGN_WORDS:
    _CLASS[_w] = (_SIGN, -1)
_CLASS["point"] = (_POINT, 0)
_CLASS["of"] = (_OF, 0)
_PLURAL_ORDINALS = {w + "s" for w in P.ORDINAL_WORDS} | {"halves", "quarters"}
_UNIT_ORDINALS = {w for w, v in P.ORDINAL_WORDS.items() if v < 10}
_UNIT_ORDINALS |= {w + "s" for w in _UNIT_ORDINALS}
_DOZENS = {w for w, v in P.MULTIPLIER_WORDS.items() if v == 12}


@dataclass(slots=True)
class Number:
    """A number found in a text, with what is written around it.

    ``start``/``end`` span the figure as written (currency, sign, number, scale, percent unit:
    "$3bn", "minus five percent"); ``num_start``/``num_end`` the number alone ("3bn", "minus
    five"). ``value`` is the number's value (a fraction's value for fractions, a / b for ratios).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    form: str  # digits, words, fraction, ratio, vague
    percent: bool = False
    points: bool = False
    currency: str | None = None
    scale: float | None = None
    raw: str = ""  # the digits as written, for digit figures ("2023", "5,000")
    plain: bool = False  # digits only: no sign, currency, scale or unit
    ordinal: bool = False  # "second", "21st": recognised, never a figure
    reference: bool = False  # "page 12", "Resolution 1988": part of a name
    compound: bool = False  # "five-year": a modifier, not a count
    in_url: bool = False

    @property
    def is_figure(self) -> bool:
        """Whether the number can be a figure (not an ordinal, a reference, a URL part...)."""
        return not (self.ordinal or self.reference or self.compound or self.in_url)


def find_numbers(text: str, low: str | None = None,
                 runs: list[tuple[int, int]] | None = None) -> list[Number]:
    """Find every number in ``text``, non-overlapping and in text order.

    Args:
        text: any text.
        low: ``text.lower()``, when the caller has it.
        runs: ``WORD_RUNS.spans(text, low)``, when the caller has found them (with other
            vocabularies in one scan: ``sources.lexicon.spans_together``).
    Returns:
        The numbers, including ordinals and references (flagged, see :class:`Number`).
    """
    digits, words = _digit_numbers(text), _word_numbers(text, low, runs)
    # Merge the two lists (each in text order): earliest first; at one start the longest; at
    # equal spans digits win (they carry the currency and unit). Overlaps are dropped.
    kept: list[Number] = []
    last_end = -1
    i = j = 0
    while i < len(digits) or j < len(words):
        d = digits[i] if i < len(digits) else None
        w = words[j] if j < len(words) else None
        if w is None or (d is not None and (d.start, w.end) <= (w.start, d.end)):
            n, i = d, i + 1
        else:
            n, j = w, j + 1
        if n.start >= last_end:
            last_end = n.end
            if -MAX_FIGURE <= n.value <= MAX_FIGURE or _readable(n, text):  # (NaN: not)
                kept.append(n)
    return _ratios(text, kept)


MAX_FIGURE = 1e15  # beyond this (or inf/nan) a "number" is a code or a typo, not a figure


def _readable(n: Number, text: str) -> bool:
    """False, with a note in the log, for a value no figure can have (a 400-digit run)."""
    if math.isfinite(n.value) and abs(n.value) <= MAX_FIGURE:
        return True
    shown = text[n.start : min(n.end, n.start + 24)]
    log.warning("skipped %r at offset %d: too large to be a figure", shown, n.start)
    return False


# ---------------------------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------------------------

_CURRENCY_PREFIX = {k.lower(): v for k, v in P.CURRENCY_PREFIXES.items()}
_CURRENCY_WORD = {" ".join(k.lower().split()): v for k, v in P.CURRENCY_WORDS.items()}
_SCALES = {**P.SCALE_ABBREVIATIONS, **P.SCALE_WORDS}
_SPACE_GROUPS = str.maketrans("", "", ", \u00a0\u202f\u2009")


def _scale_factor(word: str) -> float:
    """Factor of a scale word or abbreviation as matched ("lakh  crore" -> 1e12)."""
    return _SCALES[" ".join(word.lower().split())]


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` ("page 12" -> "page"; "No. #5" -> "no")."""
    j = start
    while j > 0 and text[j - 1] in " \t#.":
        j -= 1
    # Usually a short word after a space: sliced at once (read for every number in digits).
    # The slice after the last space within 12 characters is the word exactly when it is
    # all letters; otherwise the letters are read one by one.
    space = text.rfind(" ", max(0, j - 12), j)
    if space >= 0 and text[space + 1:j].isalpha():
        return text[space + 1:j].lower()
    i = j
    while i > 0 and j - i < 12 and text[i - 1].isalpha():
        i -= 1
    return text[i:j].lower() if j - i < 12 else ""


def _in_url(text: str, start: int) -> bool:
    """Whether position ``start`` lies in a URL-like token ("…?q=30%25")."""
    lo = start
    floor = max(0, start - 2000)
    while lo > floor and not text[lo - 1].isspace():
        lo -= 1
    token = text[lo:start]
    return "://" in token or token.lower().startswith("www.")


_CODE_LETTERS = frozenset("".join(c for c in P.CURRENCY_PREFIXES if len(c) > 1))


def _has_code_letter(text: str, start: int) -> bool:
    """Cheap test before looking back for a currency code: a code letter just before."""
    return text[start - 1] in _CODE_LETTERS or (
        start >= 2 and text[start - 1] in " ." and text[start - 2] in _CODE_LETTERS
    )


# NUMBER's groups in their order (``_digit_numbers`` unpacks ``m.groups()``).
_NUMBER_GROUPS = ("ident", "neg", "cur", "num", "vf", "vfonly", "ord", "scale", "unit")
if tuple(sorted(P.NUMBER.groupindex, key=P.NUMBER.groupindex.get)) != _NUMBER_GROUPS or (
        P.NUMBER.groups != len(_NUMBER_GROUPS)):
    raise ImportError("patterns.NUMBER's groups changed: update numbers._digit_numbers")


def _digit_numbers(text: str) -> list[Number]:
    """Figures written in digits ("5,000", "65%", "$3bn", "1.2 million", "2½", "1.3e6")."""
    found: list[Number] = []
    # The groups read at once (one call, not one per group: this loop runs for every
    # number in the text); the order is NUMBER's (``_NUMBER_GROUPS``, checked at import).
    for m in P.numbers_in(text):
        ident, neg, cur, raw, vf, vfonly, ordinal, scale, unit = m.groups()
        if ident:
            continue  # a phone number, IP address, version or slashed date: no figure inside
        start, end = m.span()
        raw = raw or ""
        value = float(raw.translate(_SPACE_GROUPS)) if raw else 0.0
        if vf or vfonly:
            value += P.VULGAR_FRACTIONS[vf or vfonly]
        num_start = m.start(4) if raw else m.start(6)
        num_end = m.end(8) if scale else m.end(5) if vf else m.end(4) if raw else m.end(6)
        n = Number(start, end, num_start, num_end, value, DIGITS, raw=raw)
        if ordinal:
            n.ordinal = True
        if scale:
            n.scale = _scale_factor(scale)
            n.value *= n.scale
        if neg:
            n.value = -n.value
            n.num_start = start
        else:
            sign = (
                P.SIGN_BEFORE.search(text, max(0, start - 12), start)
                if start > 2 and text[start - 2] in "sSeE"
                else None
            )
            if sign:  # "minus 5"
                n.value = -n.value
                n.start = n.num_start = sign.start()
        if cur:
            n.currency = _CURRENCY_PREFIX.get(cur.strip().lower())
            us = P.US_BEFORE_SIGN.search(text, max(0, start - 2), start) if start >= 2 else None
            if us:
                n.start = us.start()  # "US$3bn"
        elif start and _has_code_letter(text, start):
            code = P.CURRENCY_CODE_BEFORE.search(text, max(0, start - 5), start)
            if code:  # "Rs50 billion", "USD 5"
                cur = code.group()
                n.currency = _CURRENCY_PREFIX[code.group("code").lower()]
                n.start = code.start()
        unit = (unit or "").strip().lower()
        if unit:
            if unit in ("pp", "ppt", "ppts") or (
                unit.startswith("percentage") and unit[10:].strip(" -").startswith("point")
            ):
                n.points = True
            elif unit.startswith(("per", "p.")) or unit in ("%", "pc"):
                # ("p.c." is per cent in South Asian usage: "a 45 p.c. surge")
                n.percent = True
            else:
                n.currency = n.currency or _CURRENCY_WORD.get(" ".join(unit.split()))
        n.plain = not (cur or scale or unit or neg or vf or n.ordinal)
        if start and text[start - 1] in P.URL_HINT_CHARS and _in_url(text, start):
            n.in_url = True
        elif _word_before(text, n.start) in P.NAME_WORDS:
            n.reference = True  # "Resolution 1988", "page 12": part of a name or a reference
        found.append(n)
    return found


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------


# Where runs of number words start: a strong number word, a whole word (``WordFinder`` with
# ``WORD_RUN_FAST``, so that the runs can be found in the scan shared with the vocabularies).
WORD_RUNS = WordFinder(P.WORD_RUN_FAST, None, P.WORD_RUN, frozenset(P.STRONG_WORDS))


def _run_spans(text: str, low: str | None = None, runs: list[tuple[int, int]] | None = None
               ) -> list[tuple[int, int]]:
    """Spans of runs of number tokens (``patterns.WORD_RUN``), found fast when possible
    (``low`` and ``runs``: see :func:`find_numbers`)."""
    low = text.lower() if low is None else low
    if len(low) != len(text):  # lower-casing moved offsets: use the one-pass pattern
        return [m.span() for m in P.WORD_RUN.finditer(text)]
    spans = []
    last_end = 0
    for start, end in WORD_RUNS.spans(text, low) if runs is None else runs:
        if start and (low[start - 1].isalnum() or low[start - 1] in "_.-"):
            continue  # inside a word or a figure ("twenty-five" is found from "twenty")
        if start and _prefix_word_before(low, start):
            pre = P.WORD_RUN_PREFIX.search(low, max(last_end, start - 60), start)
            if pre:
                start = pre.start()
        spans.append((start, end))
        last_end = end
    for m in P.PERCENT_OF_FAST.finditer(low):
        if not m.start() or not (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_.-"):
            spans.append(m.span())
    spans.sort()
    return spans


def _prefix_word_before(low: str, start: int) -> bool:
    """Whether the word before ``start`` may begin a run ("a", "minus", "3", "percent of")."""
    j = start
    while j > 0 and low[j - 1] in " \t\n-–&":
        j -= 1
    if j == start or j == 0:
        return False
    if low[j - 1].isdigit():
        return True
    i = j
    while i > 0 and j - i < 9 and low[i - 1].isalpha():
        i -= 1
    return low[i:j] in P.WORD_RUN_PREFIX_WORDS


def _word_numbers(text: str, low: str | None = None, runs: list[tuple[int, int]] | None = None
                  ) -> list[Number]:
    """Numbers in words, vague plurals and word fractions, read by :func:`_parse_one`."""
    found: list[Number] = []
    for base, run_end in _run_spans(text, low, runs):
        tokens = []
        for t in P.WORD_TOKEN.finditer(text[base:run_end]):
            word = t.group().lower()
            if word[0].isdigit():
                cls, value = _DIG, float(word.replace(",", ""))
            elif word.replace(" ", "") in ("percent", "percents"):
                cls, value = _PCT_OF, 0.0
            else:
                cls, value = _CLASS.get(word, (-1, 0.0))
            tokens.append((cls, value, base + t.start(), base + t.end(), word))
        found.extend(_numbers_from_run(text, tokens))
    return found


def _numbers_from_run(text: str, toks: list) -> list[Number]:
    """Split one run of number tokens into numbers (longest reading first, left to right)."""
    out: list[Number] = []
    i, n = 0, len(toks)
    while i < n:
        parsed = _parse_one(toks, i)
        if parsed is None:
            i += 1
            continue
        j, value, form, flags = parsed
        start, end = toks[i][2], toks[j - 1][3]
        if (
            j == i + 1
            and toks[i][4] == "one"
            and P.PRONOUN_ONE_BEFORE.search(text, max(0, start - 12), start)
        ):
            i = j
            continue  # "the one you mentioned", "which one": a pronoun, not a number
        num = Number(start, end, start, end, value, form)
        if "percent" in flags:
            num.percent = True
        if "ordinal" in flags:
            num.ordinal = True
        if form in (WORDS, VAGUE, FRACTION) and not num.ordinal and "percent" not in flags:
            pts = P.PP_AFTER_WORD.match(text, end)
            pct = None if pts else P.PERCENT_AFTER_WORD.match(text, end)
            if pts or pct:
                num.points, num.percent = bool(pts), bool(pct)
                num.end = (pts or pct).end()
        after = P.COMPOUND_AFTER.match(text, num.end)
        if after and after.group(1).lower() not in _CLASS:
            num.compound = True  # "five-year", "twenty-five-year-old"
        out.append(num)
        i = j
    return out


def _den(tok: tuple) -> float | None:
    """Denominator value of an ordinal or half/quarter token usable in a fraction."""
    cls, value = tok[0], tok[1]
    if cls == _HALF:
        return value
    if cls == _ORD and value >= 3:
        return value
    return None


def _agrees(numerator: float, word: str) -> bool:
    """ "one fifth", "three fifths": a numerator of one takes a singular denominator."""
    return (numerator == 1) == (word not in _PLURAL_ORDINALS)


def _parse_one(toks: list, i: int) -> tuple[int, float, str, set] | None:
    """Parse the longest number starting at token ``i``: (end index, value, form, flags)."""
    n = len(toks)
    flags: set[str] = set()
    k = i
    if toks[k][0] == _PCT_OF:  # "percent of 10", "per cent of twenty-two"
        if k + 2 < n + 1 and k + 1 < n and toks[k + 1][0] == _OF:
            inner = _parse_one(toks, k + 2) if k + 2 < n else None
            if inner is None:
                j = _digits_alone(toks, k + 2)
                if j is None:
                    return None
                return j, toks[k + 2][1], WORDS, {"percent"}
            j, value, form, fl = inner
            if "ordinal" in fl or form != WORDS:
                return None
            return j, value, WORDS, {"percent"}
        return None
    sign = 1.0
    if toks[k][0] == _SIGN:
        sign = -1.0
        k += 1
        if k >= n:
            return None
    cls, _v, _s, _e, word = toks[k]

    # "half a million", "half a dozen", "quarter million"
    if cls == _HALF and word in ("half", "quarter"):
        m = k + 1
        if m < n and toks[m][0] == _A:
            m += 1
        if m < n and toks[m][4] in ("dozen", *P.BIG_WORDS) and (m > k + 1 or toks[m][0] == _BIG):
            return m + 1, sign * toks[m][1] / toks[k][1], WORDS, flags

    # "tens of thousands", "hundreds", "dozens of": vague plurals, as their lower bound
    if word in P.VAGUE_PLURALS or word in ("tens", "scores"):
        if sign < 0:
            return None
        has_of = k + 1 < n and toks[k + 1][0] == _OF
        if word in ("tens", "scores") and not has_of:
            return None
        value = P.VAGUE_PLURALS.get(word, 20.0)
        if has_of and k + 2 < n and toks[k + 2][4] in P.VAGUE_OF:
            return k + 3, value * P.VAGUE_OF[toks[k + 2][4]], VAGUE, flags
        return k + 1, value, VAGUE, flags

    card = _cardinal(toks, k)
    if card is None:
        # "a fifth", "a twenty-first", "a half"
        if cls == _A and k + 1 < n:
            den, j = _denominator(toks, k + 1)
            if den and _agrees(1, toks[j - 1][4]):
                return _of_big(toks, j, sign / den, FRACTION, flags)
        if cls == _ORD:
            j = k + 1
            return j, sign * toks[k][1], WORDS, flags | {"ordinal"}
        if word == "half":
            return _of_big(toks, k + 1, sign * 0.5, FRACTION, flags)
        return None

    value, j, last_big, before_and = card
    has_word = any(t[0] not in (_DIG, _SIGN) for t in toks[k:j])
    # "point zero three", "point seventy-one"
    if j + 1 < n and toks[j][0] == _POINT:
        digits, m = _decimal_digits(toks, j + 1)
        if digits:
            return m, sign * (value + float("0." + digits)), WORDS, flags
    # A fraction: "two thirds", "twenty-three fifths", "three twenty-firsts"
    if j < n:
        den, m = _denominator(toks, j)
        if den:
            if before_and is not None and toks[j - 1][0] == _UNIT:
                # "one hundred and three quarters": 100 + 3/4
                whole, unit = before_and, toks[j - 1][1]
                if _agrees(unit, toks[m - 1][4]):
                    return _mixed_tail(toks, m, whole, unit / den, last_big, sign, flags)
            if has_word and _agrees(value, toks[m - 1][4]):
                return _of_big(toks, m, sign * value / den, FRACTION, flags)
        if toks[j][0] == _ORD and toks[j][4] in _UNIT_ORDINALS and toks[j - 1][0] == _TENS:
            # "twenty-first", "thirty fifth": a compound ordinal, never a figure
            return j + 1, sign * (value + toks[j][1]), WORDS, flags | {"ordinal"}
    # "and a half", "and three quarters": the fractional part of a mixed number
    if j + 2 < n and toks[j][0] == _AND:
        num_tok = toks[j + 1]
        numerator = 1.0 if num_tok[0] == _A else num_tok[1] if num_tok[0] == _UNIT else 0
        if 0 < numerator < 10:
            den, m = _denominator(toks, j + 2)
            if den and _agrees(numerator, toks[m - 1][4]):
                return _mixed_tail(toks, m, value, numerator / den, last_big, sign, flags)
    if not has_word:
        return None  # digits alone are read by the digit recognizer
    return j, sign * value, WORDS, flags


def _digits_alone(toks: list, k: int) -> int | None:
    """End index when token ``k`` is a figure in digits."""
    return k + 1 if k < len(toks) and toks[k][0] == _DIG else None


def _denominator(toks: list, k: int) -> tuple[float | None, int]:
    """A fraction's denominator at token ``k`` ("fifths", "twenty-firsts"), and its end."""
    n = len(toks)
    if k >= n:
        return None, k
    if toks[k][0] == _TENS and k + 1 < n and toks[k + 1][4] in _UNIT_ORDINALS:
        return toks[k][1] + toks[k + 1][1], k + 2  # "twenty-first", "twenty fifths"
    den = _den(toks[k])
    return (den, k + 1) if den else (None, k)


def _mixed_tail(
    toks: list, m: int, whole: float, frac: float, last_big: float | None, sign: float, flags: set
) -> tuple[int, float, str, set]:
    """Finish a mixed number: "five and a half million", "one million and a half"."""
    if m < len(toks) and toks[m][0] == _BIG:
        big = toks[m][1]
        if last_big is not None and big < last_big:
            return (
                m + 1,
                sign * (whole + frac * big),
                WORDS,
                flags,
            )  # "a billion and a half million"
        return m + 1, sign * (whole + frac) * big, WORDS, flags  # "five and a half million"
    if last_big is not None:
        return m, sign * (whole + frac * last_big), WORDS, flags  # "one million and a half"
    return m, sign * (whole + frac), WORDS, flags


def _of_big(toks: list, j: int, value: float, form: str, flags: set) -> tuple[int, float, str, set]:
    """ "two thirds of a million": a fraction of a scale word is a count."""
    n = len(toks)
    if j + 2 < n and toks[j][0] == _OF and toks[j + 1][0] == _A and toks[j + 2][0] == _BIG:
        return j + 3, value * toks[j + 2][1], WORDS, flags
    return j, value, form, flags


def _decimal_digits(toks: list, k: int) -> tuple[str, int]:
    """Digits after "point": "zero three" -> "03", "seventy-one" -> "71", "eleven" -> "11"."""
    n = len(toks)
    digits = ""
    m = k
    while m < n and toks[m][0] == _UNIT:
        digits += str(int(toks[m][1]))
        m += 1
    if digits:
        return digits, m
    if m < n and toks[m][0] in (_TEEN, _TENS):
        value = toks[m][1]
        m += 1
        if toks[m - 1][0] == _TENS and m < n and toks[m][0] == _UNIT and toks[m][1] > 0:
            value += toks[m][1]
            m += 1
        return str(int(value)), m
    return "", k


def _cardinal(toks: list, k: int) -> tuple[float, int, float | None, float | None] | None:
    """Parse a cardinal at token ``k``: (value, end index, smallest scale used, value before
    a final "and <unit>" or None). None when no cardinal starts there."""
    n = len(toks)
    total = hundreds = units = 0.0
    last_big: float | None = None
    started = False
    last = -1
    end = k
    i = k
    before_and: float | None = None
    snapshot: tuple | None = None  # state before the last "and", to roll back to
    if toks[i][0] == _A:
        if i + 1 < n and toks[i + 1][0] in (_MULT, _BIG):
            units, i = 1.0, i + 1
            last = _UNIT
        else:
            return None
    while i < n:
        cls, v, _s, _e, word = toks[i]
        if cls in (_UNIT, _TEEN, _TENS):
            if v == 0 and (started or last != -1):
                break  # zero stands alone ("three-nought-four" is three numbers)
            if cls == _UNIT and last == _TENS and units % 10 == 0 and units:
                units += v
            elif units == 0 and last in (-1, _MULT, _BIG, _AND):
                units = v
            else:
                break
        elif cls == _DIG:
            if last == -1 or (
                units == 0 and last in (_AND, _BIG, _MULT) and v < 1000 and v == int(v)
            ):
                units = v
            else:
                break
        elif cls == _MULT:
            if units == 0 or (word not in _DOZENS and (hundreds or units >= 1000)):
                if snapshot is not None and last != _AND:
                    total, hundreds, units, last_big, end = snapshot  # "3 hundred and 2 hundred"
                    before_and = None
                break
            if word in _DOZENS:
                hundreds, units = hundreds + units * 12, 0.0
            else:
                hundreds, units = units * 100, 0.0
        elif cls == _BIG:
            group = hundreds + units
            if group == 0 and total == 0:
                break
            if last_big is not None and v >= last_big:
                if group:
                    break  # "two million three million": two numbers
                total, last_big = total * v, v  # "three lakh crore"
            else:
                total += group * v
                last_big = v
            hundreds = units = 0.0
        elif cls == _AND:
            nxt = toks[i + 1][0] if i + 1 < n else -1
            if last not in (_MULT, _BIG) or nxt not in (_UNIT, _TEEN, _TENS, _DIG):
                break
            if toks[i + 1][1] == 0 and toks[i + 1][0] in (_UNIT, _DIG):
                break
            snapshot = (total, hundreds, units, last_big, end)
            before_and = total + hundreds + units
        else:
            break
        if cls != _AND:
            end = i + 1
            started = True
        last = cls
        i += 1
    if not started:
        return None
    if end < i and toks[end - 1][0] != _UNIT:
        before_and = None
    if before_and is not None and not (end >= 2 and toks[end - 2][0] == _AND):
        before_and = None  # only "... and <one unit word>" is a mixed-number candidate
    return total + hundreds + units, end, last_big, before_and


# ---------------------------------------------------------------------------------------------
# Ratios
# ---------------------------------------------------------------------------------------------


def _proportion_base(value: float) -> bool:
    """Whether a number in digits after "out of" can be the base of a proportion: ten or
    less ("9 out of 10") or a round number ("30 out of 100"). After any other count ("203
    out of 287 deaths") the two numbers are counts, a part and its whole, each to be
    checked; "in" ("two in twenty-five", "1 in 40") always makes a proportion."""
    if value <= 10:
        return True
    digits = str(int(value)).rstrip("0")
    return len(digits) == 1


def _ratios(text: str, numbers: list[Number]) -> list[Number]:
    """Join "one in five", "1 in 4", "two out of five hundred" into ratios (a / b)."""
    out: list[Number] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        b = numbers[i + 1] if i + 1 < len(numbers) else None
        if (
            b is not None
            and b.start - a.end < 12
            and a.form in (DIGITS, WORDS)
            and b.form in (DIGITS, WORDS)
            and a.is_figure
            and b.is_figure
            and not (a.percent or a.points or a.currency or b.percent or b.points or b.currency)
            and 0 < a.value < b.value < 1900
            and b.value == int(b.value)
            and (gap := P.RATIO_GAP.fullmatch(text, a.end, b.start)) is not None
            and (_proportion_base(b.value) or b.form == WORDS
                 or "out" not in gap.group().lower())
        ):
            out.append(Number(a.start, b.end, a.start, b.end, round(a.value / b.value, 6), RATIO))
            i += 2
            continue
        out.append(a)
        i += 1
    return out
