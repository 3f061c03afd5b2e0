"""Words of the plan: ``topa plan``, ``topa today``, the forecast, the notebook's pages."""

MESSAGES = {
    # topa plan
    "opt.exam_date": "The exam day, YYYY-MM-DD (today or later).",
    "opt.plan_pass_mark": "Percent needed to pass, 0-100 (default 60, or the plan's).",
    "opt.daily_minutes": "Minutes of study a day, 1-600 (default 20, or the plan's).",
    "opt.clear": "Remove the plan; every review goes back to FSRS's own schedule.",
    "planner.title": "Your plan",
    "planner.exam_date": "Exam day",
    "planner.pass_mark": "Pass mark",
    "planner.daily": "Study a day",
    "planner.minutes": "{n} minutes",
    "planner.days_left": "{n} day(s) left",
    "planner.exam_today": "today",
    "planner.exam_past": "{n} day(s) ago",
    "planner.none": "No plan is set: reviews follow FSRS alone and 'topa today' takes today as the exam day.",
    "planner.set_hint": "set one: topa plan --exam-date YYYY-MM-DD",
    "planner.today_hint": "what to do today: topa today",
    "planner.saved": "Plan saved.",
    "planner.replaced": "Plan replaced.",
    "planner.replanned": "{n} card(s) re-planned so that your last reviews fall before the exam day.",
    "planner.cleared": "Plan removed.",
    "planner.restored": "{n} card(s) back on FSRS's own schedule.",
    "planner.nothing_to_clear": "There is no plan to remove.",
    "planner.bad_date": "expected a date as YYYY-MM-DD (e.g. 2027-03-14), got '{value}'",
    "planner.past_date": "{value} is in the past (today is {today}); give today or a later day",
    "planner.bad_pass_mark": "expected a percentage from 0 to 100, got {value}",
    "planner.bad_minutes": "expected whole minutes from 1 to {high}, got {value}",
    "planner.needs_date": "no plan yet: give the exam day, e.g. topa plan --exam-date 2027-03-14",
    "planner.clear_alone": "--clear removes the plan; give it without other options",
    # the forecast
    "ready.title": "Forecast for {when}",
    "ready.today": "today",
    "ready.score": "{score} points",
    "ready.chance": "{p}% chance to pass (pass mark {mark}%)",
    "ready.by_topic": "Forecast by topic (points)",
    "ready.predicted": "points",
    "ready.how": (
        "From each card's recall projected to the exam day (FSRS), questions never answered at your"
        " rate of right first answers, a 40-question exam spread over the topics as 'topa exam' does;"
        " the range is 90% of exam outcomes."
    ),
    # topa today
    "today.title": "Today, {day}",
    "today.no_plan": "No plan: today is taken as the exam day.",
    "today.exam": "Exam on {date}",
    "today.reviews": "Reviews",
    "today.no_reviews": "none due now",
    "today.cards": "{n} card(s) due now",
    "today.new": "New concepts",
    "today.new_count": "{n} today ({left} never answered)",
    "today.no_new": "none today ({n} never answered)",
    "today.all_met": "none left: you have answered every concept",
    "today.mock": "Mock exam",
    "today.mock_due": "take one today (none taken yet)",
    "today.mock_again": "take one today (the last was on {day})",
    "today.mock_recent": "not today (the last was on {day}; one a week)",
    "today.mock_not_yet": "not yet: one a week from {window} days before the exam",
    "today.mock_half": "not yet: one a week once you have answered half the concepts",
    "today.mock_none": "none today",
    "today.time": "Time",
    "today.minutes": "about {n} min of your {daily} min a day",
    "today.over": "({n} min over)",
    "today.assumed": "assumed: {review} min a review, {concept} min a new concept with its check, {exam} min a mock exam",
    "today.advice.learn": (
        "Meet every concept before the final week, and keep reviewing every day until the eve of the"
        " exam: the schedule leaves each card's last review for the final week."
    ),
    "today.advice.review": (
        "Every concept is met: review what is due each day and take a mock exam weekly, until the eve"
        " of the exam."
    ),
    "today.advice.final_week": (
        "The final week: the last reviews before the exam are due now. Do them every day until the"
        " eve of the exam; that is when they count most."
    ),
    "today.advice.exam_day": "It is the exam day: a short review at most, then good luck!",
    "today.advice.past": "The planned exam day is over. Set the next one: topa plan --exam-date YYYY-MM-DD",
    "today.advice.no_plan": (
        "With an exam day, reviews are planned so that your recall peaks on that day, and this page"
        " paces the new concepts to it."
    ),
    # the notebook
    "notebook.times": "missed {n}×",
    "notebook.your_answer": "Your answer",
    "notebook.right_answer": "Right answer",
    "notebook.position": "option {given} as shown then (the options are shuffled each time)",
    "notebook.unknown_answer": "cannot be computed again",
    "notebook.drill_hint": "drill them with fresh numbers: topa wrong",
    "notebook.last_time": "Last time ({day}) you answered:",
    "notebook.other_numbers": "(with other numbers)",
}
