"""positive [LG011]: a knowledge-graph embedding library's KL-divergence loss takes F.log_softmax of the (batch, entities) scores without dim (the fix, titled "Added dim argument for log_softmax to avoid warning", passes dim=1)."""

# Source: uma-pi1/kge@54864fc kge/util/loss.py, fixed in fc6f231 (cut, renamed)
import torch
import torch.nn.functional as F


class GraphLoss:
    """Wraps torch loss functions"""

    def __init__(self):
        self._loss = None

    @staticmethod
    def create(config):
        config.check("train.loss", ["bce", "kl", "ce"])
        if config.get("train.loss") == "bce":
            return BCEWithLogitsGraphLoss(reduction="mean", pos_weight=None)
        elif config.get("train.loss") == "kl":
            return KLDivWithSoftmaxGraphLoss()
        if config.get("train.loss") == "ce":
            return CrossEntropyGraphLoss(reduction="mean")
        else:
            raise ValueError("train.loss")

    def __call__(self, scores, labels, **kwargs):
        return self._compute_loss(scores, labels, **kwargs)

    def _compute_loss(self, scores, labels, **kwargs):
        raise NotImplementedError()


class BCEWithLogitsGraphLoss(GraphLoss):
    def __init__(self, reduction="mean", pos_weight=None):
        super().__init__()
        self._loss = torch.nn.BCEWithLogitsLoss(reduction=reduction, pos_weight=pos_weight)

    def _compute_loss(self, scores, labels, **kwargs):
        return self._loss(scores.view(-1), labels.view(-1))


class KLDivWithSoftmaxGraphLoss(GraphLoss):
    def __init__(self, reduction="batchmean"):
        super().__init__()
        self._loss = torch.nn.KLDivLoss(reduction=reduction)

    def _compute_loss(self, scores, labels, **kwargs):
        return self._loss(
            F.log_softmax(scores),  # expect: LG011
            F.normalize(labels.float(), p=1, dim=1),
        )


class CrossEntropyGraphLoss(GraphLoss):
    def __init__(self, reduction="mean"):
        super().__init__()
        self._loss = torch.nn.CrossEntropyLoss(reduction=reduction)

    def _compute_loss(self, scores, labels, **kwargs):
        return self._loss(scores, labels)
