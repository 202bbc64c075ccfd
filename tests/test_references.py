"""Tests of the reference data layer: the bundled datasets, and broken copies of them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from checks.reference_suite import gate_frame
from checks.schemas import ReferenceSchema as R
from checks.schemas import columns, validate
from sources import references
from sources.references import (
    DATA_DIR,
    ReferenceDataError,
    list_datasets,
    load_references,
    references_version,
)
from tests.rows import reference_row

DATASETS = ["balochistan", "crss", "events", "gti", "interior", "ispr", "kpctd", "kppolice",
            "picss", "pips", "statements"]


@pytest.fixture(scope="module")
def refs() -> pd.DataFrame:
    return load_references()


def one(df: pd.DataFrame, **where: object) -> pd.Series:
    """Return the single row whose columns equal ``where``; fail on none or several."""
    mask = pd.Series(True, index=df.index)
    for column, value in where.items():
        mask &= df[column] == value
    found = df[mask]
    assert len(found) == 1, f"{len(found)} rows match {where}"
    return found.iloc[0]


# --- the bundled data ------------------------------------------------------------------------

def test_bundled_data_loads_with_the_contract_columns(refs: pd.DataFrame) -> None:
    assert list(refs.columns) == columns(R)
    assert sorted(list_datasets()["name"]) == DATASETS
    assert refs[R.ref_id].is_unique
    assert set(refs[R.source]) >= {"PIPS", "CRSS", "PICSS", "GTI", "Asif Durrani",
                                   "UN Monitoring Team", "Rana Sanaullah"}


def test_provincial_official_figures_keep_each_publisher_apart(refs: pd.DataFrame) -> None:
    # Balochistan's Home Department and its police count differently (563 attacks to
    # 20 December 2024 against 711 incidents in 2024): each row names its own source.
    home = one(refs, **{R.ref_id: "balochistan:attacks-ba-2024-home"})
    police = one(refs, **{R.ref_id: "balochistan:attacks-ba-2024-police"})
    assert (home[R.source], home[R.value], home[R.period]) == (
        "Balochistan Home Department", 563, "2024-01-01/2024-12-20")
    assert (police[R.source], police[R.value], police[R.period]) == (
        "Balochistan Police", 711, "2024")
    # The KP police's eight-month release is a span of months, not the year.
    kp = one(refs, **{R.ref_id: "kppolice:attacks-kp-2025-01-08"})
    assert (kp[R.source], kp[R.region], kp[R.period], kp[R.value]) == (
        "KP Police", "PK-KP", "2025-01/2025-08", 605)


def test_every_row_has_a_https_url_and_a_publication_date(refs: pd.DataFrame) -> None:
    assert refs[R.url].str.startswith("https://").all()
    assert refs[R.published].str.match(r"^\d{4}(-\d{2}(-\d{2})?)?$").all()


def test_data_files_hold_only_stated_figures(refs: pd.DataFrame) -> None:
    assert (refs[R.stated_or_derived] == "stated").all()
    # figures.md's derived PICSS shares (91.3%, 92.7%) are computed at run time, not stored;
    # shares PICSS printed itself (25% of 2024's deaths were civilians) are stored.
    picss_shares = refs[(refs[R.source] == "PICSS") & (refs[R.kind] == "share")]
    assert picss_shares[(picss_shares[R.region] == "PK-BA+PK-KP")
                        & (picss_shares[R.period] == "2023")].empty


def test_ref_ids_carry_their_dataset_name(refs: pd.DataFrame) -> None:
    prefixes = refs[R.ref_id].str.split(":").str[0]
    assert set(prefixes) == set(DATASETS)


def test_year_to_date_releases_keep_their_span(refs: pd.DataFrame) -> None:
    # The KP CTD's December release counts 2024 to its release day; only the year-end
    # report speaks for the whole year, so the two never meet the same claim.
    ctd = refs[(refs[R.source] == "KP CTD") & (refs[R.metric] == "attacks")
               & (refs[R.region] == "PK-KP")]
    assert one(ctd, **{R.period: "2024-01-01/2024-12-06"})[R.value] == 636
    assert one(ctd, **{R.period: "2024"})[R.value] == 670
    assert one(ctd, **{R.period: "2023"})[R.value] == 631


def test_a_publishers_two_counts_of_one_month_are_stored_as_their_two_measures(
        refs: pd.DataFrame) -> None:
    # PICSS's July 2024 report gives 12 attacks in Balochistan; its August report 13
    # "violent incidents" for July (on which +277% rests), PICSS's word for attacks and
    # security-force actions together: two measures, so the month is not disputed with itself.
    july = refs[(refs[R.source] == "PICSS") & (refs[R.region] == "PK-BA")
                & (refs[R.period] == "2024-07") & (refs[R.kind] == "count")]
    assert list(july[july[R.metric] == "attacks"][R.value]) == [12]
    assert list(july[july[R.metric] == "incidents"][R.value]) == [13]


def test_pips_deaths(refs: pd.DataFrame) -> None:
    pips = refs[(refs[R.source] == "PIPS") & (refs[R.metric] == "deaths")
                & (refs[R.region] == "PK") & (refs[R.kind] == "count")]
    assert one(pips, **{R.period: "2023"})[R.value] == 693
    assert one(pips, **{R.period: "2022"})[R.value] == 419
    definition = one(pips, **{R.period: "2023"})[R.definition]
    assert "security-force operations are not counted" in definition


def test_crss_shares_of_deaths_and_attacks_in_kp_and_balochistan(refs: pd.DataFrame) -> None:
    crss = refs[(refs[R.source] == "CRSS") & (refs[R.region] == "PK-BA+PK-KP")
                & (refs[R.period] == "2023") & (refs[R.kind] == "share")]
    deaths = one(crss, **{R.metric: "deaths"})
    assert (deaths[R.value], deaths[R.qualifier], deaths[R.unit]) == (90, "over", "%")
    attacks = one(crss, **{R.metric: "attacks"})
    assert attacks[R.value] == 84 and pd.isna(attacks[R.qualifier])
    # The 84% counts security-force operations too: it shares CRSS's all-violence definition.
    assert attacks[R.definition] == deaths[R.definition]
    assert "counter-terror" in attacks[R.definition]


def test_picss_province_counts(refs: pd.DataFrame) -> None:
    picss = refs[(refs[R.source] == "PICSS") & (refs[R.period] == "2023")
                 & (refs[R.kind] == "count") & refs[R.definition].str.startswith("Militant")]
    attacks = picss[picss[R.metric] == "attacks"]
    assert one(attacks, **{R.region: "PK-KP"})[R.value] == 419
    ba = one(attacks, **{R.region: "PK-BA"})
    assert (ba[R.value], ba[R.qualifier]) == (170, "at_least")
    pk = one(attacks, **{R.region: "PK"})
    assert (pk[R.value], pk[R.qualifier]) == (645, "at_least")
    deaths = picss[picss[R.metric] == "deaths"]
    assert [one(deaths, **{R.region: r})[R.value] for r in ("PK", "PK-KP", "PK-BA")] == [
        976, 620, 285]


def test_picss_keeps_its_two_definitions_apart(refs: pd.DataFrame) -> None:
    deaths = refs[(refs[R.source] == "PICSS") & (refs[R.metric] == "deaths")
                  & (refs[R.region] == "PK") & (refs[R.period] == "2023")
                  & (refs[R.kind] == "count")]
    assert sorted(deaths[R.value]) == [976, 1529]
    assert deaths[R.definition].nunique() == 2


def test_ttp_strength_estimates(refs: pd.DataFrame) -> None:
    fighters = refs[(refs[R.metric] == "militants") & (refs[R.kind] == "range")]
    durrani = one(fighters, **{R.source: "Asif Durrani"})
    assert (durrani[R.low], durrani[R.high], durrani[R.published]) == (5000, 6000, "2024-03-17")
    assert durrani[R.region] == "AF"
    un = one(fighters, **{R.source: "UN Monitoring Team", R.period: "2024-07"})
    assert (un[R.low], un[R.high], un[R.published]) == (6000, 6500, "2024-07")
    families = one(refs, **{R.source: "Asif Durrani", R.metric: "militants_with_families"})
    assert families[R.value] == 70000


def test_events_are_dates_with_keywords(refs: pd.DataFrame) -> None:
    events = refs[refs[R.kind] == "date"]
    assert events[R.value].isna().all() and events[R.keywords].notna().all()
    strikes = one(events, **{R.metric: "airstrikes", R.region: "AF-KHO+AF-PKA"})
    assert strikes[R.period] == "2024-03-18"
    assert set(strikes[R.keywords].split("|")) >= {"Paktika", "Khost"}
    december = one(events, **{R.metric: "airstrikes", R.region: "AF-PKA"})
    assert december[R.period] == "2024-12-24"
    interview = one(events, **{R.metric: "interview"})
    assert interview[R.period] == "2024-06-27"
    assert "VOA" in interview[R.keywords].split("|")
    mir_ali = one(events, **{R.metric: "attacks", R.keywords: "Mir Ali|North Waziristan"})
    assert mir_ali[R.period] == "2024-03-16"
    # An attack's keywords name the place of that attack only ("Mali Khel"), not its
    # district: a sentence about another attack in Bannu must not be dated by this one.
    mali_khel = one(events, **{R.metric: "attacks", R.period: "2024-11-19"})
    assert "Bannu" not in mali_khel[R.keywords].split("|")


def test_sub_populations_have_their_own_metric(refs: pd.DataFrame) -> None:
    pips = refs[(refs[R.source] == "PIPS") & (refs[R.period] == "2023") & (refs[R.region] == "PK")]
    parts = ["deaths_security_personnel", "deaths_civilians", "deaths_militants"]
    split = pips[pips[R.metric].isin(parts)]
    assert split[R.value].sum() == 693  # 330 + 260 + 103: parts of the total, stored apart


def test_a_police_release_keeps_its_kinds_of_attack_and_seizures_apart(
        refs: pd.DataFrame) -> None:
    # The KP CTD's December 2024 release: IED blasts and firing incidents are parts of its
    # 636 incidents, the 29 most-wanted part of its 739 arrests, each under its own metric;
    # the 849 kg of explosives is a weight, kept apart from the 162 grenades and weapons.
    ctd = refs[(refs[R.source] == "KP CTD") & (refs[R.period] == "2024-01-01/2024-12-06")]
    by_metric = ctd.set_index(R.metric)[R.value]
    assert by_metric["ied_attacks"] + by_metric["firing_attacks"] <= by_metric["attacks"]
    assert by_metric["most_wanted_arrested"] < by_metric["militants_arrested"]
    assert (by_metric["explosives_seized_kg"], by_metric["grenades_seized"],
            by_metric["suicide_jackets_seized"], by_metric["weapons_seized"]) == (849, 162, 7, 162)
    # Registered cases are not incidents: January-April 2023 has 309 cases, 175 incidents.
    cases = one(refs, **{R.ref_id: "kpctd:cases-kp-2023-01-04"})
    assert (cases[R.metric], cases[R.value]) == ("terrorism_cases", 309)
    months = refs[(refs[R.source] == "KP CTD") & (refs[R.metric] == "attacks")
                  & refs[R.period].isin(["2023-01", "2023-02", "2023-03", "2023-04"])]
    assert months[R.value].sum() == 175

def test_version_is_stable_and_short() -> None:
    assert references_version() == references_version()
    assert len(references_version()) == 12


# --- broken copies ---------------------------------------------------------------------------

def copy_dataset(tmp_path: Path, name: str = "crss") -> Path:
    for suffix in (".yaml", ".csv"):
        shutil.copy(DATA_DIR / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    return tmp_path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def set_field(path: Path, ref_id: str, column: str, value: str) -> int:
    """Set one field of the row ``ref_id``; return that row's line number in the file."""
    rows = read_rows(path)
    index = next(i for i, row in enumerate(rows) if row[R.ref_id] == ref_id)
    rows[index][column] = value
    write_rows(path, rows)
    return index + 2  # line 1 is the header


