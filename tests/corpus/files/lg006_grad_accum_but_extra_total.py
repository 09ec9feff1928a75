"""positive [LG006]: gradient accumulation backpropagates each micro-batch, but `total_loss += loss` also keeps every micro-batch graph."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, accum_steps=8, epochs=1):
    model.train()
    for epoch in range(epochs):
        total_loss = 0
        optimizer.zero_grad()
        for step, (x, y) in enumerate(loader):
            loss = F.cross_entropy(model(x), y) / accum_steps
            loss.backward()
            total_loss += loss  # expect: LG006
            if (step + 1) % accum_steps == 0:
                optimizer.step()
                optimizer.zero_grad()
        print(f"epoch {epoch}: {total_loss.item() * accum_steps / len(loader):.4f}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
