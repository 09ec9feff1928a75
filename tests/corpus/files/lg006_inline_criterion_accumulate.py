"""positive [LG006]: the loss expression itself is accumulated: `sum_loss += F.l1_loss(...)` in an unpaired image-to-image loop."""
import torch
import torch.nn.functional as F


def train(gen, loader, optimizer, epochs=5):
    for epoch in range(epochs):
        sum_loss = 0
        for src, dst in loader:
            optimizer.zero_grad()
            fake = gen(src)
            l1 = F.l1_loss(fake, dst)
            l1.backward()
            optimizer.step()
            sum_loss += F.l1_loss(fake, dst)  # expect: LG006
        print(epoch, sum_loss / len(loader))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
