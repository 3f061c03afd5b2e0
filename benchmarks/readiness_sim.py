"""Simulated learners: is the readiness forecast calibrated, and does deadline-aware scheduling pay?

    python benchmarks/readiness_sim.py [--seeds 5] [--learners 40] [--days 30] [--skip 0] [--jobs 2]
                                       [--new-per-day 2-10]

Each simulated learner studies the bundled bank (one FSRS card per question) for ``--days`` days,
then sits a ``topa exam``-style exam: ``--exam-questions`` questions spread over the topics by
``allocate`` and drawn at random within a topic. The figures are medians over seeds.

The learner: the simulator's truth, hidden from the scheduler and from the forecast.
  * A skill ``μ ~ N(0, 0.5)`` and, per concept, a memory multiplier ``m_c = exp(μ + N(0, 0.5))``.
  * Each question's memory follows FSRS-6 with its DEFAULT parameters (the ``fsrs`` package's
    own stability and difficulty updates), driven by the learner's TRUE recall events; the
    true recall ``t`` days after a review is ``R(t, m_c·S_true)``: FSRS's forgetting curve with
    a stability FSRS does not know.
  * A question seen for the first time is recalled with ``k_c = σ(1.5·ln m_c − 1)``; a question
    not recalled is still answered right by a guess (choice 1/options, O/X 1/2, numeric 0).
  * Every study day (each day is skipped with probability ``--skip``): all due cards, earliest
    first, then ``n ~ U{2..10}`` new questions (how much time this learner gives; ``--new-per-day``),
    in a random order. Sessions start at 10:00; an answer takes 30 s.
The scheduler sees right/wrong only (right → Good, wrong → Again: a lucky guess looks like
recall) and keeps ``fsrs.Card``s, as topa's store does. The forecast reads only those cards, the
right/wrong of each question's first answer, and the bank (concepts, topics, question kinds). So
the simulator's memory and the forecast are independent pieces that share only the FSRS curve
family: the forecast never sees ``m_c``, ``k_c``, the true stabilities or which answers were guesses.

Arms, on the same learners (same new questions on the same days):
  * ``deadline``: the fsrs Scheduler (r = 0.9) + ``deadline.cap``, topa's scheduler with a plan;
  * ``plain r``: the fsrs Scheduler alone at desired retention r = 0.95 … 0.70. Together they
    trace plain FSRS's reviews-vs-recall frontier; the deadline arm is compared with that
    frontier interpolated at the deadline arm's own number of reviews (the same number of reviews).
Exam-day recall: the mean true recall on the exam day over the questions studied.
Calibration (deadline arm): the mean absolute error of the predicted score against the
simulated exam's score; the Brier score of ``pass_probability`` at several pass marks; the
share of scores inside ``[low, high]``; and, as the floor no forecast can beat, the same for an
oracle that knows every question's true chance of a right answer but, like the forecast, not
which questions the exam will draw (its expected score is the topic pools' mean chances; the
luck of the draw of questions and of the answers remains). Both MAEs are also given as
expected over the exam's luck (the mean over 2000 exams per learner, drawn as the one is), so
without the noise of one simulated exam per learner: the forecast's ``E|score − predicted|``
and the oracle's at best, ``E|score − median|`` (no number predicted without knowing the
draw does better). Then the MAE of an oracle that also knows the questions drawn (the luck
of the answers alone), and the expected MAE of one that knows the true chance of the
questions studied only and judges the others as the forecast does, by the first answers. Twice: a
forecast made after the last session, and one made 7 days ahead for the same learner who then
stops studying (the forecast projects the memory to the exam day; it cannot know future study).
The share of the bank a learner has studied is printed too: the questions never studied are
answered at a first-sight chance near 1/2, so the less of the bank is studied, the larger the
luck of a 40-question exam and the higher the floor.

The deadline rule's two defaults (``deadline.EXAM_RETENTION``, ``FLOOR_RETENTION``) were chosen
on seeds 0-3, and the forecast's curve for answered questions (``readiness.right_chance``) on
seeds 0-19; the default run uses seeds 100-104.
"""

from __future__ import annotations

import argparse
import heapq
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import numpy as np