def refused(data_dir: Path) -> str:
    with pytest.raises(ReferenceDataError) as info:
        load_references(data_dir)
    return str(info.value)


def test_broken_copy_is_fine_before_breaking(tmp_path: Path) -> None:
    df = load_references(copy_dataset(tmp_path))
    assert len(df) == len(read_rows(tmp_path / "crss.csv"))


def test_missing_column_is_refused(tmp_path: Path) -> None:
    path = copy_dataset(tmp_path) / "crss.csv"
    rows = [{k: v for k, v in row.items() if k != R.value} for row in read_rows(path)]
    write_rows(path, rows)
    message = refused(tmp_path)
    assert "crss.csv line 1, column value: missing column" in message


@pytest.mark.parametrize(
    ("ref_id", "column", "value", "expected"),
    [
        ("injured-pk-2023", R.value, "1,463", "not a number"),
        ("deaths-pk-2021", R.value, "-5", "cannot be negative"),
        ("deaths-share-pb-sd-2023", R.value, "150", "share lies within 0-100"),
        ("deaths-pk-2021", R.metric, "fatalities_galore", "unknown metric id"),
        ("deaths-pk-2021", R.region, "PK-XX", "unknown region code"),
        ("deaths-pk-2021", R.region, "PK-KP+PK-BA", "must be sorted"),
        ("deaths-pk-2021", R.document, "crss-1999", "unknown document"),
        ("deaths-pk-2021", R.definition, "everything", "unknown definition"),
        ("deaths-pk-2021", R.stated_or_derived, "derived", "only figures their publisher stated"),
        ("deaths-pk-2021", R.period, "2023-13", "ISO date"),
        ("deaths-change-kp-2023", R.base_period, "", "needs the period it is measured against"),
    ],
)
def test_broken_field_is_refused_with_file_line_and_column(
    tmp_path: Path, ref_id: str, column: str, value: str, expected: str
) -> None:
    line = set_field(copy_dataset(tmp_path) / "crss.csv", ref_id, column, value)
    message = refused(tmp_path)
    assert f"crss.csv line {line}, column {column}" in message
    assert expected in message


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = copy_dataset(tmp_path) / "crss.csv"
    rows = read_rows(path)
    rows.append({**rows[0], R.ref_id: "deaths-pk-2023-again", R.value: "1525"})
    write_rows(path, rows)
    message = refused(tmp_path)
    assert f"crss.csv line {len(rows) + 1}, column source, document, metric" in message
    assert "duplicate key: same figure as line 2" in message


