"""positive [LG015]: noisy-label trainer computes F.cross_entropy(..., reduction='none') to rank samples, then calls backward() on the unreduced vector."""
import torch
import torch.nn.functional as F


def small_loss_selection(per_sample, keep=0.8):
    k = int(keep * per_sample.numel())
    return torch.argsort(per_sample)[:k]


def train_epoch(model, loader, optimizer, epoch, device="cuda"):
    model.train()
    kept_total = 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        losses = F.cross_entropy(logits, y, reduction="none")
        idx = small_loss_selection(losses.detach())
        kept_total += idx.numel()
        optimizer.zero_grad()
        losses.backward()  # expect: LG015
        optimizer.step()
    print(f"epoch {epoch}: kept {kept_total} samples")


def main(model, loader, epochs=100):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9, weight_decay=1e-3)
    for epoch in range(epochs):
        train_epoch(model, loader, optimizer, epoch)
