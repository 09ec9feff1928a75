"""positive [LG016]: an nn.Sigmoid() module applied in the training function (not in the model) right before BCELoss; multi-line call."""
import torch
import torch.nn as nn

sigmoid = nn.Sigmoid()
bce = nn.BCELoss(weight=None)


def train_step(model, x, y, optimizer):
    optimizer.zero_grad()
    scores = sigmoid(model(x))
    loss = bce(
        scores,  # expect: LG016
        y,
    )
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
