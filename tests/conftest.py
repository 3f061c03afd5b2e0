import pytest

# The golden-value generator needs torch; it is run by hand, never collected.
collect_ignore = ["golden/make_golden.py"]


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """Session- and module-scoped fixtures (a bank loaded once per module) run before the
    function-scoped fixture below: they get a temporary home too, never the user's own."""
    patch = pytest.MonkeyPatch()
    patch.setenv("TOPA_HOME", str(tmp_path_factory.mktemp("session-home")))
    patch.delenv("TOPA_BANK", raising=False)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Every test gets its own progress database and a fixed language and width."""
    monkeypatch.setenv("TOPA_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TOPA_BANK", raising=False)
    monkeypatch.delenv("TOPA_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    yield


@pytest.fixture
def run():
    """Invoke the real root command (with its error mapping) and return the result."""
    from typer.testing import CliRunner

    from topa_quiz.cli import app

    runner = CliRunner()

    def _run(*args, input=None, env=None):
        return runner.invoke(app, list(args), input=input, env=env)

    return _run


def _hypothesis_profiles() -> None:
    """In CI, property tests replay the same examples every run (no flaky red), no deadline and
    no too-slow health check on a loaded 2-core machine; locally they explore as usual."""
    import os

    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "ci",
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()
