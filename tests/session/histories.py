"""Review histories built with the real fsrs Scheduler, shared by the deadline and readiness tests."""

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

START = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)

#: a history: (hours since the previous answer, answered right) per answer
histories = st.lists(
    st.tuples(st.floats(min_value=0.05, max_value=40 * 24.0), st.booleans()), min_size=1, max_size=8
)


def replay(history, start=START):
    """The fsrs Card after answering ``history`` (right → Good, wrong → Again), and the last time."""
    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(card_id=1, due=start)
    when = start
    for hours, right in history:
        when = when + timedelta(hours=hours)
        card, _ = scheduler.review_card(card, Rating.Good if right else Rating.Again, when)
    return card, when
