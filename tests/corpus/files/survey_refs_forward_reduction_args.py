"""look-alike [LG010] (survey: torch torch/_refs/nn/functional/__init__.py): a wrapper keeps the old signature and forwards size_average/reduce, None by default; passing None is the current default, not the deprecated use."""
import argparse

import torch
import torch.nn.functional as F


def smooth_l1(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """Drop-in for F.smooth_l1_loss that also accepts beta == 0 (plain L1)."""
    if beta == 0.0:
        return F.l1_loss(input, target, size_average=size_average, reduce=reduce, reduction=reduction)
    return F.smooth_l1_loss(input, target, reduction=reduction, beta=beta)


def robust_l1(input, target):
    return F.l1_loss(input, target, size_average=None, reduce=None, reduction="sum")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--beta", type=float, default=0.0)
    args = parser.parse_args()
    model = torch.nn.Linear(8, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(10):
        x, y = torch.randn(32, 8), torch.randn(32, 2)
        optimizer.zero_grad()
        loss = smooth_l1(model(x), y, beta=args.beta) + 0.1 * robust_l1(model(x), y)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
