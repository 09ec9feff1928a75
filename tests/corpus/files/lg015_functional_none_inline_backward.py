"""positive [LG015]: F.binary_cross_entropy_with_logits(..., reduction='none').backward() inline in a masked segmentation loop."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, epochs=10):
    for epoch in range(epochs):
        for image, mask, valid in loader:
            optimizer.zero_grad()
            logits = model(image)
            F.binary_cross_entropy_with_logits(logits, mask, reduction="none").backward()  # expect: LG015
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