from topa_quiz.session.deadline import cap, days_between, exam_moment, forgetting_curve
from topa_quiz.session.readiness import first_sight, forecast, guess_rate, passing_count, poisson_binomial

PLAIN = (0.95, 0.9, 0.85, 0.8, 0.75, 0.7)
START = datetime(2025, 3, 1, tzinfo=UTC)
SESSION = timedelta(hours=10)
ANSWER = timedelta(seconds=30)
AHEAD = 7  # days: the second forecast is made this long before the exam
EXAMS = 2000  # simulated exams per learner for the figures expected over the exam's luck


@dataclass(frozen=True)
class Question:
    qid: str
    concepts: tuple[str, ...]  # the first one is the concept whose ability applies
    guess: float


@dataclass(frozen=True)
class BankFacts:
    questions: dict[str, Question]
    concept_topic: dict[str, str]
    guess: dict[str, float]  # per concept, for the forecast
    counts: dict[str, int]  # questions per concept, for the forecast
    pools: dict[str, list[str]]  # topic -> question ids
    allocation: dict[str, int]  # exam questions per topic


def load_bank(exam_questions: int) -> BankFacts:
    from topa_quiz.bank.loader import load_bank as load
    from topa_quiz.session.spread import allocate

    bank, _ = load()
    questions, kinds, pools = {}, {}, {}
    for q in bank.questions:
        kind = (q.type, len(q.options))
        questions[q.id] = Question(q.id, tuple(q.concepts), guess_rate([kind]))
        pools.setdefault(bank.topic_of(q), []).append(q.id)
        for c in q.concepts:
            kinds.setdefault(c, []).append(kind)
    concept_topic = {cid: c.topic for cid, c in bank.concepts.items()}
    return BankFacts(
        questions=questions,
        concept_topic=concept_topic,
        guess={c: guess_rate(kinds.get(c, [])) for c in concept_topic},
        counts={c: len(kinds.get(c, [])) for c in concept_topic},
        pools=pools,
        allocation=allocate({t: len(v) for t, v in pools.items()}, exam_questions),
    )


@dataclass(frozen=True)
class Learner:
    m: dict[str, float]
    know: dict[str, float]
    order: list[str]
    study_days: list[bool]
    per_new: int


def make_learner(
    facts: BankFacts, days: int, skip: float, rng: np.random.Generator, new: tuple[int, int] = (2, 10)
) -> Learner:
    skill = rng.normal(0.0, 0.5)
    m = {c: float(np.exp(skill + rng.normal(0.0, 0.5))) for c in sorted(facts.concept_topic)}
    know = {c: float(1.0 / (1.0 + np.exp(-(1.5 * np.log(v) - 1.0)))) for c, v in m.items()}
    order = list(facts.questions)
    rng.shuffle(order)
    per_new = int(rng.integers(new[0], new[1] + 1))
    return Learner(m, know, order, [bool(rng.random() >= skip) for _ in range(days)], per_new)


class Memory:
    """The learner's true memory of each question: FSRS-6 default dynamics, stability × m_c."""

    def __init__(self, learner: Learner) -> None:
        from fsrs import Scheduler

        self.f = Scheduler(enable_fuzzing=False)  # for its default-parameter formulas only
        self.learner = learner
        self.state: dict[str, list] = {}  # qid -> [S, D, last review]

    def recall(self, q: Question, when: datetime) -> float:
        """The true chance of recalling ``q`` at ``when`` (never seen: the concept's ``k_c``)."""
        if q.qid not in self.state:
            return self.learner.know[q.concepts[0]]
        s, _, last = self.state[q.qid]
        m = self.learner.m[q.concepts[0]]
        return forgetting_curve(days_between(last, when), m * s, self.f.parameters[20])

    def chance(self, q: Question, when: datetime) -> float:
        """The true chance of a right answer: recall, or a lucky guess."""
        r = self.recall(q, when)
        return r + (1.0 - r) * q.guess

    def answer(self, q: Question, when: datetime, rng: np.random.Generator) -> bool:
        from fsrs import Rating

        r = self.recall(q, when)
        recalled = bool(rng.random() < r)
        rating = Rating.Good if recalled else Rating.Again
        f = self.f
        if q.qid not in self.state:
            s, d = f._initial_stability(rating=rating), f._initial_difficulty(rating=rating, clamp=True)
            self.state[q.qid] = [s, d, when]
        else:
            st = self.state[q.qid]
            if days_between(st[2], when) < 1.0:
                st[0] = f._short_term_stability(stability=st[0], rating=rating)
            else:
                st[0] = f._next_stability(difficulty=st[1], stability=st[0], retrievability=r, rating=rating)
            st[1] = f._next_difficulty(difficulty=st[1], rating=rating)
            st[2] = when
        return recalled or bool(rng.random() < q.guess)


