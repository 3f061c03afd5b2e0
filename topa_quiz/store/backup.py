"""Move a progress database aside, with its -wal and -shm, never overwriting a backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def move_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal/-shm) to a new ``.bak`` name; the new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    n = 0
    while True:
        backup = path.with_name(f"{path.name}.{stamp}{f'-{n}' if n else ''}.bak")
        if not any(Path(str(backup) + s).exists() for s in ("", "-wal", "-shm")):
            break
        n += 1
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            src.rename(Path(str(backup) + suffix))
    return backup
