"""positive [LG010]: hard-example mining uses F.cross_entropy(..., reduce=False) and F.nll_loss(..., size_average=False) from the pre-0.4 API."""
import torch
import torch.nn.functional as F


def ohem_loss(logits, targets, keep_ratio=0.7):
    per_sample = F.cross_entropy(logits, targets, reduce=False)  # expect: LG010
    k = max(1, int(keep_ratio * per_sample.numel()))
    hard, _ = per_sample.topk(k)
    return hard.mean()


def eval_nll(model, loader):
    model.eval()
    total, n = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            log_probs = F.log_softmax(model(x), dim=1)
            total += F.nll_loss(log_probs, y, size_average=False).item()  # expect: LG010
            n += y.size(0)
    return total / n


def train(model, loader, val_loader, epochs=10):
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for epoch in range(epochs):
        model.train()
        for x, y in loader:
            opt.zero_grad()
            loss = ohem_loss(model(x), y)
            loss.backward()
            opt.step()
        print(epoch, eval_nll(model, val_loader))
