"""Text for a terminal without Rich: control characters made visible, widths in cells, wrapping.

Rich-free, so ``--help`` can use it without importing Rich.

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


def cells(text: str) -> int:
    """Terminal cells ``text`` takes: wide (Korean, CJK) characters take two."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells, broken at spaces (a word longer than that is split)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if cells(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while cells(word) > width:
                cut = max(1, next(i for i in range(len(word), 0, -1) if cells(word[:i]) <= width))
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines
