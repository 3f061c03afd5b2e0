"""Words of the exports: what each format writes, Anki's labels and deck, GIFT's feedback, messages."""

MESSAGES = {
    "export.anki.writes": "an Anki deck (.apkg): one note per question, computed ones as variants",
    "export.gift.writes": "Moodle GIFT text: choice, numeric with tolerance, O/X as true/false",
    "export.json.writes": "the resolved bank as JSON: topics, concepts, every question",
    "export.anki.wrote": "wrote {count} notes ({questions} questions) to {path}",
    "export.gift.wrote": "wrote {count} GIFT questions ({questions} bank questions) to {path}",
    "export.json.wrote": "wrote {count} questions to {path}",
    "export.anki.deck": "TOPA level 1 - deep learning basics",
    "export.anki.answer": "Answer",
    "export.anki.why": "Why the others are wrong",
    "export.anki.steps": "Worked steps",
    "export.anki.step": "step",
    "export.anki.formula": "formula",
    "export.anki.value": "value",
    "export.anki.variant": "variant",
    "export.figure": "Chart data",
    "export.gift.right": "Correct.",
    "export.gift.header": (
        "topa-quiz export (English): {questions} bank questions; computed ones as sampled variants"
    ),
    "export.unknown": "unknown export format '{name}'; choose one of {names}",
    "export.needs_out": "{name} writes a binary file, not text: name it with --out, e.g. --out {example}",
    "export.is_dir": "{path} is a directory; give a file name",
    "export.no_dir": "cannot write {path}: directory {parent} does not exist",
    "export.cannot_write": "cannot write {path}: {reason}",
    "export.skipped": "skipped question {problem} (run 'topa bank validate')",
    "export.warning": "warning",
    # topa export --help
    "export.cmd.help": (
        "Text formats (gift, json) go to standard output unless --out names a file; the Anki "
        "package is binary and needs --out."
    ),
    "export.opt.out_text": "Output file; '-' or none: standard output.",
    "export.opt.out_binary": "Output file (required: the content is binary).",
    "export.opt.variants": "Sampled variants per computed question (fewer when its parameters allow fewer).",
}
