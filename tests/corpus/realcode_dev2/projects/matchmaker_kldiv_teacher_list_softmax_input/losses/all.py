"""part of positive project [LG008, LG009]: get_loss picks the ranking and in-batch losses from the config by name and returns them in a tuple."""
# Source: https://github.com/sebastian-hofstaetter/matchmaker matchmaker/losses/all.py at 210b9da0c46ee6b672f59ffbf8603e0f75edb2b6; re-typed, names changed, reduced.
import torch

from matchmaker.losses.ranknet import *
from matchmaker.losses.msmargin import *
from matchmaker.losses.teacher_kldiv_list import *
from matchmaker.losses.teacher_kldiv_pointwise import *


def get_loss(config):
    use_list_loss = False
    use_inbatch_list_loss = False
    inbatch_loss = None
    if config["loss"] == "margin-mse":
        loss = MSMarginLoss()
    elif config["loss"] == "ranknet":
        loss = RankNetLoss()
    elif config["loss"] == "KLDivTeacherPointwise":
        loss = KLDivTeacherPointwise()
    elif config["loss"] == "margin":
        loss = torch.nn.MarginRankingLoss(margin=1, reduction="mean")
    else:
        raise Exception("Loss not known")
    if config["in_batch_negatives"]:
        if config["in_batch_neg_loss"] == "ranknet":
            inbatch_loss = RankNetLoss()
        elif config["in_batch_neg_loss"] == "margin-mse":
            inbatch_loss = MSMarginLoss()
        elif config["in_batch_neg_loss"] == "KLDivTeacherList":
            inbatch_loss = KLDivTeacherList()
            use_inbatch_list_loss = True
        else:
            raise Exception("In-batch-Loss not known")
    return loss, inbatch_loss, use_list_loss, use_inbatch_list_loss
