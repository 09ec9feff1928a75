"""part of look-alike project [LG004, LG006, LG013, LG014]: the probe picks bce_with_logits for one output and cross_entropy otherwise, and casts the targets to match (float for BCE, long for CE); fit() runs L-BFGS with zero_grad inside the closure, and fit_cv stores validation losses computed under no_grad."""
# Source: EleutherAI/elk@b702eda5e4788c6b88e73c14a22229fbf3efdfb5 elk/training/classifier.py (the commit "Support multiple choice datasets (#179)", whose review thread moved `y = y.float()` to a dtype chosen by the class count; re-typed, nullspace_project left out)
from dataclasses import dataclass

import torch
from torch import Tensor
from torch.nn.functional import (
    binary_cross_entropy_with_logits as bce_with_logits,
)
from torch.nn.functional import (
    cross_entropy,
)


@dataclass
class RegularizationPath:
    penalties: list[float]
    losses: list[float]

    @property
    def best_penalty(self) -> float:
        return self.penalties[self.losses.index(self.best_loss)]

    @property
    def best_loss(self) -> float:
        return min(self.losses)


class Classifier(torch.nn.Module):
    def __init__(self, input_dim: int, num_classes: int = 2, device=None, dtype=None):
        super().__init__()
        self.linear = torch.nn.Linear(input_dim, num_classes if num_classes > 2 else 1, device=device, dtype=dtype)
        self.linear.bias.data.zero_()
        self.linear.weight.data.zero_()

    def forward(self, x: Tensor) -> Tensor:
        return self.linear(x)

    @torch.enable_grad()
    def fit(self, x: Tensor, y: Tensor, *, l2_penalty: float = 0.1, max_iter: int = 10_000, tol: float = 1e-4) -> float:
        optimizer = torch.optim.LBFGS(self.parameters(), line_search_fn="strong_wolfe", max_iter=max_iter, tolerance_grad=tol)

        num_classes = self.linear.out_features
        loss_fn = bce_with_logits if num_classes == 1 else cross_entropy
        loss = torch.inf
        y = y.to(
            torch.get_default_dtype() if num_classes == 1 else torch.long,
        )

        def closure():
            nonlocal loss
            optimizer.zero_grad()

            logits = self(x).squeeze(-1)
            loss = loss_fn(logits, y)

            l2_reg = 0.5 * self.linear.weight.square().sum()

            reg_loss = loss + l2_penalty * l2_reg
            reg_loss.backward()

            return float(reg_loss)

        optimizer.step(closure)
        return float(loss)

    @torch.no_grad()
    def fit_cv(self, x: Tensor, y: Tensor, *, k: int = 5, max_iter: int = 10_000, num_penalties: int = 10,
               seed: int = 42, tol: float = 1e-4) -> RegularizationPath:
        num_samples = x.shape[0]
        if k < 3:
            raise ValueError("`k` must be at least 3")

        rng = torch.Generator(device=x.device)
        rng.manual_seed(seed)
        fold_size = num_samples // k
        indices = torch.randperm(num_samples, device=x.device, generator=rng)
        l2_penalties = torch.logspace(-4, 4, num_penalties).tolist()

        num_classes = self.linear.out_features
        loss_fn = bce_with_logits if num_classes == 1 else cross_entropy
        losses = x.new_zeros((k, num_penalties))
        y = y.to(
            torch.get_default_dtype() if num_classes == 1 else torch.long,
        )

        for i in range(k):
            start, end = i * fold_size, (i + 1) * fold_size
            train_indices = torch.cat([indices[:start], indices[end:]])
            val_indices = indices[start:end]
            train_x, train_y = x[train_indices], y[train_indices]
            val_x, val_y = x[val_indices], y[val_indices]

            for j, l2_penalty in enumerate(l2_penalties):
                self.fit(train_x, train_y, l2_penalty=l2_penalty, max_iter=max_iter, tol=tol)
                logits = self(val_x).squeeze(-1)
                loss = loss_fn(logits, val_y)
                losses[i, j] = loss

        mean_losses = losses.mean(dim=0)
        best_penalty = l2_penalties[mean_losses.argmin()]
        self.fit(x, y, l2_penalty=best_penalty, max_iter=max_iter, tol=tol)
        return RegularizationPath(l2_penalties, mean_losses.tolist())
