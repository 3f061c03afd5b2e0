"""Size caps of the engine's inputs (issue 13 item 14): big enough for any exercise, small
enough that no input takes seconds or floods the terminal. Named in each parameter's help
(``Param.bounds_text``); standard library only, so the registry can read them cheaply."""

MAX_VALUES = 1000  # numbers in one vector or batch
MAX_STEPS = 200  # optimizer steps (one gradient each)
MAX_STEP_VALUES = 2000  # numbers over all the gradients of one run
