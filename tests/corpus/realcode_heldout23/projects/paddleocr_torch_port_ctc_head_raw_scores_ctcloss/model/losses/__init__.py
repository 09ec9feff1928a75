"""part of positive project [LG012]: build_loss instantiates the loss class the YAML config names (the recogniser's config pairs CTCHead with CTCLoss)."""
# Source: ttjjmm/PaddleOCR at 1216d812 (read as is), model/losses/__init__.py; re-typed, identifiers renamed; the detection loss import kept, the others are
# not in the port.
import copy

from .db_loss import DBLoss
from .rec_ctc_loss import CTCLoss


def build_loss(config):
    support_dict = ["DBLoss", "EASTLoss", "SASTLoss", "CTCLoss", "ClsLoss", "AttentionLoss", "SRNLoss", "PGLoss"]
    config = copy.deepcopy(config)
    module_name = config.pop("name")
    assert module_name in support_dict, Exception("loss only support {}".format(support_dict))
    return eval(module_name)(**config)
