"""Words of ``topa learn``: study pages, the mastery map, the formula sheet."""

MESSAGES = {
    "learn.cmd.help": (
        "With a concept id: its study page (the idea, the formulas, a picture where one fits, a worked "
        "example with fresh numbers and its steps, the common misconceptions, related concepts), then a "
        "3-question check that is recorded like any answer. With a topic: every page of the topic in turn "
        "(in a terminal Enter turns the page and q stops), then a check on the topic. With nothing: every "
        "concept by topic with your accuracy so far, and what to learn next."
    ),
    "learn.opt.name": "A concept id (activation.sigmoid) or a topic (activation).",
    "learn.opt.sheet": "Print the formula sheet of every topic.",
    "learn.opt.out": "Write the formula sheet to this Markdown file (UTF-8).",
    "learn.opt.check": "End with a 3-question check (recorded); --no-check skips it.",
    "learn.opt.plot": "Draw the picture even when the output is not a terminal.",
    "learn.idea": "The idea",
    "learn.formulas": "Formulas",
    "learn.picture": "Picture",
    "learn.example": "Worked example",
    "learn.example_n": "Worked example {n}",
    "learn.misconceptions": "Common misconceptions",
    "learn.related": "Related concepts",
    "learn.page_of": "page {n} of {total}",
    "learn.turn_page": "Enter = next page, q = stop › ",
    "learn.start_check": "Enter = start the check, q = stop › ",
    "learn.check": "Check: {n} questions on {name}",
    "learn.no_check": "There are no questions on {name} yet, so there is no check.",
    "learn.map_title": "What you know, concept by concept",
    "learn.never": "never answered",
    "learn.no_questions": "no questions yet",
    "learn.next_new": "Learn next: {name}, the first concept you have not answered yet.",
    "learn.next_weak": "Learn next: {name}, your weakest concept ({right}/{answered} right).",
    "learn.next_none": "There is nothing to practise yet.",
    "learn.run": "Run: {command}",
    "learn.map_hint": "A topic or a concept id after 'topa learn' opens its pages.",
    "learn.sheet_title": "Formula sheet",
    "learn.sheet_written": "Wrote the formula sheet to {path}.",
    "learn.sheet_alone": "--sheet covers every topic; leave out '{name}' (or drop --sheet to read its pages)",
    "learn.cannot_write": "cannot write {path}: {why}; choose a file in a folder you can write to",
    "learn.why.missing": "its folder does not exist",
    "learn.why.denied": "permission denied",
    "learn.why.directory": "it is a folder",
    "learn.why.other": "the system refused ({detail})",
    "learn.unknown": "unknown concept or topic '{value}'; 'topa learn' lists them",
    "learn.unknown_guess": "unknown concept or topic '{value}'; did you mean '{guess}'?",
}
