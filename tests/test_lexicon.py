"""The lexicon: vocabularies compiled into finders (longest match, aliases, modifiers).

Each test builds a small vocabulary folder of its own, so what is asserted follows from the
literal words below, not from the bundled vocabulary's current contents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.lexicon import VocabularyError, load_lexicon, normalise

METRICS = """
attacks:
  label: attacks
  words: [attack, attacks, terrorist attack, terrorist attacks]
deaths:
  label: deaths
  words: [killed, deaths, fatalities]
casualties:
  label: casualties
  words: [killed or injured, casualties]
militants:
  label: militants
  words: [militants, fighters]
militants_with_families:
  label: militants with families
  base: militants
  modifiers: [including their families, with families]
"""
REGIONS = """
PK:
  name: Pakistan
PK-KP:
  name: Khyber Pakhtunkhwa
  aliases: [KP, Khyber-Pakhtunkhwa]
  parent: PK
"""
SOURCES = """
PIPS:
  name: Pak Institute for Peace Studies
  aliases: [PIPS, Pak Institute for Peace Studies]
"""


@pytest.fixture
def vocab(tmp_path: Path) -> Path:
    for name, text in (("metrics", METRICS), ("regions", REGIONS), ("sources", SOURCES)):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _found(finder, text: str) -> list[str]:
    return [text[s:e] for s, e in finder.spans(text, text.lower())]


def test_the_longest_metric_phrase_wins(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    text = "There were 306 terrorist attacks and 12 attacks on police."
    assert _found(lex.metric_finder, text) == ["terrorist attacks", "attacks"]
    assert lex.metric_by_word[normalise("Terrorist   Attacks")] == "attacks"


def test_a_phrase_wins_over_a_shorter_word_it_starts_with(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    text = "Nine were killed or injured on Monday; four were killed on Tuesday."
    assert _found(lex.metric_finder, text) == ["killed or injured", "killed"]
    assert lex.metric_by_word[normalise("killed or injured")] == "casualties"


def test_text_whose_lower_case_is_longer_is_still_matched_on_whole_words(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    # "İ" lower-cases to two characters: offsets on text.lower() would not line up.
    text = "İzmir saw no counterattacks; Pakistan had 306 terrorist attacks."
    assert len(text.lower()) != len(text)
    assert _found(lex.metric_finder, text) == ["terrorist attacks"]
    assert _found(lex.region_finder, text) == ["Pakistan"]


def test_metric_words_match_whole_words_only(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    assert _found(lex.metric_finder, "counterattacks and unkilled") == []


def test_aliases_map_to_one_code_and_acronyms_need_capitals(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    text = "In KP and Khyber-Pakhtunkhwa, the kp fragment is not a place; Pakistan is."
    found = _found(lex.region_finder, text)
    assert found == ["KP", "Khyber-Pakhtunkhwa", "Pakistan"]
    assert {lex.region_by_alias[normalise(a)] for a in found} == {"PK-KP", "PK"}
    assert lex.region_parent["PK-KP"] == "PK"


def test_modifiers_name_the_variant_of_their_base_metric(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    text = "6,000 fighters, 70,000 including their families"
    assert _found(lex.modifier_finder, text) == ["including their families"]
    variant = lex.modifier_by_phrase["including their families"]
    assert variant == "militants_with_families"
    assert lex.metrics[variant].base == "militants"


def test_sources_are_matched_as_written(vocab: Path) -> None:
    lex = load_lexicon(vocab)
    text = "PIPS said; pips is not the acronym; the Pak Institute for Peace Studies agreed."
    found = _found(lex.source_finder, text)
    assert found == ["PIPS", "Pak Institute for Peace Studies"]
    assert {lex.source_by_alias[f] for f in found} == {"PIPS"}


def test_a_malformed_vocabulary_names_its_file(vocab: Path) -> None:
    (vocab / "regions.yaml").write_text("- a list, not a mapping\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="regions.yaml"):
        load_lexicon(vocab)


def test_a_missing_vocabulary_file_names_it(vocab: Path) -> None:
    (vocab / "sources.yaml").unlink()
    with pytest.raises(VocabularyError, match="sources.yaml"):
        load_lexicon(vocab)


PARTS = """
populations:
  civilians: [civilians]
  security_personnel: [soldiers, policemen]
  civilians_security: [civilians and soldiers]
unions:
  civilians_security: [civilians, security_personnel]
"""


def test_people_named_in_a_list_make_their_union(vocab: Path) -> None:
    (vocab / "parts.yaml").write_text(PARTS, encoding="utf-8")
    lex = load_lexicon(vocab)
    assert lex.population_unions == {
        frozenset({"civilians", "security_personnel"}): "civilians_security"}


def test_a_union_of_unknown_people_names_its_file(vocab: Path) -> None:
    (vocab / "parts.yaml").write_text(
        PARTS.replace("[civilians, security_personnel]", "[civilians, shopkeepers]"),
        encoding="utf-8")
    with pytest.raises(VocabularyError, match="parts.yaml: bad union"):
        load_lexicon(vocab)



def test_the_rest_of_a_region_is_read_from_regions_yaml(vocab: Path) -> None:
    regions = REGIONS + """PK-TA:
  name: merged districts
  parent: PK-KP
PK-KPM:
  name: KP mainland
  parent: PK-KP
  rest_of: [PK-KP, PK-TA]
"""
    (vocab / "regions.yaml").write_text(regions, encoding="utf-8")
    assert load_lexicon(vocab).region_rest == {("PK-KP", "PK-TA"): "PK-KPM"}
    broken = vocab / "broken"  # (a folder of its own: lexicons are cached by folder)
    broken.mkdir()
    for name in ("metrics.yaml", "sources.yaml"):
        (broken / name).write_text((vocab / name).read_text(encoding="utf-8"), encoding="utf-8")
    (broken / "regions.yaml").write_text(regions.replace("[PK-KP, PK-TA]", "PK-KP"),
                                         encoding="utf-8")
    with pytest.raises(VocabularyError, match="rest_of"):
        load_lexicon(broken)