def test_duplicate_ref_id_is_refused(tmp_path: Path) -> None:
    path = copy_dataset(tmp_path) / "crss.csv"
    rows = read_rows(path)
    rows.append({**rows[0], R.period: "2020"})
    write_rows(path, rows)
    assert f"crss.csv line {len(rows) + 1}, column ref_id" in refused(tmp_path)


def test_missing_url_is_refused(tmp_path: Path) -> None:
    descriptor = copy_dataset(tmp_path) / "crss.yaml"
    meta = yaml.safe_load(descriptor.read_text(encoding="utf-8"))
    del meta["documents"]["crss-2023"]["url"]
    descriptor.write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    message = refused(tmp_path)
    assert "crss.yaml, column documents.crss-2023.url: missing (used from crss.csv line 2)" \
        in message


def test_missing_publication_date_is_refused(tmp_path: Path) -> None:
    descriptor = copy_dataset(tmp_path) / "crss.yaml"
    meta = yaml.safe_load(descriptor.read_text(encoding="utf-8"))
    meta["documents"]["crss-2022"]["published"] = "end of 2022"
    descriptor.write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    assert "documents.crss-2022.published" in refused(tmp_path)


def test_nothing_is_half_loaded(tmp_path: Path) -> None:
    copy_dataset(tmp_path, "pips")
    set_field(copy_dataset(tmp_path, "crss") / "crss.csv", "deaths-pk-2021", R.value, "x")
    message = refused(tmp_path)
    assert "crss.csv" in message and "pips" not in message


