"""Typer's own usage errors, worded in the session's language.

Typer (its vendored click) words its errors in English. They follow a handful of fixed
shapes, so each shape is matched here and reworded through the catalog; a message of an
unknown shape is shown as Typer wrote it.
"""

from __future__ import annotations

import re

from ..i18n import Catalog

#: (pattern, catalog id) in order; named groups become the message's arguments
SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)", "usage.no_option_guess"),
        (r"No such option: (?P<name>\S+)", "usage.no_option"),
        (r"No such command '(?P<name>.*)'\.", "usage.no_command"),
        (r"Missing command\.", "usage.missing_command"),
        (r"Missing option '(?P<name>[^']+)'.*", "usage.missing_option"),
        (r"Missing argument '(?P<name>[^']+)'.*", "usage.missing_argument"),
        (r"Missing parameter: (?P<name>\S+)", "usage.missing_argument"),
        (r"Option '(?P<name>[^']+)' requires an argument\.", "usage.needs_value"),
        (r"Option '(?P<name>[^']+)' requires (?P<n>\d+) arguments\.", "usage.needs_values"),
        (r"Got unexpected extra arguments? \((?P<args>.*)\)", "usage.extra_args"),
        (r"Invalid value for (?P<name>.+?): (?P<detail>.*)", "usage.bad_value"),
        (r"Invalid value: (?P<detail>.*)", "usage.bad_value_plain"),
    )
)

#: what follows "Invalid value for X:", by shape
DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"(?P<value>.*) is not a valid integer(?: range)?\.?", "usage.not_integer"),
        (r"(?P<value>.*) is not a valid float(?: range)?\.?", "usage.not_number"),
        (r"(?P<value>.*) is not a valid boolean\.?", "usage.not_boolean"),
        (r"(?P<value>.*) is not in the range (?P<range>.+?)\.?", "usage.out_of_range"),
        (r"(?P<value>.*) is not one of (?P<choices>.+?)\.?", "usage.not_choice"),
        (r"Value (?P<value>.*) is not a valid (?P<what>\w+)\.?", "usage.not_valid"),
        (r"Input should be a valid integer.*", "usage.want_integer"),
        (r"Input should be a valid (?:number|float).*", "usage.want_number"),
        (r"Input should be a valid boolean.*", "usage.want_boolean"),
    )
)


def _reword(text: str, shapes: tuple[tuple[re.Pattern[str], str], ...], words: Catalog) -> str | None:
    for pattern, key in shapes:
        match = pattern.fullmatch(text.strip())
        if match:
            values = match.groupdict()
            if "detail" in values:
                values["detail"] = _reword(values["detail"], DETAILS, words) or values["detail"]
            return words(key, **values)
    return None


def usage_message(exc: Exception, words: Catalog) -> str:
    """The usage error's message in the catalog's language."""
    text = exc.format_message() if hasattr(exc, "format_message") else str(exc)
    return _reword(text, SHAPES, words) or text
