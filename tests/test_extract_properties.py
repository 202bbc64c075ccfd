"""Property tests: the extractor never fails, and spans always point into the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.schemas import ClaimSchema as C
from sources.extract import extract_claims

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str, published: str | None) -> None:
    """Extract and assert the table's invariants."""
    df = extract_claims(text, "p", published)
    for row in df.to_dict("records"):
        assert text[row[C.start]:row[C.end]] == row[C.text]
        assert row[C.text]
    assert df[C.claim_id].is_unique


@SETTINGS
@given(st.text(max_size=400), st.sampled_from([None, "2024-06-28", "2000-02-29", "bad"]))
def test_any_unicode_text(text: str, published: str | None) -> None:
    check_spans(text, published)


WORDS = ["attacks", "deaths", "in", "Pakistan", "of", "over", "about", "to", "and", "between",
         "rose", "fell", "by", "increase", "last", "year", "March", "June", "Thursday,", "KP",
         "according", "PIPS", "said", "the", ",", ".", "-", "–", "Rs", "$", "million", "lakh",
         "twenty-five", "one", "in", "five", "half", "percent", "per cent", "points", "Covid-19",
         "\n", "Mr.", "U.S.", "No.", "(", ")", "tens", "thousands", "2023", "2024", "1988"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda x: f"{x:.1f}%"),
    st.integers(min_value=1, max_value=31).map(lambda d: f"June {d}"),
    st.integers(min_value=1, max_value=99).map(lambda n: f"{n}-{n + 5}"),
)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=3)), max_size=60),
       st.sampled_from([" ", "", "  ", "\n"]))
def test_numbers_inserted_into_words(tokens: list[str], joiner: str) -> None:
    check_spans(joiner.join(tokens), "2024-06-28")


def _strings_from(path: Path) -> list[str]:
    """Inputs of a third-party test suite (shared/external), for crash testing only."""
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    return [
        case if isinstance(case, str) else (case.get("Input") or case.get("req") or "")
        for case in data
    ]


@pytest.mark.parametrize(
    "name",
    ["recognizers-text/NumberModel.json", "recognizers-text/PercentModel.json",
     "recognizers-text/NumberRangeModel.json", "quantulum3/errors.json",
     "quantulum3/quantities.json"],
)
def test_third_party_inputs_never_crash(name: str) -> None:
    path = SHARED / "external" / name
    assert path.is_file(), f"missing suite: {path}"
    for text in _strings_from(path):
        check_spans(text, "2024-06-28")
