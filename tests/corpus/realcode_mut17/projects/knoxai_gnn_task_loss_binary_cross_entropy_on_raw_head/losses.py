"""part of positive project [LG002]: the loss is picked by the task: an if-chain of returns of (loss function, name), ending in raise."""

# Source: CIDARLAB/knoxAI@2b712fd158 app/utils/losses.py (get_criterion, re-typed; the real code as it is, no mutation)
import torch.nn.functional as F

from ranking_loss import RankingLossWithTies


def get_criterion(task):
    if task == "regression":
        return F.mse_loss, "MSE"
    elif task == "binary_classification":
        return F.binary_cross_entropy, "binary_cross_entropy"
    elif task == "multiclass_classification":
        return F.cross_entropy, "cross_entropy"
    elif task == "ranking":
        return RankingLossWithTies(margin=1.0), "ranking"
    else:
        raise ValueError(f"Unknown task: {task}")
