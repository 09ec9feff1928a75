"""look-alike [LG005, LG013]: CE with (64, 10) logits and torch.randint(0, 10, (64,)) targets; keepdim only in the metric."""
import torch
import torch.nn as nn

model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 512), nn.ReLU(), nn.Linear(512, 10))
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

for step in range(100):
    images = torch.randn(64, 3, 32, 32)
    labels = torch.randint(0, 10, (64,))
    logits = model(images)
    loss = criterion(logits, labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    top1 = logits.argmax(dim=1, keepdim=True)
    acc = (top1 == labels.view(-1, 1)).float().mean()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
