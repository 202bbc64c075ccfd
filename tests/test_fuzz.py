"""Fuzz the extractor and the judge with numbers of every shape (hypothesis, bounded in time).

Whatever the figure looks like (huge, tiny, signed, digits of other scripts, separators in
odd places, "inf"/"nan", invisible characters), reading and judging it must not raise, each
claim's text must be the article's text at its offsets, and a range must be ordered.
"""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.judge import judge
from sources.articles import normalise_text
from sources.extract import extract_claims
from sources.references import load_references

DIGITS = "0123456789"
OTHER_DIGITS = "\u0660\u0665\u0669\u06f4\u0966\u096f\uff10\uff15\u09e7"  # Arabic, Devanagari...
ODD = ",.\u00a0\u202f\u2009 '\u200b\u00ad\u066b\u066c-+eE"

number = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=1e-320, max_value=1e-300).map(lambda x: f"{x:.3e}"),
    st.sampled_from(["inf", "nan", "NaN%", "-inf", "Infinity", "9" * 400, "1e309", "0.0000001"]),
    st.text(alphabet=DIGITS + OTHER_DIGITS + ODD, min_size=1, max_size=30),
)
unit = st.sampled_from(["", "%", " per cent", " percent", " million", "bn", " people", " lakh"])
frame = st.sampled_from(
    [
        "In 2023, militant attacks in Pakistan killed {n} people, according to PIPS.",
        "Deaths rose {n} in Khyber Pakhtunkhwa last year, a {n} increase over 2022.",
        "Between {n} and {n} militants crossed into Afghanistan in June 2024.",
        "The GTI ranked Pakistan {n} in 2024; attacks fell {n} from 2023.",
        "{n} {n}{n} — roughly {n} of the {n} victims, CRSS said on March 5, 2024.",
    ]
)


@st.composite
def articles(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        template = draw(frame)
        while "{n}" in template:
            template = template.replace("{n}", draw(number) + draw(unit), 1)
        parts.append(template)
    return " ".join(parts)


REFERENCES = load_references()


@settings(
    max_examples=25,
    deadline=None,  # a shared CI machine: bounded by max_examples, not per-example timing
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
@given(articles())
def test_any_number_shape_reads_and_judges_without_error(raw: str) -> None:
    text, _ = normalise_text(raw)
    claims = extract_claims(text, "fuzz", "2024-06-28")
    for row in claims.to_dict("records"):
        assert row["text"] == text[row["start"] : row["end"]]
        for column in ("value", "low", "high"):
            x = row[column]
            assert x is None or (isinstance(x, float) and math.isnan(x)) or math.isfinite(x)
        low, high = row["low"], row["high"]
        if not pd.isna(low) and not pd.isna(high):
            assert low <= high
            if not pd.isna(row["value"]):
                assert low <= row["value"] <= high
    _evidence, verdicts = judge(claims, REFERENCES, {"fuzz": "2024-06-28"})
    assert len(verdicts) == len(claims)
