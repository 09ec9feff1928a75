"""positive [LG014]: `optimizer.zero_grad` written without parentheses: the attribute is read, the method is never called."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, epochs=5):
    model.train()
    for epoch in range(epochs):
        for step, (x, y) in enumerate(loader):
            optimizer.zero_grad
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()  # expect: LG014
            if step % 50 == 0:
                print(epoch, step, loss.item())


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
