"""Words of the command line: command help, usage errors, the error line."""

MESSAGES = {
    "cmd.root": "TOPA level-1 deep-learning drills: quizzes, worked calculations, spaced review, mock exams.",
    "cmd.quiz": "A randomized drill with explanations after each answer.",
    "cmd.learn": "Study pages per concept with fresh worked examples, your mastery map and a formula sheet.",
    "cmd.review": "Spaced review (FSRS): due questions first, then new ones from the weakest concepts.",
    "cmd.wrong": "The wrong-answer notebook: drill the questions you last missed.",
    "cmd.exam": "A timed mock exam, graded only at the end.",
    "cmd.stats": "Answers and accuracy per topic and concept, weakest concepts, streak, exams, due cards.",
    "cmd.calc": "Compute any reference value with its worked steps (PyTorch's conventions).",
    "cmd.plot": "Draw activation functions or the learning-rate comparison in the terminal.",
    "cmd.export": "Export the bank to Anki, Moodle GIFT or JSON.",
    "cmd.bank": "Validate, count and list question banks.",
    "cmd.reset": "Start afresh: the progress database is moved aside, never deleted.",
    "cli.error": "error",
    "cli.warning": "warning",
    "cli.see_help": "see '{cmd} --help'",
    "cli.unexpected": "unexpected {kind}: {detail}",
    "cli.bug_hint": "a bug: please report it; TOPA_TRACEBACK=1 shows the traceback",
    "cli.database": "progress database",
    "cli.version_help": "Show the version and where progress is kept.",
    "cli.bad_lang": "expected one of {known}, got '{value}'",
    "cli.skipped_question": "skipped a question the engine cannot build: {problem} (run 'topa bank validate')",
    "usage.no_option": "no such option: {name}",
    "usage.no_option_guess": "no such option: {name} (did you mean: {options})",
    "usage.no_command": "no such command '{name}'",
    "usage.missing_command": "name a command",
    "usage.missing_option": "missing option {name}",
    "usage.missing_argument": "missing argument {name}",
    "usage.needs_value": "option {name} needs a value",
    "usage.needs_values": "option {name} needs {n} values",
    "usage.extra_args": "unexpected extra arguments: {args}",
    "usage.bad_value": "bad value for {name}: {detail}",
    "usage.bad_value_plain": "bad value: {detail}",
    "usage.not_integer": "{value} is not a whole number",
    "usage.not_number": "{value} is not a number",
    "usage.not_boolean": "{value} is not true or false",
    "usage.out_of_range": "{value} is outside the range {range}",
    "usage.not_choice": "{value} is not one of {choices}",
    "usage.not_valid": "{value} is not a valid {what}",
}

MESSAGES |= {
    "opt.bank": "Add a question bank (file or directory); repeatable. Also TOPA_BANK.",
    "opt.lang": "ko (default) or en; also TOPA_LANG.",
    "opt.seed": "Make the session reproducible: same questions, numbers and order.",
    "opt.count": "Number of questions.",
    "opt.topic": "Only this topic (repeatable).",
    "opt.concept": "Only this concept; a prefix works: optimizer, activation.sigmoid (repeatable).",
    "opt.type": "choice, ox or numeric (repeatable).",
    "opt.difficulty": "1, 2 or 3 (repeatable).",
    "cli.example": "Example",
    "cli.bank_problems": "{first} (and {more} more); run 'topa bank validate' to see every problem",
    "cmd.quiz.help": "Answer with an option number (1-5 or ①-⑤), o/x, or a number (0.5, .5, 1/2, 5e-1). At any prompt: ? hint, s skip, q quit. Ctrl-C ends the session with its summary.",
    "quiz.offer": "p = show the picture, r = again with new numbers, Enter = next › ",
    "quiz.offer_plot": "p = show the picture, Enter = next › ",
    "quiz.offer_retry": "r = again with new numbers, Enter = next › ",
}

