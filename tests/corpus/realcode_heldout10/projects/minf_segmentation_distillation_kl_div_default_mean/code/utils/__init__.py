"""part of positive project [LG009]: the utils package re-exports the distillation helpers with a star import."""
# Source: mazo20/MINF@409d92279ade9ee3ca0ee083dca87892ca0b8ef2 code/utils/__init__.py (re-typed; the scheduler, checkpoint, FLOP-count and metric modules it also re-exports are left out)
from .distillation import *