@dataclass
class Studied:
    memory: Memory
    cards: dict  # qid -> fsrs.Card
    per_day: list[int]
    last_session: datetime
    first_answers: dict[str, tuple[int, int]]  # concept -> (right, total) of first answers


def study(
    facts: BankFacts, learner: Learner, retention: float, deadline: dict | None, seed: list[int]
) -> Studied:
    """One learner's study days; ``deadline`` (cap's keyword arguments) or None for plain FSRS."""
    from fsrs import Card, Rating, Scheduler

    sched = Scheduler(enable_fuzzing=False, desired_retention=retention)
    rng = np.random.default_rng(seed)
    days = len(learner.study_days)
    exam_date = (START + timedelta(days=days)).date()
    out = Studied(Memory(learner), {}, [0] * days, START, {})
    heap: list[tuple[datetime, str]] = []
    fresh = iter(learner.order)
    for day in (d for d in range(days) if learner.study_days[d]):
        now = START + timedelta(days=day) + SESSION
        new_left = learner.per_new
        while True:
            while heap and out.cards[heap[0][1]].due != heap[0][0]:
                heapq.heappop(heap)  # a stale entry
            if heap and heap[0][0] <= now:
                qid = heapq.heappop(heap)[1]
            elif new_left and (qid := next(fresh, None)) is not None:
                new_left -= 1
            elif heap and heap[0][0] <= now + timedelta(minutes=30):
                now = heap[0][0]  # wait for a learning step
                continue
            else:
                break
            q = facts.questions[qid]
            right = out.memory.answer(q, now, rng)
            if qid not in out.cards:
                for c in q.concepts:
                    r, t = out.first_answers.get(c, (0, 0))
                    out.first_answers[c] = (r + right, t + 1)
            card = out.cards.get(qid) or Card(card_id=len(out.cards) + 1, due=now)
            card, _ = sched.review_card(card, Rating.Good if right else Rating.Again, now)
            if deadline is not None:
                card.due = cap(card.due, card, exam_date, now, retention, **deadline)
            out.cards[qid] = card
            heapq.heappush(heap, (card.due, qid))
            out.per_day[day] += 1
            now += ANSWER
        out.last_session = now
    return out


def exam_recall(facts: BankFacts, memory: Memory, exam: datetime) -> float:
    """The mean true recall at the exam over the questions studied (the same ones in every arm)."""
    return statistics.fmean(memory.recall(facts.questions[qid], exam) for qid in memory.state)


def sit_exam(
    facts: BankFacts, memory: Memory, exam: datetime, rng: np.random.Generator
) -> tuple[float, float]:
    """The simulated exam: (score, expected score of the questions drawn), in points."""
    right = expected = 0.0
    for topic, n in facts.allocation.items():
        pool = facts.pools[topic]
        for i in rng.choice(len(pool), size=n, replace=n > len(pool)):
            p = memory.chance(facts.questions[pool[i]], exam)
            expected += p
            right += float(rng.random() < p)
    total = sum(facts.allocation.values())
    return 100.0 * right / total, 100.0 * expected / total


def score_distribution(facts: BankFacts, memory: Memory, exam: datetime) -> np.ndarray:
    """P(k right) for an oracle that knows every question's true chance, not the draw.

    A question drawn at random from a topic's pool is right with the pool's mean chance, so the
    number right is Poisson-binomial over those means, as the forecast's (drawn with
    replacement; the exam draws without, a little less luck: :func:`exam_scores`).
    """
    ps: list[float] = []
    for topic, n in facts.allocation.items():
        ps += [statistics.fmean(memory.chance(facts.questions[i], exam) for i in facts.pools[topic])] * n
    return np.array(poisson_binomial(ps))


