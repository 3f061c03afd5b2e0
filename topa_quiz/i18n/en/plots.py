"""Words of the plots: titles, legends, axes, the learning-rate verdicts and plot messages."""

MESSAGES = {
    "plot.no_room": (
        "no room for a plot: the terminal is {width}×{height}; plots need at least {min_width} columns "
        "and {min_height} rows (widen the window or set COLUMNS/LINES)"
    ),
    "plot.after_answer": "the picture comes after the answer: answer first, then press p",
    "plot.nothing_fits": (
        "no plot fits '{name}': --plot draws curves ({curves}) and optimizer paths ({paths})"
    ),
    # topa plot NAME...
    "plot.curves.title": "{names}",
    "plot.curves.title_derivative": "{names} and their derivatives",
    "plot.curves.title_derivative_one": "{names} and its derivative",
    "plot.no_derivative": "{name}: the engine has no derivative of it, so none is drawn",
    "plot.name_needed": "name a function to plot: {names}",
    "plot.unknown_guess": "cannot plot '{name}'; did you mean '{guess}'?",
    "plot.unknown": "cannot plot '{name}' (choose from {names})",
    "plot.lr_alone": "'lr' is plotted on its own: topa plot lr --lr 0.01 0.1 1.1",
    "plot.lr_only": "--lr is for 'topa plot lr'",
    "plot.lr_positive": "each learning rate must be a number > 0, got {value}",
    "plot.too_many": "at most {n} lines fit in one plot, got {count}",
    "plot.numbers": "expected numbers, got '{text}'",
    "plot.range_order": "expected LOW HIGH with LOW < HIGH, got {lo} {hi}",
    "plot.range_limit": "LOW and HIGH must lie within ±{limit}, got {lo} {hi}",
    "plot.alpha_limit": "the slope α must be a number from 0 to {limit}, got {value}",
    # calc NAME ... --plot: a curve with the asked points
    "plot.point.title_one": "{name} with the asked point",
    "plot.point.title_many": "{name} with the asked points",
    "plot.points_label": "the {n} asked points",
    "plot.outside": "{name}({x}) = {y} lies outside the drawn range, so it is not marked",
    # calc OPTIMIZER ... --plot: the path of θ
    "plot.path.title": "{name}: θ over the steps",
    "plot.path.xlabel": "step",
    # one optimizer step: before, after, direction
    "plot.step.title": "{name}: one step, θ₀ → θ₁",
    "plot.step.before": "before",
    "plot.step.after": "after",
    "plot.step.down": "{theta} went down by {amount}",
    "plot.step.up": "{theta} went up by {amount}",
    "plot.step.still": "{theta} did not move",
    "plot.step.against": "That is against the sign of the gradient g = {g}: a step downhill.",
    "plot.step.along": (
        "That is the sign of the gradient g = {g}: the update's other terms (weight decay, the "
        "moments) outweighed it."
    ),
    # topa plot lr
    "plot.lr.title": "gradient descent on f(θ) = θ², θ₀ = 1",
    "plot.lr.xlabel": "step k",
    "plot.lr.legend": "η = {lr} {verdict}",
    "plot.lr.note": "η = {lr}: {theta} = {last}, {verdict}. {why}",
    "plot.lr.word.diverging": "diverges",
    "plot.lr.word.stuck": "stuck",
    "plot.lr.word.bouncing": "bounces",
    "plot.lr.word.slow": "too slow",
    "plot.lr.word.zigzag": "zigzags",
    "plot.lr.word.good": "good",
    "plot.lr.why.diverging": (
        "|1 − 2η| = {factor} > 1: every step overshoots the minimum by more than it corrects."
    ),
    "plot.lr.why.stuck": "1 − 2η = 1: θ never moves.",
    "plot.lr.why.bouncing": "1 − 2η = −1: θ jumps between +1 and −1 for ever.",
    "plot.lr.why.slow": "1 − 2η = {factor}: the right direction, but the steps are too small.",
    "plot.lr.why.zigzag": "1 − 2η = {factor} < 0: θ overshoots the minimum each step but still converges.",
    "plot.lr.why.good": "1 − 2η = {factor}: θ converges quickly to the minimum θ = 0.",
    "plot.lr.clipped": "|θ| passed {limit} at step {k}: drawn up to the edge of the plot.",
    "plot.lr.overflow": "The next step overflows a 64-bit float, so the path ends at step {k}.",
    "plot.lr.help": "the learning-rate effect: gradient descent on θ² with several η",
    # topa plot --help
    "plot.cmd.help": (
        "topa plot lr runs gradient descent on f(θ) = θ² from θ₀ = 1 with each learning rate: too "
        "small is slow, a good one converges, too large (η > 1) diverges."
    ),
    "plot.opt.names": "{curves}; or lr (the learning-rate effect). At most {n} lines in one plot.",
    "plot.opt.derivative": "Also draw each function's derivative.",
    "plot.opt.range": "The x range, within ±{limit}; negative numbers work: --range -6 6.",
    "plot.opt.lr": (
        "For 'lr': learning rates η, e.g. --lr 0.01 0.1 1.1 (or repeat --lr), at most {n}; "
        "by default 0.01 0.1 1.1."
    ),
    "plot.opt.steps": "For 'lr': gradient-descent steps.",
    "plot.opt.alpha": "Slope α of leaky-relu for x < 0, from 0 to {limit}.",
}
