"""positive [LG006]: `running = running + loss` with backward() on each step's loss; the running sum keeps every graph."""
import torch
import torch.nn.functional as F


def train_epoch(model, loader, optimizer):
    model.train()
    running = torch.zeros(())
    for step, (tokens, labels) in enumerate(loader):
        optimizer.zero_grad()
        logits = model(tokens)
        loss = F.cross_entropy(logits, labels)
        loss.backward()
        optimizer.step()
        running = running + loss  # expect: LG006
        if step % 100 == 99:
            print(f"step {step + 1}: avg loss {(running / (step + 1)).item():.4f}")
    return running / len(loader)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
