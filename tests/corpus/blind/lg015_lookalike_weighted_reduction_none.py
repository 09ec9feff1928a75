"""look-alike [LG015, LG004]: reduction='none' losses are multiplied by sample weights / masked and averaged before backward(); hard-negative mining takes topk then mean."""
import torch
import torch.nn as nn


def weighted_step(model, optimizer, x, y, w):
    criterion = nn.BCEWithLogitsLoss(reduction="none")
    per_sample = criterion(model(x).squeeze(-1), y.float())
    loss = (per_sample * w).sum() / w.sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def masked_token_step(model, optimizer, ids, labels, mask):
    ce = nn.CrossEntropyLoss(reduction="none")
    logits = model(ids)
    tok_loss = ce(logits.transpose(1, 2), labels)
    loss = (tok_loss * mask).sum() / mask.sum().clamp(min=1)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def ohem_step(model, optimizer, x, y, ratio=0.25):
    ce = nn.CrossEntropyLoss(reduction="none")
    losses = ce(model(x), y)
    hard, _ = losses.topk(max(1, int(ratio * losses.numel())))
    hard.mean().backward()
    optimizer.step()
    optimizer.zero_grad()


def train(model, loader, epochs=3):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for x, y, w in loader:
            weighted_step(model, opt, x, y, w)
        print(epoch)


if __name__ == "__main__":
    net = nn.Linear(8, 1)
    o = torch.optim.SGD(net.parameters(), lr=0.1)
    print(weighted_step(net, o, torch.randn(4, 8), torch.tensor([0, 1, 1, 0]), torch.ones(4)))
