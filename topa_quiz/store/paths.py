"""Where progress is kept: $TOPA_HOME, else the user data directory (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    home = os.environ.get("TOPA_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_path

    return user_data_path("topa", appauthor=False)


def database_path() -> Path:
    return data_dir() / "progress.sqlite3"
