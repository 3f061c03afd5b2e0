"""Words of the application layer: selection, planning, the prompt's answers."""

MESSAGES = {
    "select.unknown_topic": "unknown topic '{value}'; topics: {known}",
    "select.unknown_type": "unknown question type '{value}'; types: {known}",
    "select.bad_difficulty": "expected 1, 2 or 3, got {value}",
    "select.unknown_concept": "unknown concept '{value}'; 'topa bank stats' lists the concepts",
    "select.unknown_concept_guess": "unknown concept '{value}'; did you mean '{guess}'?",
    "select.no_match": "no question matches these filters ({filters}); topics: {known} ('topa bank stats' lists concepts and counts)",
    "plan.bad_count": "expected a number of questions from 1 to {high}, got {value}",
    "plan.bad_seed": "expected a seed from 0 to {high}, got {value}",
    "plan.bad_minutes": "expected minutes above 0 and at most {high}, got {value}",
    "plan.bad_pass_mark": "expected a percentage from 0 to 100, got {value}",
    "plan.nothing_built": "none of the chosen questions could be built; run 'topa bank validate'",
    "prompt.plot_after_answer": "the picture comes after the answer: answer first, then press p",
    "prompt.choice": "type an option number from 1 to {n} (or ①-{last})",
    "prompt.ox": "type o or x (1 = O, 2 = X)",
    "prompt.numeric": "type a number: 0.5, .5, 1/2, 5e-1 (a decimal point, not a comma)",
    "prompt.too_long": "that answer is too long ({n} characters); type at most {limit}",
}

MESSAGES |= {
    "grade.exact": "exactly right",
    "grade.high": "{gap} above the answer",
    "grade.low": "{gap} below the answer",
    "grade.rounding": "Rounded too early: the question asks for {n} decimals.",
}