def test_contract_failures_name_the_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The loader's own checks leave nothing for the schema to catch, so break the table
    # between the two to prove that a ContractError still comes back as file and line.
    real_validate = references.validate

    def breaking_validate(model: type, df: pd.DataFrame, table: str) -> pd.DataFrame:
        broken = df.assign(**{R.kind: ["count", "bogus", *df[R.kind][2:]]})
        return real_validate(model, broken, table)

    monkeypatch.setattr(references, "validate", breaking_validate)
    message = refused(copy_dataset(tmp_path))
    assert "crss.csv line 3, column kind: breaks the reference contract" in message


def test_empty_folder_gives_an_empty_table(tmp_path: Path) -> None:
    df = load_references(tmp_path)
    assert df.empty and list(df.columns) == columns(R)


def test_version_changes_when_one_value_changes(tmp_path: Path) -> None:
    before = references_version(copy_dataset(tmp_path))
    set_field(tmp_path / "crss.csv", "deaths-pk-2021", R.value, "851")
    assert references_version(tmp_path) != before


def test_list_datasets_counts_rows_and_documents() -> None:
    datasets = list_datasets().set_index("name")
    assert list(datasets.columns) == ["title", "publisher", "rows", "documents"]
    assert datasets.loc["gti", "documents"] == 3
    assert datasets["rows"].sum() == len(load_references())


def test_a_change_is_checked_against_the_counts_its_own_report_gives() -> None:
    month = {"metric": "deaths_civilians", "definition": "all violence"}
    rows = [
        # The October report: 31 civilians killed.
        reference_row("oct", document="r-oct", period="2025-10", value=31.0, **month),
        # The November report: 54, and +80% against October, which it puts at 30.
        reference_row("nov", document="r-nov", period="2025-11", value=54.0,
                      published="2025-12-01", **month),
        reference_row("oct-restated", document="r-nov", period="2025-10", value=30.0,
                      published="2025-12-01", **month),
        reference_row("change", document="r-nov", period="2025-11", base_period="2025-10",
                      kind="percent_change", value=80.0, unit="%", published="2025-12-01",
                      **month),
    ]
    frame = gate_frame(validate(R, pd.DataFrame(rows), "reference"))
    change = frame.set_index("ref_id").loc["change"]
    assert change["counts_change"] == pytest.approx(80.0)
    assert change["stated_low"] <= change["counts_change"] <= change["stated_high"]
