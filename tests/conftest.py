import pytest

# The golden-value generator needs torch; it is run by hand, never collected.
collect_ignore = ["golden/make_golden.py"]


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
