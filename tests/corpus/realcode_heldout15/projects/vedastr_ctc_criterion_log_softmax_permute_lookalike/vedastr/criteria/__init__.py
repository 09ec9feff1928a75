"""part of look-alike project [LG012, LG014, LG006]: the criteria package registers the CTC criterion and builds criteria from config."""
# Source: Media-Smart/vedastr at f3844604, vedastr/criteria/__init__.py and builder.py; re-typed, identifiers renamed.
from vedastr.utils import build_from_cfg

from .ctc_loss import CTCLoss
from .registry import CRITERIA


def build_criterion(cfg):
    return build_from_cfg(cfg, CRITERIA, src='registry')
