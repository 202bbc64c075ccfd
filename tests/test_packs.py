"""Data packs: reference data and vocabulary brought at run time (--data, FIGCHECK_DATA).

The packs here are written into temporary folders with figures of our own making, except
the example pack under ``examples/`` (real published figures, with their provenance).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from sources.lexicon import LexiconScope, lexicon_for
from sources.packs import DataSelection, PackError, _read_mapping
from sources.references import (
    DATA_DIR,
    ReferenceDataError,
    load_references,
    load_selection,
    references_version,
    selection_version,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "satp-pack"
runner = CliRunner()

HEADER = (
    "ref_id,document,definition,metric,region,period,base_period,kind,value,low,high,"
    "qualifier,unit,stated_or_derived,keywords,note"
)
ROWS = [
    "kidnap-hel-2023,lri-2024,reported,kidnappings,AF-HEL,2023,,count,57,,,,,stated,,",
    "kidnap-hel-2022,lri-2024,reported,kidnappings,AF-HEL,2022,,count,64,,,,,stated,,",
]
DESCRIPTOR = """\
name: lri
title: Lakeside Research Institute kidnapping tally
publisher: Lakeside Research Institute
source: LRI
path: lri.csv
documents:
  lri-2024:
    title: Kidnapping tally 2024
    published: "2024-02-01"
    url: https://example.org/lri/kidnapping-tally-2024
definitions:
  reported: Kidnappings reported to the institute's monitors, released or not.
schema:
  fields:
""" + "".join(f"    - {{name: {c}}}\n" for c in HEADER.split(","))
METRICS = """\
kidnappings:
  label: kidnappings
  words: [kidnapping, kidnappings, abduction, abductions]
"""
SOURCES = """\
LRI:
  name: Lakeside Research Institute
  aliases: [LRI, Lakeside Research Institute]
"""
ARTICLE = """\
Kidnappings in the south

Kidnappings have become a daily fear in the south of the country.
The Lakeside Research Institute counted 57 kidnappings in Helmand in 2023.

The institute recorded 80 kidnappings in Helmand in 2022, its monitors said.
"""


def make_pack(folder: Path, rows: list[str] | None = None, csv_text: str | None = None) -> Path:
    """A pack with its own metric (kidnappings), source (LRI) and an ISO region (AF-HEL)."""
    (folder / "vocab").mkdir(parents=True)
    (folder / "lri.yaml").write_text(DESCRIPTOR, encoding="utf-8")
    text = csv_text if csv_text is not None else "\n".join([HEADER, *(rows or ROWS)]) + "\n"
    (folder / "lri.csv").write_text(text, encoding="utf-8")
    (folder / "vocab" / "metrics.yaml").write_text(METRICS, encoding="utf-8")
    (folder / "vocab" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return folder


def refused(folder: Path, bundled: bool = True) -> str:
    selection = DataSelection.from_options([folder], no_bundled_data=not bundled, environ={})
    with pytest.raises(ReferenceDataError) as info:
        load_selection(selection)
    return str(info.value)


# --- through the CLI -------------------------------------------------------------------------


def test_check_an_article_against_a_pack_from_a_folder(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    article = tmp_path / "kidnappings.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = ["check", str(article), "--engine", "local", "--published", "2024-03-01", "--json"]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "out"), "--data", str(pack)])
    assert result.exit_code == 1, result.output  # the 2022 figure is wrong
    report = json.loads(result.stdout)
    verdicts = {c["text"]: (c["metric"], c["region"], c["verdict"]) for c in report["claims"]}
    assert verdicts["57"] == ("kidnappings", "AF-HEL", "supported")
    assert verdicts["80"] == ("kidnappings", "AF-HEL", "contradicted")
    # The reference version names data the bundled folder alone does not hold.
    assert report["run"]["reference_version"] != references_version()

    # Without the pack nothing about Helmand can be checked, and nothing fails.
    bare = runner.invoke(app, [*args, "--out", str(tmp_path / "out2")])
    assert bare.exit_code == 0, bare.output
    assert {c["verdict"] for c in json.loads(bare.stdout)["claims"]} == {"unverifiable"}


def check_with_pack(tmp_path: Path, pack: Path):
    """``figcheck check`` of the pack test's article with ``pack``, reports in tmp_path/out."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return runner.invoke(
        app, ["check", str(article), "--engine", "local", "--out", str(tmp_path / "out"),
              "--data", str(pack)]
    )


