"""Reading one bank file safely: bytes, text, YAML nodes, then Python data with line marks.

A bank is untrusted data. Before PyYAML builds a single object this module makes sure that
the path is a regular file (a FIFO, a device or ``/dev/zero`` would block or never end),
that it is at most :data:`MAX_BYTES`, that it is UTF-8 text without characters YAML
refuses, and that its node graph is small once aliases are expanded (a "billion laughs"
of anchors and aliases), not recursive and not deeply nested. Every string in it (keys
and values) is checked for terminal control characters. PyYAML's safe loader (the C
parser when available) does the rest; a ``!!python/...`` tag is a problem, never run.
Each problem becomes one :class:`~topa_quiz.bank.problem.Problem` with its line.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from functools import cache
from pathlib import Path

from ..errors import Msg
from .problem import Problem

MAX_BYTES = 5 * 1024 * 1024
#: nodes of the document with every alias expanded (the bundled bank has about 20,000)
MAX_NODES = 1_000_000
MAX_DEPTH = 64

#: characters YAML itself refuses in a stream (YAML 1.1 "printable", as PyYAML's reader)
UNREADABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
#: terminal control characters: C0 except tab and newline, DEL, C1 (ESC and OSC among them)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Marked(dict):
    """A YAML mapping that remembers where it and each of its values start."""

    mark: tuple[int, int] = (0, 0)
    marks: dict[object, tuple[int, int]]
    key_marks: dict[object, tuple[int, int]]

    def at(self, key: object) -> tuple[int, int]:
        """Where the value of ``key`` starts (the mapping's start when it is absent)."""
        return getattr(self, "marks", {}).get(key, self.mark)

    def key_at(self, key: object) -> tuple[int, int]:
        """Where ``key`` itself is written."""
        return getattr(self, "key_marks", {}).get(key, self.mark)


# ------------------------------------------------------------------------ bytes
def read_bytes(path: Path, name: str) -> bytes | Problem:
    """The bytes of a regular file of at most MAX_BYTES, else the problem with it.

    Opened without blocking (a FIFO with no writer returns at once) and checked with
    fstat on the open descriptor, so what is checked is what is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return _open_problem(path, name, exc)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            return Problem(name, 0, 0, "is a directory, not a bank file", "file.directory")
        if not stat.S_ISREG(st.st_mode):
            kind = Msg(f"problem.value.{_file_kind(st.st_mode)}")
            return Problem.of(name, (0, 0), "problem.file.not_regular", kind=kind)
        if st.st_size > MAX_BYTES:
            return _too_large(name)
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_BYTES:  # it grew while being read
            return _too_large(name)
        return b"".join(chunks)
    except OSError as exc:
        return Problem(name, 0, 0, f"cannot read: {exc.strerror or exc}", "file.unreadable")
    finally:
        os.close(fd)


def _too_large(name: str) -> Problem:
    limit = MAX_BYTES // (1024 * 1024)
    return Problem(
        name,
        0,
        0,
        f"too large: a bank file may hold at most {limit} MB; split it into several files",
        "file.too_large",
        (("limit_mb", limit),),
    )


def _file_kind(mode: int) -> str:
    """What the file is, as a code for the catalog (``fifo``: ``problem.value.fifo``)."""
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def _open_problem(path: Path, name: str, exc: OSError) -> Problem:
    if exc.errno == errno.ELOOP:
        return Problem(name, 0, 0, "a loop of symbolic links: fix or remove the link", "file.link_loop")
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            target = os.readlink(path)
            return Problem(
                name, 0, 0, f"a symbolic link to '{target}', which does not exist", "file.dangling_link"
            )
        return Problem(name, 0, 0, "no such file or directory", "file.missing")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Problem(name, 0, 0, "permission denied: cannot read it", "file.permission")
    if exc.errno == errno.EISDIR:
        return Problem(name, 0, 0, "is a directory, not a bank file", "file.directory")
    return Problem(name, 0, 0, f"cannot read: {exc.strerror or exc}", "file.unreadable")


# ------------------------------------------------------------------------- text
def decode(data: bytes, name: str) -> str | Problem:
    """UTF-8 text (a BOM is allowed) with no character YAML refuses."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col_bytes(data, exc.start)
        return Problem.of(name, (line, col), "problem.file.not_utf8", byte=f"0x{data[exc.start]:02x}")
    bad = _unreadable().search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        return Problem(
            name,
            line,
            col,
            f"character {_char_name(bad.group())} is not allowed in a bank file",
            "file.bad_character",
            (("char", f"U+{ord(bad.group()):04X}"),),
        )
    return text


@cache
def _unreadable() -> re.Pattern[str]:
    """Compiled on first use: its ranges of astral planes take 5 ms to compile, which a
    start-up that reads the bank from its cache never needs."""
    return re.compile(UNREADABLE)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _line_col_bytes(data: bytes, pos: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, pos) + 1
    start = data.rfind(b"\n", 0, pos) + 1
    return line, len(data[start:pos].decode("utf-8", "replace")) + 1


def _char_name(ch: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL"}
    name = names.get(ch) or unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def show_controls(text: str) -> str:
    """``text`` with each control character written as ``\\xNN`` (for messages)."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# ------------------------------------------------------------------------- YAML
def parse(text: str, name: str, problems: list[Problem]) -> object:
    """Parse one file's text; every problem goes to ``problems`` (None when it cannot be read).

    PyYAML is imported here, on first use (:mod:`.yamlparse`): a start-up that finds the
    bank in its cache never pays for it.
    """
    from .yamlparse import parse as parse_yaml

    return parse_yaml(text, name, problems)
