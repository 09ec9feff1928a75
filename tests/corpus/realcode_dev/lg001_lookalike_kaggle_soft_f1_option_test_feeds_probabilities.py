"""look-alike [LG001, LG003]: a model picks its criteria from a configured loss type (cross-entropy and BCE-with-logits, a focal loss, or soft-F1 losses written by hand, the configured default, which take probabilities); a test of the soft-F1 option applies softmax and sigmoid itself and calls whichever criteria the model holds."""
# Source: https://github.com/karunru/kaggle_monorepo projects/CMI_Detect_Behavior_with_Sensor_Data/codes/exp/exp026/model.py
# (_setup_loss_functions) and tests/test_exp026_config.py (test_soft_f1_loss_computation) at
# 2293025149e7d716ec758ead62a0e845e55e8de0 (a false alarm of the round-19 survey: the cross-entropy options were reported with the
# test's softmax); re-typed, names changed, reduced. Correct code: the test is written for the soft-F1 option.
import torch
import torch.nn.functional as F
from torch import nn


class FocalLoss(nn.Module):
    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma

    def forward(self, logits, targets):
        ce = F.cross_entropy(logits, targets, reduction="none")
        return ((1 - torch.exp(-ce)) ** self.gamma * ce).mean()


class MulticlassSoftF1(nn.Module):
    def __init__(self, num_classes, eps=1e-6):
        super().__init__()
        self.num_classes = num_classes
        self.eps = eps

    def forward(self, probs, targets):
        onehot = F.one_hot(targets, self.num_classes).float()
        tp = (probs * onehot).sum(0)
        f1 = 2 * tp / (probs.sum(0) + onehot.sum(0) + self.eps)
        return 1 - f1.mean()


class BinarySoftF1(nn.Module):
    def forward(self, probs, targets):
        tp = (probs * targets).sum()
        return 1 - 2 * tp / (probs.sum() + targets.sum() + 1e-6)


class SensorModel(nn.Module):
    def __init__(self, num_classes, loss_config):
        super().__init__()
        self.num_classes = num_classes
        self.loss_config = loss_config
        self.encoder = nn.GRU(7, 64, batch_first=True)
        self.multiclass_head = nn.Linear(64, num_classes)
        self.binary_head = nn.Linear(64, 1)
        self._setup_losses()

    def _setup_losses(self):
        loss_type = self.loss_config.get("type", "cmi")
        if loss_type == "cmi":
            self.multiclass_criterion = nn.CrossEntropyLoss()
            self.binary_criterion = nn.BCEWithLogitsLoss()
        elif loss_type == "cmi_focal":
            self.multiclass_criterion = FocalLoss(gamma=self.loss_config.get("gamma", 2.0))
            self.binary_criterion = nn.BCEWithLogitsLoss()
        elif loss_type == "soft_f1":
            self.multiclass_criterion = MulticlassSoftF1(self.num_classes)
            self.binary_criterion = BinarySoftF1()
        else:
            self.multiclass_criterion = nn.CrossEntropyLoss()
            self.binary_criterion = nn.BCEWithLogitsLoss()

    def forward(self, x):
        h, _ = self.encoder(x.transpose(1, 2))
        h = h[:, -1]
        return self.multiclass_head(h), self.binary_head(h)


def test_soft_f1_loss_computation():
    model = SensorModel(num_classes=18, loss_config={"type": "soft_f1"})
    x = torch.randn(2, 7, 50)
    multiclass_targets = torch.randint(0, 18, (2,))
    binary_targets = torch.randint(0, 2, (2,))

    multiclass_logits, binary_logits = model(x)
    multiclass_probs = F.softmax(multiclass_logits, dim=-1)
    binary_probs = torch.sigmoid(binary_logits.squeeze(-1))

    multiclass_loss = model.multiclass_criterion(multiclass_probs, multiclass_targets)
    binary_loss = model.binary_criterion(binary_probs, binary_targets.float())
    assert torch.isfinite(multiclass_loss) and torch.isfinite(binary_loss)
