"""positive [LG016]: torch.sigmoid(logits) in the loop, then F.binary_cross_entropy (use the with-logits loss instead)."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, epochs=5):
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            logits = model(x)
            probs = torch.sigmoid(logits)
            loss = F.binary_cross_entropy(probs, y.float())  # expect: LG016
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
