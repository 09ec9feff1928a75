"""look-alike [LG003]: token-confidence head nn.Sequential(nn.Linear(dim, 1), nn.Sigmoid()); the loss indexes self.token[0] (the Linear alone) and feeds those logits to BCEWithLogitsLoss; only inference uses the full head."""
# Source: issue https://github.com/cvg/glue-factory/issues/89 (class TokenConfidence posted in the thread; the
# reporter suspected a double sigmoid, but token[0] is the Linear layer); re-typed, names changed. Correct code.
import torch
from torch import nn


class TokenConfidence(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.token = nn.Sequential(nn.Linear(dim, 1), nn.Sigmoid())
        self.loss_fn = nn.BCEWithLogitsLoss(reduction="none")

    def forward(self, desc0: torch.Tensor, desc1: torch.Tensor):
        return (
            self.token(desc0.detach()).squeeze(-1),
            self.token(desc1.detach()).squeeze(-1),
        )

    def loss(self, desc0, desc1, la_now, la_final):
        logit0 = self.token[0](desc0.detach()).squeeze(-1)
        logit1 = self.token[0](desc1.detach()).squeeze(-1)
        la_now, la_final = la_now.detach(), la_final.detach()
        correct0 = la_final[:, :-1, :].max(-1).indices == la_now[:, :-1, :].max(-1).indices
        correct1 = la_final[:, :, :-1].max(-2).indices == la_now[:, :, :-1].max(-2).indices
        return (
            self.loss_fn(logit0, correct0.float()).mean(-1)
            + self.loss_fn(logit1, correct1.float()).mean(-1)
        ) / 2.0
