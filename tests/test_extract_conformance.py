"""The third-party conformance targets hold (bench/conformance.py, without quantulum3)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "conformance.py"


@pytest.fixture(scope="module")
def conformance():
    assert BENCH.is_file(), f"missing: {BENCH}"
    spec = importlib.util.spec_from_file_location("conformance", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["conformance"] = module  # dataclasses look their module up while executing
    spec.loader.exec_module(module)
    assert module.EXTERNAL.is_dir(), f"missing suites: {module.EXTERNAL}"  # fail, never skip
    return module


@pytest.mark.parametrize(
    ("suite", "recognizer"),
    [
        ("PercentModel", "ours_percent"),
        ("NumberModel", "ours_numbers"),
        ("NumberRangeModel", "ours_range"),
    ],
)
def test_target_met(conformance, suite: str, recognizer: str) -> None:
    score, _ = conformance.run_rt(suite, getattr(conformance, recognizer), None)
    assert score.rate >= conformance.TARGETS[suite], score.failures
    # every case is accounted for: nothing is silently dropped
    assert score.passed + score.failed + score.design == score.cases


def test_errors_json_never_raises(conformance) -> None:
    count, errors = conformance.never_raise()
    assert count and not errors


def test_interval_comparison(conformance) -> None:
    iv = conformance.parse_interval
    assert conformance.same_value(iv("[20,30)"), iv("[20,30)"))
    assert not conformance.same_value(iv("[20,30]"), iv("[20,30)"))
    assert conformance.same_value(iv("(,700]"), conformance.Interval(None, 700.0, False, True))
