"""Reference data you bring: event exports (GTD, ACLED) in CSV, Excel and Parquet, the GX
quality gate, and the `figcheck sources` commands, with deliberately broken fixtures."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from checks.judge import judge
from checks.schemas import ClaimSchema, columns, validate
from flows.sources_cli import app
from sources.references import DATA_DIR, ReferenceDataError, load_references

runner = CliRunner()

# --- event exports --------------------------------------------------------------------------

GTD_EVENTS = [  # the GTD export's columns (a few of its many), one row per incident
    {
        "eventid": 1,
        "iyear": 2021,
        "imonth": 1,
        "iday": 5,
        "country_txt": "Pakistan",
        "provstate": "Khyber Pakhtunkhwa",
        "nkill": 3,
        "nwound": 5,
        "gname": "TTP",
    },
    {
        "eventid": 2,
        "iyear": 2021,
        "imonth": 2,
        "iday": 9,
        "country_txt": "Pakistan",
        "provstate": "Balochistan",
        "nkill": None,
        "nwound": 2,
        "gname": "BLA",
    },
    {
        "eventid": 3,
        "iyear": 2021,
        "imonth": 3,
        "iday": 1,
        "country_txt": "Pakistan",
        "provstate": "Unknown",
        "nkill": 1,
        "nwound": 0,
        "gname": "Unknown",
    },
    {
        "eventid": 4,
        "iyear": 2022,
        "imonth": 3,
        "iday": 1,
        "country_txt": "Pakistan",
        "provstate": "Khyber Pakhtunkhwa",
        "nkill": 4,
        "nwound": 1,
        "gname": "TTP",
    },
    {
        "eventid": 5,
        "iyear": 2021,
        "imonth": 3,
        "iday": 1,
        "country_txt": "India",
        "provstate": "Punjab",
        "nkill": 4,
        "nwound": 1,
        "gname": "X",
    },
]
# (metric, region, period) -> (value, qualifier); India is left out by `countries`.
GTD_EXPECTED = {
    ("attacks", "PK", "2021"): (3, None),
    ("attacks", "PK-KP", "2021"): (1, None),
    ("attacks", "PK-BA", "2021"): (1, None),
    ("attacks", "PK", "2022"): (1, None),
    ("attacks", "PK-KP", "2022"): (1, None),
    ("deaths", "PK", "2021"): (4, "at_least"),
    ("deaths", "PK-KP", "2021"): (3, None),
    ("deaths", "PK-BA", "2021"): (0, "at_least"),
    ("deaths", "PK", "2022"): (4, None),
    ("deaths", "PK-KP", "2022"): (4, None),
    ("injured", "PK", "2021"): (7, None),
    ("injured", "PK-KP", "2021"): (5, None),
    ("injured", "PK-BA", "2021"): (2, None),
    ("injured", "PK", "2022"): (1, None),
    ("injured", "PK-KP", "2022"): (1, None),
}
ACLED_EVENTS = [
    {
        "event_id_cnty": "PAK1",
        "event_date": "2023-01-10",
        "year": 2023,
        "event_type": "Explosions/Remote violence",
        "country": "Pakistan",
        "admin1": "Khyber Pakhtunkhwa",
        "fatalities": 7,
        "actor1": "TTP",
    },
    {
        "event_id_cnty": "PAK2",
        "event_date": "2023-02-11",
        "year": 2023,
        "event_type": "Violence against civilians",
        "country": "Pakistan",
        "admin1": "Balochistan",
        "fatalities": 2,
        "actor1": "BLA",
    },
    {
        "event_id_cnty": "PAK3",
        "event_date": "2023-02-12",
        "year": 2023,
        "event_type": "Protests",
        "country": "Pakistan",
        "admin1": "Sindh",
        "fatalities": 0,
        "actor1": "Protesters",
    },
]
ACLED_EXPECTED = {
    ("attacks", "PK", "2023"): (2, None),
    ("attacks", "PK-KP", "2023"): (1, None),
    ("attacks", "PK-BA", "2023"): (1, None),
    ("deaths", "PK", "2023"): (9, None),
    ("deaths", "PK-KP", "2023"): (7, None),
    ("deaths", "PK-BA", "2023"): (2, None),
}


def descriptor(name: str, path: str, layout: str, source: str, **events) -> dict:
    return {
        "name": name,
        "title": f"{source} extract",
        "publisher": f"{source} publisher",
        "source": source,
        "path": path,
        "layout": layout,
        "events": {"document": "export", "definition": "events", **events},
        "documents": {
            f"{name}-export" if False else "export": {
                "title": f"{source} export",
                "published": "2024-02",
                "url": "https://example.org/export",
            }
        },
        "definitions": {"events": f"Events as {source} records them."},
    }


def write_dataset(
    folder: Path, name: str, events: list[dict], fmt: str, layout: str, source: str, **options
) -> Path:
    frame = pd.DataFrame(events)
    path = folder / f"{name}.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    meta = descriptor(name, path.name, layout, source, **options)
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    return folder


def figures(table: pd.DataFrame) -> dict:
    return {
        (r["metric"], r["region"], r["period"]): (
            r["value"],
            None if pd.isna(r["qualifier"]) else r["qualifier"],
        )
        for r in table.to_dict("records")
    }


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_gtd_export_is_aggregated_per_province_country_and_year(tmp_path: Path, fmt: str):
    write_dataset(tmp_path, "gtd", GTD_EVENTS, fmt, "gtd", "GTD", countries=["Pakistan"])
    table = load_references(tmp_path)
    assert figures(table) == GTD_EXPECTED
    assert set(table["source"]) == {"GTD"} and (table["kind"] == "count").all()
    row = table[table["ref_id"] == "gtd:deaths-pk-2021"].iloc[0]
    assert "1 event(s) with the count blank" in row["note"]
    assert row["url"] == "https://example.org/export" and row["published"] == "2024-02"


def test_acled_excel_export_counts_only_the_declared_event_types(tmp_path: Path):
    types = ["Explosions/Remote violence", "Violence against civilians"]
    write_dataset(
        tmp_path, "acled", ACLED_EVENTS, "xlsx", "acled", "ACLED", attack_event_types=types
    )
    assert figures(load_references(tmp_path)) == ACLED_EXPECTED


def test_acled_without_attack_types_is_refused(tmp_path: Path):
    write_dataset(tmp_path, "acled", ACLED_EVENTS, "csv", "acled", "ACLED")
    with pytest.raises(ReferenceDataError, match="events.attack_event_types"):
        load_references(tmp_path)


def test_unknown_province_is_reported_with_file_line_and_column(tmp_path: Path):
    events = [*GTD_EVENTS[:4], GTD_EVENTS[0] | {"provstate": "Atlantis"}]
    write_dataset(tmp_path, "gtd", events, "csv", "gtd", "GTD")
    with pytest.raises(ReferenceDataError) as info:
        load_references(tmp_path)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.column) == ("gtd.csv", 6, "provstate")
    assert "unknown province name 'Atlantis'" in problem.message


def test_missing_layout_column_is_refused(tmp_path: Path):
    events = [{k: v for k, v in e.items() if k != "nwound"} for e in GTD_EVENTS]
    write_dataset(tmp_path, "gtd", events, "csv", "gtd", "GTD")
    with pytest.raises(ReferenceDataError, match="gtd.csv line 1, column nwound: missing column"):
        load_references(tmp_path)


def test_tidy_rows_in_excel_load_like_the_csv(tmp_path: Path):
    rows = pd.read_csv(DATA_DIR / "crss.csv", dtype=str, keep_default_na=False)
    rows.to_excel(tmp_path / "crss.xlsx", index=False)
    meta = yaml.safe_load((DATA_DIR / "crss.yaml").read_text(encoding="utf-8"))
    meta["path"] = "crss.xlsx"
    (tmp_path / "crss.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    from_excel = load_references(tmp_path)
    shutil.copy(DATA_DIR / "crss.csv", tmp_path / "crss.csv")
    meta["path"] = "crss.csv"
    (tmp_path / "crss.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    pd.testing.assert_frame_equal(from_excel, load_references(tmp_path))


def test_a_claim_is_judged_against_a_gtd_export_without_code_changes(tmp_path: Path):
    write_dataset(tmp_path, "gtd", GTD_EVENTS, "csv", "gtd", "GTD", countries=["Pakistan"])
    row = {c: None for c in columns(ClaimSchema)} | {
        "article_id": "a",
        "claim_id": "a#1",
        "text": "three attacks",
        "start": 0,
        "end": 13,
        "sentence": "GTD recorded three attacks in Pakistan in 2021.",
        "kind": "count",
        "value": 3.0,
        "metric": "attacks",
        "region": "PK",
        "period": "2021",
        "attributed_to": "GTD",
    }
    claims = validate(
        ClaimSchema,
        pd.DataFrame(
            [
                row,
                row
                | {
                    "claim_id": "a#2",
                    "value": 5.0,
                    "region": "PK-BA+PK-KP",
                    "metric": "injured",
                    "sentence": "GTD recorded 5 injured in Balochistan and KP in 2021.",
                },
            ]
        ),
        "claims",
    )
    evidence, verdicts = judge(claims, load_references(tmp_path), {"a": "2024-06-28"})
    assert verdicts.set_index("claim_id")["verdict"].to_dict() == {
        "a#1": "supported",
        "a#2": "contradicted",
    }  # 2 + 5 = 7 injured in Balochistan and KP
    assert "2 + 5 = 7" in evidence[evidence["claim_id"] == "a#2"]["computation"].iloc[0]


# --- figcheck sources -----------------------------------------------------------------------


def copy_pips(tmp_path: Path) -> Path:
    for suffix in (".yaml", ".csv"):
        shutil.copy(DATA_DIR / f"pips{suffix}", tmp_path / f"pips{suffix}")
    return tmp_path / "pips.csv"


def edit(path: Path, ref_id: str, **changes: str) -> int:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    index = next(i for i, r in enumerate(rows) if r["ref_id"] == ref_id)
    rows[index].update(changes)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return index + 2


def validate_cli(folder: Path):
    return runner.invoke(app, ["validate", "--data", str(folder)], terminal_width=250)


def test_validate_bundled_data_is_clean():
    result = validate_cli(DATA_DIR)
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


# (ref_id, changes, check, column, text in the value) for loader and GX-gate problems
BROKEN = [
    ("deaths-pk-2022", {"value": "4,19"}, "load", "value", "not a number"),
    ("deaths-pk-2022", {"value": "-1"}, "load", "value", "cannot be negative"),
    ("attacks-share-ba-kp-2022", {"value": "195"}, "load", "value", "within 0-100"),
    (
        "deaths-pk-2022",
        {"period": "2023", "document": "pips-2023"},
        "load",
        "source, document",
        "duplicate key",
    ),
    ("attacks-ba-2023", {"value": "400"}, "part-within-country", "value", "400 > total 306"),
    ("deaths-security-pk-2023", {"value": "900"}, "part-within-total", "value", "900 > total 693"),
    (
        "deaths-change-pk-2023",
        {"value": "60"},
        "change-matches-counts",
        "value",
        "stated 60% vs 65.4%",
    ),
]


@pytest.mark.parametrize(
    ("ref_id", "changes", "check", "column", "text"),
    BROKEN,
    ids=[b[2] + ":" + next(iter(b[1])) for b in BROKEN],
)
def test_validate_names_file_line_column_and_check(tmp_path, ref_id, changes, check, column, text):
    line = edit(copy_pips(tmp_path), ref_id, **changes)
    result = validate_cli(tmp_path)
    assert result.exit_code == 1, result.output
    found = [r for r in result.output.splitlines() if "pips.csv" in r and check in r]
    assert found, result.output
    assert any(f" {line} " in r and column in r and text in r for r in found), result.output


def test_validate_reports_a_missing_url_and_date(tmp_path: Path):
    copy_pips(tmp_path)
    meta = yaml.safe_load((tmp_path / "pips.yaml").read_text(encoding="utf-8"))
    del meta["documents"]["pips-2022"]["url"]
    meta["documents"]["pips-2024"]["published"] = ""
    (tmp_path / "pips.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    result = validate_cli(tmp_path)
    assert result.exit_code == 1
    assert "documents.pips-2022.url" in result.output
    assert "documents.pips-2024.published" in result.output


def test_gate_catches_missing_url_that_slipped_past_the_loader():
    from checks.reference_suite import validate_references
    from sources.references import load_references_with_origins

    table, origins = load_references_with_origins()
    table.loc[table["ref_id"] == "gti:deaths-pk-2022", "url"] = None
    problems = validate_references(table, origins).problems
    assert problems[["file", "line", "column", "check"]].values.tolist() == [
        ["gti.csv", 2, "url", "url-present"]
    ]


def test_list_and_show(tmp_path: Path):
    listed = runner.invoke(app, ["list"], terminal_width=250)
    assert listed.exit_code == 0 and "picss" in listed.output
    shown = runner.invoke(app, ["show", "picss"], terminal_width=250)
    assert shown.exit_code == 0
    for text in ("picss-2023", "militant-attacks", "picss:attacks-pk-2023", "at least 645"):
        assert text in shown.output
    assert runner.invoke(app, ["show", "nope"]).exit_code == 2
    edit(copy_pips(tmp_path), "deaths-pk-2022", value="x")
    broken = runner.invoke(app, ["show", "pips", "--data", str(tmp_path)])
    assert broken.exit_code == 1 and "not a number" in broken.output


def test_sources_is_a_figcheck_subcommand():
    from flows.cli import app as main_app

    result = runner.invoke(main_app, ["sources", "--help"])
    assert result.exit_code == 0 and "validate" in result.output and "show" in result.output


def test_check_refuses_a_bad_tolerances_file_before_running(tmp_path: Path):
    from flows.cli import app as main_app

    bad = tmp_path / "tol.yaml"
    bad.write_text("approximate: lots\n", encoding="utf-8")
    result = runner.invoke(main_app, ["check", "--tolerances", str(bad)])
    assert result.exit_code == 2
    assert "--tolerances" in result.output and "approximate must be a fraction" in result.output


def test_check_judges_with_the_tolerances_file(tmp_path: Path):
    """An 'about 60%' claim of a 65.4% change: outside ±5%, inside ±10%."""
    from flows.cli import app as main_app

    article = tmp_path / "about.txt"
    article.write_text(
        "PIPS found an increase of about 60% in deaths in Pakistan in 2023.", encoding="utf-8"
    )
    verdicts = {}
    for share in ("0.05", "0.1"):
        tol = tmp_path / f"tol-{share}.yaml"
        tol.write_text(f"approximate: {share}\n", encoding="utf-8")
        result = runner.invoke(
            main_app,
            [
                "check",
                str(article),
                "--engine",
                "local",
                "--published",
                "2024-01-10",
                "--tolerances",
                str(tol),
                "--json",
                "--out",
                str(tmp_path / share),
            ],
        )
        assert result.exit_code in (0, 1), result.output
        (claim,) = json.loads(result.stdout)["claims"]
        verdicts[share] = claim["verdict"]
    assert verdicts == {"0.05": "contradicted", "0.1": "supported"}
