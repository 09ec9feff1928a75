"""part of look-alike project [LG008, LG009, LG014, LG017, LG018]: core.utils re-exports the base trainer and the helpers the TRADES loss uses."""
# Source: imrahulr/adversarial_robustness_pytorch at 6df6a8f0, core/utils/__init__.py; re-typed; the other helpers' imports cut.
from .context import ctx_noparamgrad_and_eval
from .train import Trainer
from .utils import SmoothCrossEntropyLoss, seed, set_bn_momentum, track_bn_stats