def exam_scores(facts: BankFacts, memory: Memory, exam: datetime, rng: np.random.Generator) -> np.ndarray:
    """The scores of ``EXAMS`` simulated exams drawn as :func:`sit_exam` draws one (the exam's luck)."""
    right = np.zeros(EXAMS)
    for topic, n in facts.allocation.items():
        pool = facts.pools[topic]
        chances = np.array([memory.chance(facts.questions[q], exam) for q in pool])
        if n > len(pool):
            drawn = rng.integers(0, len(pool), size=(EXAMS, n))
        else:  # without replacement: the first n of a random order
            drawn = np.argsort(rng.random((EXAMS, len(pool))), axis=1)[:, :n]
        right += (rng.random((EXAMS, n)) < chances[drawn]).sum(axis=1)
    return 100.0 * right / sum(facts.allocation.values())


def studied_oracle(facts: BankFacts, s: Studied, exam: datetime) -> float:
    """The expected score for one who knows the true chance of each question studied, and for the
    others has only the forecast's prior from the learner's first answers (``first_sight``)."""
    expected = 0.0
    for topic, n in facts.allocation.items():
        chances = [
            s.memory.chance(q, exam)
            if q.qid in s.cards
            else statistics.fmean(first_sight(c, s.first_answers, facts.guess[c]) for c in q.concepts)
            for q in (facts.questions[i] for i in facts.pools[topic])
        ]
        expected += n * statistics.fmean(chances)
    return 100.0 * expected / sum(facts.allocation.values())


def oracle(pmf: np.ndarray, luck: np.ndarray, predicted: list[float], marks: list[float]) -> list[float]:
    """[its expected score, its mean absolute error at best (around the median) over the exams
    ``luck``, the same of each ``predicted``, P(pass) per mark]: without the luck of one exam."""
    scores = 100.0 * np.arange(len(pmf)) / (len(pmf) - 1)
    passes = [float(pmf[passing_count(len(pmf) - 1, mark) :].sum()) for mark in marks]
    error = [float(np.mean(np.abs(luck - c))) for c in (float(np.median(luck)), *predicted)]
    return [float(pmf @ scores), *error, *passes]


def run_learner(job: tuple) -> dict:
    facts, seed, index, days, skip, marks, rule, new = job
    learner = make_learner(facts, days, skip, np.random.default_rng([seed, index, 0]), new)
    exam_date = (START + timedelta(days=days)).date()
    exam = exam_moment(exam_date)
    out: dict = {}
    for retention in PLAIN:
        s = study(facts, learner, retention, None, [seed, index, 1])
        out[f"plain {retention:g}"] = (sum(s.per_day), exam_recall(facts, s.memory, exam), max(s.per_day))
    s = study(facts, learner, 0.9, rule, [seed, index, 1])
    out["deadline"] = (sum(s.per_day), exam_recall(facts, s.memory, exam), max(s.per_day))
    out["forecast"], out["truth"] = calibration(facts, s, exam_date, marks, [seed, index, 2])
    ahead = min(AHEAD, days - 1)  # the same learner, stopping a week before the exam
    stops = replace(learner, study_days=learner.study_days[: days - ahead] + [False] * ahead)
    s = study(facts, stops, 0.9, rule, [seed, index, 1])
    out["forecast ahead"], out["truth ahead"] = calibration(facts, s, exam_date, marks, [seed, index, 3])
    return out


def calibration(facts: BankFacts, s: Studied, exam_date, marks: list[float], seed: list[int]) -> tuple:  # noqa: ANN001
    """(forecast after the last session, truth of the simulated exam) for one learner."""
    exam = exam_moment(exam_date)
    by_concept: dict[str, list] = {}
    for qid, card in s.cards.items():
        for c in facts.questions[qid].concepts:
            by_concept.setdefault(c, []).append(card)
    forecasts = [
        forecast(
            by_concept,
            facts.concept_topic,
            facts.allocation,
            s.last_session,
            exam_date,
            mark,
            guess=facts.guess,
            questions_per_concept=facts.counts,
            first_answers=s.first_answers,
        )
        for mark in marks
    ]
    score, drawn = sit_exam(facts, s.memory, exam, np.random.default_rng(seed))
    f = forecasts[0]
    predicted = (f.predicted_score, f.low, f.high, *(g.pass_probability for g in forecasts))
    studied = len(s.cards) / len(facts.questions)
    luck = exam_scores(facts, s.memory, exam, np.random.default_rng([*seed, 1]))
    pmf = score_distribution(facts, s.memory, exam)
    guesses = [f.predicted_score, studied_oracle(facts, s, exam)]
    return predicted, (score, drawn, studied, *oracle(pmf, luck, guesses, marks))


