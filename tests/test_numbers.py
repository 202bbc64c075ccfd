"""The number recognizer (``sources.numbers``): "found" and "not found" literals per form."""

from __future__ import annotations

import math

import pytest

from sources.numbers import find_numbers


def figures(text: str) -> list[tuple[str, float]]:
    """The figures found: (the bare number as written, its value)."""
    return [(text[n.num_start : n.num_end], n.value) for n in find_numbers(text) if n.is_figure]


def one(text: str) -> tuple[str, float]:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        # compound number words
        ("Officials counted two hundred and fifty shelters.", "two hundred and fifty", 250),
        ("It cost three hundred forty-two rupees.", "three hundred forty-two", 342),
        ("Some sixty four families left.", "sixty four", 64),
        ("About one thousand and five hundred fled.", "one thousand and five hundred", 1500),
        (
            "A total of four hundred and three thousand voted.",
            "four hundred and three thousand",
            403_000,
        ),
        ("Nineteen hundred troops were sent.", "Nineteen hundred", 1900),
        ("The fund holds two lakh crore rupees.", "two lakh crore", 2e12),
        ("They seized 7 hundred and 12 rifles.", "7 hundred and 12", 712),
        # scale words and mixed numbers
        ("Half a million people fled.", "Half a million", 500_000),
        ("The city has two and a half million residents.", "two and a half million", 2.5e6),
        ("The budget is four million and a half.", "four million and a half", 4.5e6),
        ("She waited one and a quarter hours.", "one and a quarter", 1.25),
        ("Roughly half a dozen boats sank.", "half a dozen", 6),
        ("Police found four dozen rockets.", "four dozen", 48),
        ("Five hundred and one and two thirds", "Five hundred and one and two thirds", 501 + 2 / 3),
        # fractions (the value is the fraction)
        ("Two-thirds of attacks were claimed.", "Two-thirds", 2 / 3),
        ("A quarter of the votes were spoiled.", "A quarter", 0.25),
        ("Seven tenths of the area is desert.", "Seven tenths", 0.7),
        ("one hundredth of a second", "one hundredth", 0.01),
        ("two thirds of a billion", "two thirds of a billion", 2e9 / 3),
        # decimals in words
        ("The rate is four point five.", "four point five", 4.5),
        ("It measured twelve point zero seven metres.", "twelve point zero seven", 12.07),
        # signs
        ("Temperatures fell to minus twelve.", "minus twelve", -12),
        ("The balance was negative 40.", "negative 40", -40),
        ("Growth was -2.5 last quarter.", "-2.5", -2.5),
        # a dash typed as two hyphens is no sign
        ("Seventeen attacks --12 in the north-- took place.", "12", 12),
        # digits
        ("The population is 40 000 in the valley.", "40 000", 40_000),
        ("The population is 1\u202f234\u202f567.", "1\u202f234\u202f567", 1_234_567),
        ("Indian grouping: 12,34,567.50 rupees.", "12,34,567.50", 1_234_567.5),
        ("A rate of .75 was set.", ".75", 0.75),
        ("Light covers 3e8 metres a second.", "3e8", 3e8),
        ("The pot holds 2½ litres.", "2½", 2.5),
        ("Aid of 10 bln was promised.", "10 bln", 1e10),
        ("He earns 2mil a year.", "2mil", 2e6),
        ("They traded 5k-20k shares.", "5k", 5000),
        # ratios
        ("One out of three schools is shut.", "One out of three", 1 / 3),
        ("Two in twenty-five homes lack power.", "Two in twenty-five", 0.08),
        ("Nine out of 10 voters agreed.", "Nine out of 10", 0.9),
        ("About 30 out of 100 wells are dry.", "30 out of 100", 0.3),
    ],
)
def test_found(text: str, quote: str, value: float) -> None:
    found = dict(figures(text))
    assert quote in found, figures(text)
    assert math.isclose(found[quote], value, rel_tol=1e-6)  # ratios are rounded to 6 places


@pytest.mark.parametrize(
    "text",
    [
        "It was the second most affected province.",  # ordinal
        "The twenty-first century began.",  # compound ordinal
        "The one you mentioned is closed.",  # pronoun
        "No one was hurt.",
        "Which one did they pick?",
        "A five-year plan was announced.",  # compound modifier
        "Call +92-51-9201234 for details.",  # phone number
        "The server at 10.0.0.12 was down.",  # IP address
        "It was filed on 6/27/2024.",  # slashed date
        "See https://example.org/report?id=2024&page=3 for more.",  # URL
        "Under Resolution 1988 the council acted.",  # reference
        "It happened in the 1990s.",  # decade
        "The F-16 crashed.",  # name
        "Book a first class seat.",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert figures(text) == []


def test_two_numbers_stay_apart() -> None:
    # "and" joins only after a multiplier; a zero or a repeated multiplier starts a new number
    assert figures("between ten and twenty") == [("ten", 10), ("twenty", 20)]
    assert figures("5 hundred and 3 hundred") == [("5 hundred", 500), ("3 hundred", 300)]
    assert figures("three-nought-four") == [("three", 3), ("nought", 0), ("four", 4)]
    assert figures("4000 5 hundred") == [("4000", 4000), ("5 hundred", 500)]


def test_ordinal_is_recognised_and_flagged() -> None:
    (n,) = find_numbers("the fifth attack")
    assert n.ordinal and not n.is_figure and n.value == 5
    (n,) = find_numbers("the 21st attack")
    assert n.ordinal and n.value == 21


def test_fraction_needs_agreement() -> None:
    # "two fifth" is not two fifths: a singular denominator after a numerator above one is an
    # ordinal ("the two millionth visitor")
    assert figures("two millionth") == [("two", 2)]
    assert one("three fifths") == ("three fifths", 0.6)


def test_percent_units_and_inverted_percent() -> None:
    (n,) = find_numbers("a 12pc rise")
    assert n.percent and n.value == 12
    (n,) = find_numbers("forty percentage of voters")
    assert n.percent and n.value == 40
    (n,) = find_numbers("a 3 percentage point gap")
    assert n.points and not n.percent
    (n,) = find_numbers("per cent of sixty")
    assert n.percent and n.value == 60


def test_currency_codes_before_figures() -> None:
    ((n),) = find_numbers("a Rs50 billion package")
    assert (n.currency, n.value, n.start) == ("PKR", 5e10, 2)
    (n,) = find_numbers("US$3bn")
    assert (n.currency, n.value, n.start) == ("USD", 3e9, 0)


def test_offsets_point_into_text_whatever_the_case() -> None:
    # lower-casing "İ" changes the string's length: the recognizer then falls back to
    # patterns run on the text itself, and offsets stay right
    text = "İstanbul: Twenty-Five people, TWO HUNDRED families."
    found = figures(text)
    assert found == [("Twenty-Five", 25), ("TWO HUNDRED", 200)]


def test_a_part_out_of_a_whole_is_two_counts() -> None:
    # "out of" a count that is no round base gives the part and its whole, each checkable.
    found = dict(figures("Police lost 45 out of 212 officers killed this year."))
    assert (found.get("45"), found.get("212")) == (45, 212)
    assert "45 out of 212" not in found