MESSAGES |= {
    "cmd.exam.help": "Questions are spread over the topics in proportion to the bank's questions per topic (largest-remainder rounding; every topic that has questions gets at least one when --count is at least the number of such topics), then shuffled. Each question shows the time left and the progress. When the time is up the exam ends, even in the middle of a question. Unanswered questions (time up, q, end of input, Ctrl-C) count wrong; the pass mark is a percentage of all exam questions. The end shows PASS/FAIL, the score per topic and every question with your answer, the answer and the explanation. Answer as in quiz; s skips, q ends the exam. No hints.",
    "opt.exam_count": "Number of questions (1-200).",
    "opt.minutes": "Time limit in minutes; fractions work (0.5 = 30 s).",
    "opt.pass_mark": "Percent of all exam questions needed to pass (0-100).",
}

MESSAGES |= {
    "cmd.review.help": "A right answer is rated Good (Easy when fast, Hard when slow), a wrong one Again.",
    "cmd.wrong.help": "Drills the questions whose latest answer was wrong, oldest mistake first, with fresh numbers; above each question it says what you answered last time. A question leaves the notebook when it is answered right.",
    "opt.cards": "Number of cards.",
    "opt.list": "Show the notebook instead of drilling it: each question as it was asked (with its numbers), your last answer, the right answer and when.",
    "opt.yes": "Do not ask for confirmation.",
    "review.nothing": "Nothing to review.",
    "review.next": "Next review",
    "notebook.empty": "The notebook is empty. Well done!",
    "notebook.title": "Wrong-answer notebook",
    "notebook.missed": "missed",
    "notebook.last": "last",
    "when.now": "now",
    "when.minutes": "in {n} minutes",
    "when.hours": "in {n} hours",
    "when.days": "in {n} days",
    "reset.nothing": "nothing to reset: no progress database at {path}",
    "reset.confirm": "Move {path} aside and start a new progress database? y = yes, n or Enter = no › ",
    "reset.yes_words": "y,yes",
    "reset.no_words": "n,no",
    "reset.yes_or_no": "answer y (yes) or n (no)",
    "reset.kept": "kept as it is",
    "reset.moved": "moved to {path}; a new database starts with the next answer",
    "reset.no_confirmation": "no confirmation given; run 'topa reset --yes' to reset without asking",
}

MESSAGES |= {
    "usage.want_integer": "expected a whole number",
    "usage.want_number": "expected a number",
    "usage.want_boolean": "expected true or false",
}

MESSAGES |= {
    "cmd.stats.help": "Bars are coloured by mastery: red below 50 %, yellow below 80 %, green from 80 %. The weakest concepts are the missed ones with the lowest accuracy among those answered at least twice. The streak counts consecutive local calendar days with at least one answer, ending today (or yesterday when nothing is answered yet today).",
    "opt.stats_json": "Print the figures as one JSON object (ids, no names).",
    "opt.since": "Only answers and exams of the last DAYS days (the streak and due cards are always current).",
}

MESSAGES |= {
    "help.usage": "Usage",
    "help.arguments": "Arguments",
    "help.options": "Options",
    "help.commands": "Commands",
    "help.required": "required",
    "help.default": "default",
    "help.help": "Show this help and exit.",
    "help.install_completion": "Install shell completion for the current shell.",
    "help.show_completion": "Show the completion script for the current shell, to copy or adapt.",
}

MESSAGES |= {
    "help.usage_options": "[OPTIONS]",
    "help.usage_command": "COMMAND",
    "help.usage_args": "[ARGS]",
}

MESSAGES |= {
    "cmd.bank.validate": "Check banks and report every problem as FILE:LINE:COL: message. With no PATH: the bundled bank plus TOPA_BANK. With PATHs: those banks, checked against the bundled concepts. Exit status 1 if anything is wrong.",
    "cmd.bank.stats": "Count questions per topic, concept and type.",
    "cmd.bank.list": "List questions: id, type (* computed at quiz time), concepts and the start of the prompt; tab-separated in a pipe.",
    "opt.bank_paths": "Bank files or directories; none: every bank in use.",
    "opt.bank_json": "Print the counts as JSON.",
    "bank.problems": "{n} problem(s) found",
    "bank.ok": "ok: {questions} questions, {concepts} concepts, {files} files, no problems",
    "bank.n_questions": "{n} questions",
    "bank.topic_concept": "topic / concept",
    "bank.questions": "questions",
    "bank.type.choice": "choice",
    "bank.type.choice-computed": "choice (computed)",
    "bank.type.numeric": "numeric",
    "bank.type.ox": "O/X",
    "bank.types": "types",
    "bank.listed": "{n} questions (* computed by the engine at quiz time)",
}