def summarize(results: list[dict], marks: list[float]) -> dict[str, float]:
    """One seed's figures."""
    out = forecast_figures(results, marks, "")
    out.update({k + " ahead": v for k, v in forecast_figures(results, marks, " ahead").items()})
    arms = {k: np.array([r[k] for r in results]).mean(axis=0) for k in results[0] if k[0] in "pd"}
    frontier = sorted((arms[f"plain {r:g}"][0], arms[f"plain {r:g}"][1]) for r in PLAIN)
    reviews, recall, peak = arms["deadline"]
    iso = float(np.interp(reviews, [x for x, _ in frontier], [y for _, y in frontier]))
    out.update(
        deadline_reviews=float(reviews),
        deadline_recall=100 * float(recall),
        deadline_peak=float(peak),
        plain_reviews=float(arms["plain 0.9"][0]),
        plain_recall=100 * float(arms["plain 0.9"][1]),
        plain_peak=float(arms["plain 0.9"][2]),
        iso_recall=100 * iso,
        gain=100 * (float(recall) - iso),
        outside=float(not frontier[0][0] <= reviews <= frontier[-1][0]),
    )
    return out


def forecast_figures(results: list[dict], marks: list[float], which: str) -> dict[str, float]:
    """Calibration of the forecasts ``which`` ("" after the last session, " ahead" a week ahead)."""
    pred = np.array([r["forecast" + which] for r in results])
    truth = np.array([r["truth" + which] for r in results])
    out = {
        "mae": float(np.mean(np.abs(pred[:, 0] - truth[:, 0]))),
        "bias": float(np.mean(pred[:, 0] - truth[:, 0])),
        "oracle_mae": float(np.mean(np.abs(truth[:, 3] - truth[:, 0]))),
        "drawn_mae": float(np.mean(np.abs(truth[:, 1] - truth[:, 0]))),
        "studied": float(truth[:, 2].mean()),
        "floor": float(truth[:, 4].mean()),
        "expected_mae": float(truth[:, 5].mean()),
        "studied_mae": float(truth[:, 6].mean()),
        "coverage": float(np.mean((pred[:, 1] <= truth[:, 0]) & (truth[:, 0] <= pred[:, 2]))),
        "mean_score": float(truth[:, 0].mean()),
        "sd_score": float(truth[:, 0].std()),
    }
    for j, mark in enumerate(marks):
        passed = (truth[:, 0] >= mark).astype(float)
        out[f"brier {mark:g}"] = float(np.mean((pred[:, 3 + j] - passed) ** 2))
        out[f"oracle {mark:g}"] = float(np.mean((truth[:, 7 + j] - passed) ** 2))
        out[f"passed {mark:g}"] = float(passed.mean())
    return out


def parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5, help="independent populations (default 5)")
    ap.add_argument("--first-seed", type=int, default=100, help="the first seed (default 100)")
    ap.add_argument("--learners", type=int, default=40, help="learners per seed (default 40)")
    ap.add_argument("--days", type=int, default=30, help="study days before the exam (default 30)")
    ap.add_argument("--skip", type=float, default=0.0, help="chance a learner skips a day (default 0)")
    ap.add_argument("--exam-questions", type=int, default=40, help="questions on the exam (default 40)")
    ap.add_argument("--pass-mark", type=float, default=60.0, help="percent to pass (default 60)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument(
        "--new-per-day", default="2-10", metavar="LOW-HIGH", help="new questions a study day (default 2-10)"
    )
    ap.add_argument("--exam-retention", type=float, help="deadline.cap's exam_retention (default: its own)")
    ap.add_argument("--floor-retention", type=float, help="deadline.cap's floor_retention (default: its own)")
    a = ap.parse_args(argv)
    low, _, high = a.new_per_day.partition("-")
    if not (low.isdigit() and high.isdigit() and 1 <= int(low) <= int(high)):
        ap.error(f"--new-per-day takes LOW-HIGH, two whole numbers 1 <= LOW <= HIGH, not {a.new_per_day!r}")
    a.new = (int(low), int(high))
    if a.days < 2 or a.seeds < 1 or a.learners < 2 or not 0 <= a.skip < 1 or a.exam_questions < 1:
        ap.error("need --days >= 2, --seeds >= 1, --learners >= 2, 0 <= --skip < 1, --exam-questions >= 1")
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse(argv)
    started = time.perf_counter()
    facts = load_bank(a.exam_questions)
    a.bank_size = len(facts.questions)
    marks = [a.pass_mark] + [m for m in (70.0, 80.0, 90.0) if m != a.pass_mark]
    rule = {
        k: v for k, v in (("exam_retention", a.exam_retention), ("floor_retention", a.floor_retention)) if v
    }
    seeds = range(a.first_seed, a.first_seed + a.seeds)
    jobs = [(facts, s, i, a.days, a.skip, marks, rule, a.new) for s in seeds for i in range(a.learners)]
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        results = list(pool.map(run_learner, jobs, chunksize=4))
    per_seed = [summarize(results[k * a.learners : (k + 1) * a.learners], marks) for k in range(a.seeds)]
    med = {key: statistics.median(s[key] for s in per_seed) for key in per_seed[0]}
    report(a, marks, med, per_seed, time.perf_counter() - started)
    return 0


def report(
    a: argparse.Namespace, marks: list[float], med: dict, per_seed: list[dict], seconds: float
) -> None:
    print(
        f"{a.seeds} seeds × {a.learners} learners, {a.days} days (skip {a.skip:g}, "
        f"{a.new[0]}-{a.new[1]} new questions a day), {a.exam_questions}-question exam "
        f"on a bank of {a.bank_size}; medians over seeds"
    )
    for which, title in (
        ("", "after the last session"),
        (" ahead", f"{AHEAD} days ahead, then no more study"),
    ):
        print(
            f"forecast {title}: simulated scores mean {med['mean_score' + which]:.1f}, sd {med['sd_score' + which]:.1f}; "
            f"{100 * med['studied' + which]:.0f} % of the bank studied"
        )
        print(
            f"  MAE {med['mae' + which]:4.2f} points (goal <= 5; {med['expected_mae' + which]:.2f} expected), "
            f"bias {med['bias' + which]:+.2f}, inside [low, high] {100 * med['coverage' + which]:.0f} % (90 % interval)"
        )
        print(
            f"  floor: an oracle that knows each question's true chance, not the draw, "
            f"{med['oracle_mae' + which]:.2f} ({med['floor' + which]:.2f} expected at best)"
        )
        print(
            f"  oracles that know the questions drawn too {med['drawn_mae' + which]:.2f}, "
            f"that know only the questions studied {med['studied_mae' + which]:.2f} expected"
        )
        briers = "; ".join(
            f"{mark:g}: {med[f'brier {mark:g}' + which]:.3f} (oracle {med[f'oracle {mark:g}' + which]:.3f}, "
            f"{100 * med[f'passed {mark:g}' + which]:.0f} % pass)"
            for mark in marks
        )
        print(f"  Brier by pass mark (goal <= 0.15 at {a.pass_mark:g}) {briers}")
    print("exam-day recall of the questions studied (true)")
    for name, key in (("deadline-aware", "deadline"), ("plain FSRS r=0.9", "plain")):
        print(
            f"  {name:17s} {med[key + '_recall']:5.1f} %  {med[key + '_reviews']:5.0f} reviews"
            f"  busiest day {med[key + '_peak']:.0f}"
        )
    print(f"  plain FSRS, same number of reviews {med['iso_recall']:5.1f} %  (frontier r = 0.95 … 0.70)")
    gains = ", ".join(f"{s['gain']:+.1f}" for s in per_seed)
    print(f"  gain {med['gain']:+.1f} points (goal >= +5; per seed {gains})")
    if med["outside"]:
        print("  note: the deadline arm's reviews fall outside the frontier; the comparison is clamped")
    print(f"({seconds:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
