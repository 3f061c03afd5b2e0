"""Where progress is kept (see :mod:`topa_quiz.paths`, shared with the bank cache)."""

from ..paths import DATABASE_NAME, data_dir, database_path

__all__ = ["DATABASE_NAME", "data_dir", "database_path"]
