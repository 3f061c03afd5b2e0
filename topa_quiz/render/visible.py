"""Control characters made visible: Rich-free, so ``--help`` can use it without importing Rich.

>>> visible("a\\x1b]52;c;aGk=\\x07b")
'a␛]52;c;aGk=␇b'
"""

from __future__ import annotations

import re

#: C0 controls but newline and tab, DEL, and the C1 controls; bidi overrides too
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "␡"
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in."""
    return _CONTROL.sub(_picture, text)
