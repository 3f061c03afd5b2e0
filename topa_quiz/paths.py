"""Where progress is kept: $TOPA_HOME, else the user data directory (platformdirs).

Every command asks here, so every command agrees about a ``TOPA_HOME`` that cannot be used:
only spaces, ``~user`` of no such user (usage errors), or naming a file (a data error).
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError, UsageError

DATABASE_NAME = "progress.sqlite3"


def data_dir() -> Path:
    """The folder of the progress database and the bank cache (it need not exist yet)."""
    raw = os.environ.get("TOPA_HOME")
    if not raw:  # unset or empty: the platform's place
        from platformdirs import user_data_path

        return user_data_path("topa", appauthor=False)
    if not raw.strip():
        raise UsageError.said("store.home_blank", value=raw)
    try:
        home = Path(raw).expanduser()
    except RuntimeError:  # '~nosuchuser/x': no home to expand to
        raise UsageError.said("store.home_user", value=raw) from None
    if home.exists() and not home.is_dir():
        raise DataError.said("store.home_not_dir", path=str(home))
    return home


def database_path() -> Path:
    return data_dir() / DATABASE_NAME
