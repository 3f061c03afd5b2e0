"""Which Latin-letter words a Korean screen may show, as rules rather than a word list.

A Korean session may show Latin letters only where Korean texts themselves keep them:

1. **Names Korean keeps in Latin letters** (:data:`NAMES`): the methods, functions and
   models the exam notes and Korean textbooks write in Latin letters (ReLU, Adam, softmax,
   sign, XOR, LSTM, …), the exam, the libraries, formats and tools the program names (TOPA,
   PyTorch, JSON, Anki, FSRS, …) and the keys on the keyboard (Enter, Ctrl). Short on
   purpose: a name goes in only if a Korean text would not transliterate it.
2. **A gloss**: Latin words (one or several, comma-separated) in parentheses right after a
   Korean term (Hangul, maybe closing a quotation or followed by its symbol as in
   ``가중치 W(weight)``, or a name of rule 1; at most one space
   between), up to a comma, the closing parenthesis or the end of a wrapped line, as the notes write
   ``기울기 소멸(Vanishing Gradient)``, ``ReLU(Rectified Linear Unit)``,
   ``세포체(Cell body, Soma)``, ``최적화 함수(Optimizer, 예: SGD)``; or after a Korean term and a
   comma inside a parenthesis: ``(공동 적응, co-adaptation)``. A title in 『』 is a name.
3. **Code**: anything in backquotes; a flag (a word right after ``-`` or ``--``); a word with
   an underscore (``y_true``, ``TOPA_HOME``); a class or function name in CamelCase
   (``CrossEntropyLoss``, ``LeakyReLU``, ``MSELoss``); a dotted name of PyTorch, NumPy or Keras
   (``torch.optim.SGD``, ``nn.Linear``) or a dotted call (``model.eval()``); a name assigned
   with ``=`` and a value glued to it (``betas = (0.9, 0.999)``, ``logits=false``); a file
   path (starting with ``/``, ``~`` or ``./``, ending in ``/``, or a file name or extension
   such as ``sheet.md``, ``.apkg``); the markup of the GIFT format (``[html]``,
   ``$CATEGORY:``, ``&gt;``, ``<br>``); and the identifiers the learner types, given by the caller
   (:class:`Allowed`): command and subcommand names, calculation and parameter names,
   option choices and metavars, language codes, the terminal's environment variables
   (COLUMNS, LINES), the topic, concept and question ids of the bank, and whatever the
   learner typed in that step (it may be quoted back).
4. **Mathematics**: a single letter (x, w, b, O and X); letters glued to digits (W1, L2,
   beta1, 1e-08, UTF-8); a product of two symbols (ax, cx, wx, Wx) or a differential (dL, dw);
   one letter repeated (``xxxx``: a plot's marker). A unit after a number (``1m 08s``,
   ``3 sec``) is not mathematics: it is an English abbreviation and is reported.

Every other run of two or more Latin letters is an English word. A hyphenated or dotted
run that is not an identifier as a whole is checked part by part (``x-axis`` reports
``axis``; ``e.g.`` is two single letters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

#: names Korean texts keep in Latin letters (rule 1); "Leaky ReLU" is two words of one name
NAMES: frozenset[str] = frozenset(
    {
        # methods and functions of the syllabus, as the notes write them
        *("ReLU", "Leaky", "Adam", "AdamW", "RMSProp", "AdaGrad", "SGD", "MSE", "MAE", "BCE", "CCE"),
        *("RMSE", "softmax", "tanh", "ln", "exp", "log", "max", "min", "mean", "sum", "sign"),
        *("argmax", "argmin", "Var", "Bernoulli", "AND", "OR", "NAND", "XOR", "RNN", "LSTM", "GRU"),
        # the exam, the libraries, the formats and tools the program names
        *("TOPA", "PyTorch", "Keras", "NumPy", "scikit-learn", "FSRS", "Anki", "Moodle", "GIFT"),
        *("JSON", "Markdown", "YAML", "SQLite", "ID"),
        # keys
        *("Enter", "Ctrl"),
    }
)

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[78=>]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN_WORDS = r"[A-Za-z][A-Za-z \-'’]*(?:, [A-Za-z][A-Za-z \-'’]*)*"
_TERM = r"(?P<term>[\uac00-\ud7a3](?:['’\"”]| [A-Za-z](?=\())?|[A-Za-z]+)"  # 가중치 W(weight)
#: rule 2: (term)(space?)(gloss) up to a comma or ")"; a gloss after "Korean term, "
GLOSS = re.compile(rf"{_TERM} ?\((?P<gloss>{_LATIN_WORDS})(?=[,)]|\s*│?\s*$)")  # or wrapped
CONTINUED = re.compile(rf"[│ ]*(?P<gloss>{_LATIN_WORDS})(?=\))")
GLOSS_AFTER_COMMA = re.compile(rf"{_TERM}, (?P<gloss>{_LATIN_WORDS})(?=\))")
#: rule 3 and the title of rule 2: spans that are code, names or markup as a whole
CODE = re.compile(
    r"`[^`\n]*`"  # backquoted
    r"|『[^』\n]*』"  # a title
    r"|\b(?:torch|nn|np|tf|keras|F)(?:\.\w+)+"  # torch.optim.SGD, nn.Linear
    r"|\b\w+(?:\.\w+)+\(\)"  # model.eval()
    r"|\b[A-Za-z]\w*(?=\s*\\?=[^=])"  # a name before "="
    r"|(?<=[\w\]]\\=)\w+|(?<=\w=)\w+"  # a value glued to "name="
    r"|\[(?:html|markdown|moodle|plain)\]|\$CATEGORY:|&[a-z]+;|&#\d+;|</?[a-z]+/?>"  # GIFT, HTML markup
    r"|(?<![\w/])(?:~|\.{1,2}/|/)[^\s'\"()\[\]]*"  # /tmp/x, ~/topa, ./bank
    r"|[\w.\-]+/(?=[\s'\")\]]|$)"  # my_bank/
    r"|(?<![\w.])[\w\-]*(?:\.[\w\-]+)*\.(?:yaml|yml|json|gift|apkg|md|sqlite3|txt|csv|toml|py)\b"
)
#: a unit glued to a number or right after it: an English abbreviation, not a symbol
UNIT = re.compile(r"(?<![\w.])\d+(?:\.\d+)? ?(?:ms|secs?|mins?|h|hrs?|s|m|d|days?)\b")
RUN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_'’.\-]*[A-Za-z0-9_]|[A-Za-z0-9_]")
#: rule 4: symbols, not words
SYMBOLS = re.compile(
    r"[A-Za-z]?"  # one letter
    r"|[A-Za-z]*\d[\w\-]*|[A-Za-z]+-?\d+"  # W1, beta1, 1e-08, UTF-8
    r"|[abcwW]x|d[LWwxyzb]"  # ax, cx, wx, Wx; dL, dw
    r"|([A-Za-z])\1+"  # xxxx
)
CAMEL = re.compile(r"[A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Z]{3,}[a-z]{2,}[A-Za-z]*")  # LeakyReLU, MSELoss


@dataclass(frozen=True)
class Allowed:
    """The identifiers of this program and its bank (rule 3), exact case."""

    identifiers: frozenset[str] = field(default_factory=frozenset)

    def allows(self, token: str) -> bool:
        return token in self.identifiers or token in NAMES

    def plus(self, typed: Iterable[str]) -> Allowed:
        """These identifiers and the words the learner typed."""
        return Allowed(self.identifiers | frozenset(typed))


@dataclass(frozen=True)
class Word:
    """An English word where it was found."""

    word: str
    line: str

    def __str__(self) -> str:
        return f"{self.word!r} in {self.line.strip()!r}"


def plain(text: str) -> str:
    """The text as a reader sees it: terminal escapes and carriage returns removed."""
    return ANSI.sub("", text).replace("\r", "")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _without_glosses(line: str, continued: bool) -> tuple[str, bool]:
    """The line with its glosses blanked; whether its last gloss goes on past the line's end.

    ``continued``: the line before ended inside a gloss (a wrapped panel line), so the Latin
    words this line starts with, up to ")", are its end.
    """
    if continued and (end := CONTINUED.match(line)):
        line = _blank(line, end.start("gloss"), end.end("gloss"))
    still_open = False
    for match in list(GLOSS.finditer(line)):
        term = match.group("term")
        if HANGUL.match(term) or term in NAMES:
            line = _blank(line, match.start("gloss"), match.end("gloss"))
            still_open = not line[match.end("gloss") :].lstrip(" │").startswith((")", ","))
    for match in list(GLOSS_AFTER_COMMA.finditer(line)):
        term = match.group("term")
        if HANGUL.match(term) or term in NAMES:
            line = _blank(line, match.start("gloss"), match.end("gloss"))
    return line, still_open


def _without_code(line: str) -> str:
    for match in list(CODE.finditer(line)):
        line = _blank(line, match.start(), match.end())
    return line


def _words_of(token: str, allowed: Allowed) -> Iterator[str]:
    """The English words in one run of Latin letters, digits, dots, hyphens and apostrophes."""
    if allowed.allows(token) or "_" in token or SYMBOLS.fullmatch(token) or CAMEL.fullmatch(token):
        return
    parts = [p for p in re.split(r"[.\-]", token) if p]
    if len(parts) > 1:
        for part in parts:
            yield from _words_of(part, allowed)
        return
    yield token


def _is_flag(line: str, start: int) -> bool:
    """The run at ``start`` follows ``-`` or ``--`` at the start of a word."""
    dashes = 0
    while start - dashes - 1 >= 0 and line[start - dashes - 1] == "-":
        dashes += 1
    before = start - dashes - 1
    return dashes in (1, 2) and (before < 0 or not line[before].isalnum())


def english_words(text: str, allowed: Allowed) -> list[Word]:
    """Every English word of ``text`` under the rules of this module, in order."""
    found: list[Word] = []
    continued = False
    for raw in plain(text).splitlines():
        line, continued = _without_glosses(raw, continued)
        line = _without_code(line)
        found += [Word(m.group(0).strip(), raw) for m in UNIT.finditer(line)]
        for match in RUN.finditer(line):
            if _is_flag(line, match.start()):
                continue
            found += [Word(w, raw) for w in _words_of(match.group(0), allowed)]
    return found


def hangul_lines(text: str, typed: Iterable[str] = ()) -> list[str]:
    """The lines of ``text`` with Hangul in them, words the learner typed aside (an echo)."""
    typed = sorted(typed, key=len, reverse=True)
    out = []
    for line in plain(text).splitlines():
        shown = line
        for word in typed:
            shown = shown.replace(word, "")
        if HANGUL.search(shown):
            out.append(line)
    return out


def identifiers(names: Iterable[str]) -> frozenset[str]:
    """``names`` as the learner may see them: as given, with ``-`` and ``_`` swapped, split on ``|``."""
    out: set[str] = set()
    for name in names:
        for piece in re.split(r"[|\s]+", name):
            piece = piece.strip("[]<>.,'\"")
            if piece:
                out |= {piece, piece.replace("_", "-"), piece.replace("-", "_")}
    return frozenset(out)