def test_check_refuses_a_broken_pack_with_exit_2_before_running(tmp_path: Path) -> None:
    rows = [ROWS[0], ROWS[1].replace(",2022,", ",2022-13,")]
    pack = make_pack(tmp_path / "pack", rows)
    result = check_with_pack(tmp_path, pack)
    assert result.exit_code == 2, result.output
    assert f"{pack / 'lri.csv'} line 3, column period" in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()  # refused before any work


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (f'{HEADER}\n{ROWS[0]}\n"kidnap-x,lri-2024,reported\n{ROWS[1]}\n', 3,
         "unterminated quoted field"),
        (f"{HEADER}\n", 1, "a header and no rows"),
    ],
    ids=["unterminated quote", "header and no rows"],
)
def test_check_refuses_bad_csv_syntax_in_one_line_naming_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    pack = make_pack(tmp_path / "pack", csv_text=text)
    result = check_with_pack(tmp_path, pack)
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert f"{pack / 'lri.csv'} line {line}" in message and words in message, message
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()  # refused before any work


def test_sources_commands_take_packs_from_the_environment_and_options(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    listed = runner.invoke(app, ["sources", "list"], env={"FIGCHECK_DATA": str(pack)},
                           terminal_width=250)
    assert listed.exit_code == 0, listed.output
    assert "lri" in listed.output and "pips" in listed.output
    alone = runner.invoke(app, ["sources", "list", "--data", str(pack), "--no-bundled-data"],
                          terminal_width=250)
    assert alone.exit_code == 0 and "lri" in alone.output and "pips" not in alone.output
    shown = runner.invoke(app, ["sources", "show", "lri", "--data", str(pack)],
                          terminal_width=250)
    assert shown.exit_code == 0 and "lri:kidnap-hel-2023" in shown.output
    # However long the path, the message is one line that names it whole (a CI log is not
    # a terminal to wrap at).
    nope = tmp_path / ("a-folder-name-longer-than-a-terminal-line-" * 3) / "nope"
    missing = runner.invoke(app, ["sources", "list", "--data", str(nope)])
    assert missing.exit_code == 2
    assert f"{nope}: not a folder" in missing.output.splitlines()[-1]
    nothing = runner.invoke(app, ["sources", "list", "--no-bundled-data"], env={})
    assert nothing.exit_code == 2 and "no reference data" in nothing.output


# --- refusing broken packs, each with file and line ------------------------------------------

BROKEN_CSV = [
    # (what, csv text, line, words in the message)
    ("unterminated quote", f'{HEADER}\n{ROWS[0]}\n"kidnap-x,lri-2024,reported\n{ROWS[1]}\n',
     3, "unterminated quoted field"),
    # The case: a quote opened in the last column swallows the rows after it.
    ("quote swallowing rows", f'{HEADER}\n{ROWS[0]}"provisional\n{ROWS[1]}\n',
     2, "unterminated quoted field"),
    ("extra field", f"{HEADER}\n{ROWS[0]},surplus\n", 2, "17 field(s) where the header has 16"),
    ("missing field", f"{HEADER}\n{ROWS[0].rsplit(',', 1)[0]}\n", 2, "15 field(s)"),
    ("header and no rows", f"{HEADER}\n", 1, "a header and no rows"),
    ("empty file", "", None, "empty file"),
    ("blank lines only", "\n\n", None, "empty file"),
]


@pytest.mark.parametrize(("what", "text", "line", "words"), BROKEN_CSV,
                         ids=[b[0] for b in BROKEN_CSV])
def test_csv_syntax_errors_are_refused_with_file_and_line(tmp_path, what, text, line, words):
    pack = make_pack(tmp_path / "pack", csv_text=text)
    message = refused(pack)
    where = f"{pack / 'lri.csv'}" + (f" line {line}" if line else "")
    assert f"{where}: " in message or f"{where}," in message, message
    assert words in message


def test_unknown_metric_and_region_are_refused_with_line_and_column(tmp_path: Path) -> None:
    rows = [ROWS[0].replace("kidnappings", "ransoms"), ROWS[1].replace("AF-HEL", "AF-XYZ")]
    pack = make_pack(tmp_path / "pack", rows)
    message = refused(pack)
    assert f"{pack / 'lri.csv'} line 2, column metric: unknown metric id 'ransoms'" in message
    assert f"{pack / 'lri.csv'} line 3, column region: unknown region code(s) ['AF-XYZ']" \
        in message


@pytest.mark.parametrize(
    ("period", "words"),
    [("2022-13", "must be an ISO date"), ("2022-01/2022-12", "write the period as '2022'"),
     ("2022-06/2022-01", "must be an ISO date")],
)
def test_bad_periods_are_refused(tmp_path: Path, period: str, words: str) -> None:
    pack = make_pack(tmp_path / "pack", [ROWS[0], ROWS[1].replace(",2022,", f",{period},")])
    message = refused(pack)
    assert f"{pack / 'lri.csv'} line 3, column period: " in message and words in message


def test_a_vocabulary_clash_names_both_files(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    (pack / "vocab" / "metrics.yaml").write_text(
        METRICS + "deaths:\n  label: deaths in custody\n  words: [died in custody]\n",
        encoding="utf-8",
    )
    message = refused(pack)
    assert str(pack / "vocab" / "metrics.yaml") in message
    assert str(ROOT / "sources" / "vocab" / "metrics.yaml") in message
    assert "'deaths' is already defined differently" in message


def test_an_id_defined_twice_in_one_vocabulary_file_is_refused_with_its_line(
        tmp_path: Path) -> None:
    # YAML itself keeps the last of two equal keys: the first entry would vanish unseen.
    pack = make_pack(tmp_path / "pack")
    (pack / "vocab" / "metrics.yaml").write_text(METRICS + METRICS, encoding="utf-8")
    message = refused(pack)
    second_entry = METRICS.count("\n") + 1
    assert f"{pack / 'vocab' / 'metrics.yaml'} line {second_entry}, column 1:" in message
    assert "is defined twice" in message


def test_every_bundled_vocabulary_file_defines_each_id_once() -> None:
    for path in sorted((ROOT / "sources" / "vocab").glob("*.yaml")):
        _read_mapping(path)  # raises on an id defined twice


def test_two_packs_clash_on_a_metric_and_on_a_dataset(tmp_path: Path) -> None:
    first, second = make_pack(tmp_path / "a"), make_pack(tmp_path / "b")
    # The same metric entry twice is no clash; the same dataset name in two packs is.
    message = refused_both(first, second)
    assert f"{second / 'lri.yaml'}, column name: dataset 'lri' is also defined by " \
        f"{first / 'lri.yaml'}" in message
    (second / "vocab" / "metrics.yaml").write_text(
        METRICS.replace("[kidnapping,", "[hostage taking, kidnapping,"), encoding="utf-8"
    )
    message = refused_both(first, second)
    assert str(first / "vocab" / "metrics.yaml") in message
    assert str(second / "vocab" / "metrics.yaml") in message


def refused_both(first: Path, second: Path) -> str:
    with pytest.raises(ReferenceDataError) as info:
        load_selection(DataSelection.from_options([first, second], environ={}))
    return str(info.value)


def test_an_unknown_vocabulary_file_is_refused(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    (pack / "vocab" / "metric.yaml").write_text(METRICS, encoding="utf-8")  # typo
    assert "not a vocabulary file figcheck reads" in refused(pack)


def test_a_pack_failing_the_quality_gate_is_refused(tmp_path: Path) -> None:
    from flows.steps import load_reference_data

    # Kidnappings are part of attacks here, and 57 kidnappings exceed the 40 attacks stated.
    pack = make_pack(tmp_path / "pack", [
        *ROWS, "attacks-hel-2023,lri-2024,reported,attacks,AF-HEL,2023,,count,40,,,,,stated,,",
    ])
    (pack / "vocab" / "metrics.yaml").write_text(
        METRICS.replace("  label: kidnappings\n", "  label: kidnappings\n  parts_of: attacks\n"),
        encoding="utf-8",
    )
    selection = DataSelection.from_options([pack], environ={})
    load_selection(selection)  # every row is fine on its own
    with pytest.raises(ReferenceDataError) as info:
        load_reference_data(selection)
    assert f"{pack / 'lri.csv'} line 2, column value: fails the quality gate " \
        "(part-within-total): 57 > total 40" in str(info.value)


def test_bundled_style_data_is_read_strictly_too(tmp_path: Path) -> None:
    for suffix in (".yaml", ".csv"):
        shutil.copy(DATA_DIR / f"pips{suffix}", tmp_path / f"pips{suffix}")
    lines = (tmp_path / "pips.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",count,", ',"count,', 1)  # a quote that never closes
    (tmp_path / "pips.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="pips.csv line 4: not valid CSV: unterminated"):
        load_references(tmp_path)


# --- what a pack changes ---------------------------------------------------------------------


def test_reference_version_covers_every_pack(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "pack")
    bundled = DataSelection.from_options(environ={})
    with_pack = DataSelection.from_options([pack], environ={})
    assert selection_version(bundled) == references_version()
    before = selection_version(with_pack)
    assert before != selection_version(bundled)
    (pack / "vocab" / "sources.yaml").write_text(SOURCES + "# edited\n", encoding="utf-8")
    assert selection_version(with_pack) != before
    assert load_selection(with_pack).version == selection_version(with_pack)


def test_region_names_come_from_iso_only_for_the_data_s_countries(tmp_path: Path) -> None:
    selection = DataSelection.from_options([make_pack(tmp_path / "pack")], environ={})
    loaded = load_selection(selection)
    lex = lexicon_for(LexiconScope(selection.vocab_dirs, loaded.regions))
    assert lex.region_by_alias["helmand"] == "AF-HEL"
    # Every province of a country the data uses, so a neighbour's figure binds to it...
    assert lex.region_by_alias["kandahar"] == "AF-KAN"
    assert lex.region_parent["AF-KAN"] == "AF"
    # ...curated aliases keep their codes, and countries the data does not use stay out.
    assert lex.region_by_alias["kp"] == "PK-KP"
    assert "india" not in lex.region_by_alias and "georgia" not in lex.region_by_alias
    assert lex.metric_by_word["abductions"] == "kidnappings"
    assert lex.source_by_alias["Lakeside Research Institute"] == "LRI"
    bundled = lexicon_for(None)
    assert "helmand" not in bundled.region_by_alias and "kidnappings" not in bundled.metrics


def test_a_pack_region_entry_adds_aliases_to_an_iso_name() -> None:
    selection = DataSelection.from_options([EXAMPLE], environ={})
    lex = lexicon_for(LexiconScope(selection.vocab_dirs, load_selection(selection).regions))
    assert lex.region_by_alias["j&k"] == "IN-JK"
    assert lex.region_by_alias["jammu and kashmir"] == "IN-JK"  # ISO name, diacritics folded
    assert lex.region_by_alias["azad jammu and kashmir"] == "PK-JK"
    # A place the bundled vocabulary holds no figures for is, with the pack, a region.
    assert "Jammu and Kashmir" in lexicon_for(None).elsewhere
    assert "Jammu and Kashmir" not in lex.elsewhere


def test_data_selection_reads_the_environment_then_the_options(tmp_path: Path) -> None:
    a, b = make_pack(tmp_path / "a"), make_pack(tmp_path / "b")
    chosen = DataSelection.from_options([b], environ={"FIGCHECK_DATA": f"{a}{os.pathsep}{b}"})
    assert chosen.packs == (a.resolve(), b.resolve()) and chosen.bundled
    # The bundled folder named as a pack is the bundled data, not a second copy.
    assert DataSelection.from_options([DATA_DIR], environ={}).packs == ()
    with pytest.raises(PackError, match="FIGCHECK_DATA: .*nope: not a folder"):
        DataSelection.from_options(environ={"FIGCHECK_DATA": str(tmp_path / "nope")})


# --- the example pack ------------------------------------------------------------------------


def test_the_example_pack_checks_an_article_about_jammu_and_kashmir(tmp_path: Path) -> None:
    article = tmp_path / "jk.txt"
    article.write_text(
        "Violence in the valley\n\n"
        "The South Asia Terrorism Portal counted 169 deaths in terrorism-related violence in "
        "Jammu and Kashmir in 2022. In 2020 the portal recorded 180 incidents of killing in "
        "J&K.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, [
        "check", str(article), "--engine", "local", "--published", "2023-08-01", "--json",
        "--out", str(tmp_path / "out"), "--data", str(EXAMPLE),
    ])
    assert result.exit_code == 1, result.output
    claims = {c["text"].split()[0]: c for c in json.loads(result.stdout)["claims"]}
    assert (claims["169"]["region"], claims["169"]["verdict"]) == ("IN-JK", "supported")
    wrong = claims["180"]
    assert (wrong["metric"], wrong["region"], wrong["verdict"]) == (
        "killing_incidents", "IN-JK", "contradicted"
    )
