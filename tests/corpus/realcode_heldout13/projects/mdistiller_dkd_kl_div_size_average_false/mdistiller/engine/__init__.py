"""part of positive project [LG010]: the trainer is picked by name from a dict."""
# Source: megvii-research/mdistiller@a08d46f10d6102bd6e3f258ca5ac880b020ea259 mdistiller/engine/__init__.py (read as is; cut to the base trainer)
from .trainer import BaseTrainer

trainer_dict = {
    "base": BaseTrainer,
}