MESSAGES |= {
    "calc.arg": "{option}: {problem}",
    "calc.arg.infinite": "expected a finite number, got '{text}'",
    "calc.arg.not_number": "expected a number, got '{text}'",
    "calc.arg.empty_value": "empty value in '{text}' (write numbers separated by commas: 1,2,3)",
    "calc.arg.not_whole": "expected a whole number, got '{text}'",
    "calc.arg.empty_row": "empty row in '{text}' (rows are separated by ';')",
    "calc.arg.ragged": "rows of different lengths in '{text}'",
    "calc.arg.not_choice": "expected one of {choices}, got '{text}'",
    "calc.arg.none": "give at least one value",
    "calc.missing": "{option}: missing; {name} needs it, e.g. {example}",
    "calc.engine": "{option}: {problem}",
    "calc.title": "topa calc NAME: calculations",
    "calc.name": "name",
    "calc.what": "what it computes",
    "calc.details": "Details and options: topa calc NAME --help",
    "calc.positional": "Several numbers, or comma lists.",
    "opt.calc_json": "Print one JSON object and nothing else.",
    "opt.calc_plot": "Draw the calculation in the terminal where a picture fits.",
}

MESSAGES |= {
    "calc.unknown": "no calculation '{name}'; 'topa calc' lists them",
    "calc.unknown_guess": "no calculation '{name}'. Did you mean '{guess}'?",
}

MESSAGES |= {
    "cli.bank_problem": "{first}; run 'topa bank validate' for details",
    "problem.file.missing": "no such file or directory",
    "problem.file.directory": "is a directory, not a bank file (.yaml)",
    "problem.file.permission": "permission denied: cannot read it",
    "problem.file.unreadable": "cannot read it",
    "problem.file.link_loop": "a loop of symbolic links: fix or remove the link",
    "problem.file.dangling_link": "a symbolic link to a file that does not exist",
    "problem.file.not_regular": "not a regular file ({kind}): a bank is a YAML file",
    "problem.value.fifo": "a FIFO",
    "problem.value.device": "a device",
    "problem.value.socket": "a socket",
    "problem.value.other": "not a file",
    "problem.file.too_large": "too large: a bank file may hold at most {limit_mb} MB; split it into several files",
    "problem.file.bad_character": "a character that is not allowed in a bank file: {char}",
    "problem.folder.empty": "no bank files (*.yaml, *.yml) in this folder",
    "problem.yaml.tag": "a YAML tag is not allowed: a bank is data, not code",
}

MESSAGES |= {
    "cmd.plan": "Your exam day, pass mark and daily minutes: reviews are planned for the exam day.",
    "cmd.today": "Today's work toward the exam: reviews, new concepts, a mock exam when due, the minutes and the forecast.",
    "cmd.plan.help": "With --exam-date (and optionally --pass-mark, --daily-minutes) the plan is stored; again, it replaces the stored one (options left out keep their values). Every card is then re-planned: no review is due after the exam day, and each card's last review comes early enough for its predicted recall on the exam day to stay high. --clear removes the plan and gives every card back FSRS's own due date. With no option: the plan.",
    "cmd.today.help": "Days left, the cards due now, the next concepts never answered (in topic order, paced to meet them all before the final week), a mock exam when none was taken in the last 7 days and the exam is 1-30 days away (without a plan: once half the concepts are answered), the minutes it takes (1 per review, 6 per new concept, 60 per mock exam) against your daily minutes, and the forecast: predicted score, its 90% range and the chance to pass. Without a plan today is taken as the exam day.",
}
