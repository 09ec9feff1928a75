"""part of look-alike project [LG006, LG008, LG009]: the losses package re-exports the criterion and the distillation losses."""
# Source: wangguanan/light-reid at 97c6b2d1 (read as is; issue #24 quotes KLLoss and asks where it comes from),
# lightreid/losses/__init__.py; re-typed; the label-smoothing, triplet, focal and center losses are not included.
from .build import LOSSes_REGISTRY
from .criterion import Criterion
from .self_distill_loss import ProbSelfDistillLoss, SIMSelfDistillLoss
from .kl_loss import KLLoss
