"""The bundled bank keeps every rule of rules.py and conventions.py.

A failure lists the questions to fix in question_bank/, one line each.
"""

from __future__ import annotations

import pytest

from topa_quiz.bank.loader import load_bank
from topa_quiz.bank.model import Bank

from . import conventions, rules


@pytest.fixture(scope="module")
def bank() -> Bank:
    bank, problems = load_bank(include_bundled=True)
    assert problems == [], "\n".join(map(str, problems))
    return bank


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_longest_option_is_the_key_in_at_most_30_percent_of_plain_choices(bank, lang):
    share, hits = rules.longest_key_share(list(bank.questions), lang)
    assert share <= rules.LONGEST_KEY_SHARE, f"{share:.0%} ({len(hits)}): " + ", ".join(hits)


RULES = [
    rules.shared_draws,
    rules.stated_answers,
    rules.whole_number_keys,
    rules.one_sided_inputs,
    rules.plain_style,
    rules.term_spelling,
    rules.option_periods,
    conventions.unstated_conventions,
    conventions.unstated_optimizer_state,
    conventions.unstated_decay_order,
    conventions.unstated_update_rule,
    conventions.unstated_defaults,
    conventions.undefined_mean,
    conventions.uncounted_factors,
    conventions.unseen_sources,
    conventions.approximate_expectations,
    conventions.unnamed_minibatch,
    conventions.false_claims,
    conventions.unqualified_collapse,
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_bank_keeps_the_rule(bank, rule):
    problems = rule(list(bank.questions))
    assert problems == [], f"{len(problems)} problem(s):\n" + "\n".join(problems)
