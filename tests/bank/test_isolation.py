"""No test touches the real user data directory (issue 13 item 31): fixtures of every scope
run with TOPA_HOME inside pytest's temporary directory. The module-scoped bank fixture of
tests/test_session_items.py used to run before the function-scoped TOPA_HOME fixture and
wrote cache files into the user's own data directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def home_of_a_module_fixture() -> str | None:
    return os.environ.get("TOPA_HOME")


@pytest.fixture(scope="session")
def home_of_a_session_fixture() -> str | None:
    return os.environ.get("TOPA_HOME")


def test_fixtures_of_every_scope_see_a_temporary_home(
    home_of_a_module_fixture, home_of_a_session_fixture, tmp_path_factory
):
    base = tmp_path_factory.getbasetemp().resolve()
    for home in (home_of_a_module_fixture, home_of_a_session_fixture, os.environ.get("TOPA_HOME")):
        assert home is not None
        assert Path(home).resolve().is_relative_to(base)


def test_the_bank_cache_of_a_module_fixture_lands_in_the_temporary_home(tmp_path_factory):
    from topa_quiz.bank.cache import _cache_file

    assert _cache_file(Path("any.yaml")).resolve().is_relative_to(tmp_path_factory.getbasetemp().resolve())
