"""The YAML reader every data file goes through: safe, and in C where PyYAML has libyaml."""

from __future__ import annotations

import pytest
import yaml

from sources import yaml_safe


def test_reads_what_pyyaml_safe_load_reads():
    text = "a: 1\nb: [x, 2.5, null, true]\nc: {d: '2024-01-01', e: 2024-01-01}\n"
    assert yaml_safe.safe_load(text) == yaml.safe_load(text)


def test_refuses_python_objects():
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml_safe.safe_load("!!python/object/apply:os.getcwd []")


def test_parses_in_c_when_pyyaml_was_built_with_libyaml():
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert yaml_safe.SafeLoader is expected


def test_a_syntax_error_keeps_its_line():
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml_safe.safe_load("a: 1\nb: [2, 3\nc: 4\n")
    assert caught.value.problem_mark is not None and caught.value.problem_mark.line >= 1
