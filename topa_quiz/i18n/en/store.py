"""Messages of the progress store: where progress is kept, a file that cannot be used, backups, the plan."""

MESSAGES = {
    # where progress is kept (TOPA_HOME)
    "store.home_blank": "TOPA_HOME is only spaces ('{value}'); set it to a folder, or unset it",
    "store.home_user": "TOPA_HOME='{value}': there is no such user for '~'; set TOPA_HOME to a folder path",
    "store.home_not_dir": "TOPA_HOME names a file, not a folder: {path}; set TOPA_HOME to a folder, or unset it",
    "store.home_create": (
        "cannot create the progress directory {path}: {reason}; set TOPA_HOME to a writable directory"
    ),
    # opening the database
    "store.missing": "no progress database yet at {path}",
    "store.damaged": (
        "{path} is not a usable progress database ({reason}); it was left as it is. Run 'topa reset --yes'"
        " to move it aside together with its -wal and -shm files and start afresh (moving it by hand, move"
        " all three), or set TOPA_HOME"
    ),
    "store.foreign": (
        "{path} is an SQLite file of another program, not topa's progress; it was left as it is. Set"
        " TOPA_HOME to another folder, or run 'topa reset --yes' to move it aside with its -wal and -shm files"
    ),
    "store.newer": "{path} was written by a newer topa-quiz (schema {version} > {ours}); upgrade topa-quiz",
    "store.read_only_outdated": (
        "{path} is read-only and its tables need an update that cannot be written; make it writable (or set"
        " TOPA_HOME to a writable folder) and run topa again"
    ),
    "store.recreated": "{path} lacked {tables}; they were created again, empty",
    # what failed ...
    "store.cannot_open": "cannot use the progress database {path} (nothing was changed): {why}",
    "store.cannot_record": (
        "answer {number} could not be recorded; the {kept} answers before it are kept in {path}: {why}"
    ),
    "store.cannot_exam": "the exam result could not be recorded; its {kept} answers are kept in {path}: {why}",
    "store.cannot_save": "could not save to {path} (nothing was changed): {why}",
    "store.cannot_reset": "cannot move {path} aside (nothing was changed): {why}",
    # ... and why
    "store.why_full": "the disk is full; free some space and try again",
    "store.why_read_only": "the file or its folder is read-only; make it writable, or set TOPA_HOME to a writable folder",
    "store.why_busy": "another topa is writing to it; try again in a moment",
    "store.why_damaged": (
        "the file is damaged ({detail}); run 'topa reset --yes' to move it aside with its -wal and -shm files"
    ),
    "store.why_other": "SQLite said: {detail}",
    # reset
    "store.reset_busy": (
        "{path} is in use by another topa (a quiz or exam still open?); finish it, then run 'topa reset' again"
    ),
    # stats
    "store.skipped_answers": "{n} answers were left out: their concept list could not be read (damaged text)",
    # the plan
    "store.plan_date": "exam date: expected a date (YYYY-MM-DD), got '{value}'",
    "store.plan_pass_mark": "pass mark: expected a percentage from 0 to 100, got {value}",
    "store.plan_minutes": "daily minutes: expected a whole number from 1 to {max}, got {value}",
}
