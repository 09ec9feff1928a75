"""LG012 ctc-input-not-log-probs: CTCLoss input is not log_softmax output."""

from __future__ import annotations

from lossguard.static.events import LossCall
from lossguard.static.examples import Invalid, catalog_example
from lossguard.static.rule import Rule
from lossguard.static.rules._common import report_not_log_probs

# a custom autograd Function that passes the activations through; the loop hands them to ctc_loss
_THROUGH_FUNCTION = """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Function


class Keep(Function):
    @staticmethod
    def forward(ctx, acts, lens):
        lens = torch.tensor(lens, dtype=torch.int32)
        return acts, lens

    @staticmethod
    def backward(ctx, grad, _):
        return grad, None


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(16, 32)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out)


def train(loader):
    model = Net()
    optimizer = torch.optim.Adam(model.parameters())
    for x, y, x_lens, y_lens in loader:
        acts, lens = Keep.apply({out}, x_lens)
        loss = F.ctc_loss(acts, y, lens, y_lens)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
"""


# a GRU whose packed output is unpacked by the caller; {loss} gives it (or its log_softmax) to CTCLoss
_PACKED_CTC = """
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class CTCModel(nn.Module):
    def __init__(self, n_mels, n_hidden, vocab_size):
        super().__init__()
        self.rnn = nn.GRU(n_mels, n_hidden, bidirectional=True)
        self.charlin = nn.Linear(2 * n_hidden, vocab_size)

    def forward(self, packed):
        outputs, _ = pad_packed_sequence(self.rnn(packed)[0])
        return pack_padded_sequence(self.charlin(outputs), lens)


{note}model = CTCModel(80, 256, 30)
predictions, lens_predictions = pad_packed_sequence(model(spectrograms))
{loss}
"""


class CtcInputNotLogProbs(Rule):
    code = "LG012"

    def on_loss_call(self, call: LossCall) -> None:
        report_not_log_probs(self, call, "ctc", "(T, N, C) log-probabilities: apply log_softmax over the class axis")

    VALID = (
        """
import torch.nn as nn

ctc = nn.CTCLoss(blank=0, zero_infinity=True)
log_probs = model(feats).log_softmax(dim=2)
loss = ctc(log_probs, targets, input_lengths, target_lengths)
""",
        _PACKED_CTC.replace("{note}", "").replace(
            "{loss}",
            "log_probs = predictions.log_softmax(dim=2)\nloss = nn.CTCLoss(blank=0)(log_probs, targets, lens_predictions, lens_targets)",
        ),
        # log_softmax before the function: it passes log-probabilities on
        _THROUGH_FUNCTION.replace("{out}", "model(x).log_softmax(2)"),
    )
    INVALID = (
        Invalid(
            catalog_example("LG012"),
            line=5,
            col=12,
            message="log-probabilities: apply log_softmax over the class axis",
        ),
        Invalid(
            """
import torch.nn as nn

class SpeechModel(nn.Module):
    def __init__(self, n_feats, n_classes):
        super().__init__()
        self.rnn = nn.GRU(n_feats, 256)
        self.fc = nn.Linear(256, n_classes)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.fc(out)

model = SpeechModel(80, 29)
ctc = nn.CTCLoss()
emissions = model(feats)
loss = ctc(emissions, targets, input_lengths, target_lengths)
""",
            line=16,
            col=12,
            message="log-probabilities: apply log_softmax over the class axis",
        ),
        Invalid(
            """
import torch.nn.functional as F

probs = F.softmax(logits, dim=2)
loss = F.ctc_loss(probs, targets, in_lens, tgt_lens)
""",
            line=4,
            col=19,
            message="log-probabilities: apply log_softmax over the class axis",
        ),
        """
import torch.nn as nn
import torch.nn.functional as F


def add_frame_logits(proj, feat, outputs):
    outputs["frames"] = proj(feat)


proj = nn.Linear(256, 30)
outputs = {}
add_frame_logits(proj, feat, outputs)
loss = F.ctc_loss(outputs["frames"], targets, in_lens, tgt_lens)  # expect: LG012
""",
        Invalid(
            _PACKED_CTC.replace(
                "{note}",
                "# jeremyfix/deeplearning-lectures@b3862d6d (issue #22): the log_softmax after unpacking is commented out\n",
            ).replace(
                "{loss}",
                "# predictions = predictions.log_softmax(dim=2)\nloss = nn.CTCLoss(blank=0)(predictions, targets, lens_predictions, lens_targets)",
            ),
            line=20,
            col=28,
            message="CTCLoss receives raw logits",
        ),
        # MyFunction.apply(x, ...) runs its forward(ctx, x, ...): the raw activations come out of it
        Invalid(
            _THROUGH_FUNCTION.replace("{out}", "model(x)"),
            line=34,
            col=27,
            message="F.ctc_loss receives raw logits (nn.Linear layer at line 26)",
        ),
    )
