"""positive [LG001]: a blog's bug demonstration: softmax probabilities into F.cross_entropy (with label smoothing) when bug=True, the default."""

# Source: https://cloud.tencent.com/developer/article/2571902 (a Chinese post on multi-class training whose validation
# accuracy stalls below 70%: softmax before CrossEntropyLoss, plus label smoothing, smooths twice), its script,
# re-typed and renamed (comments translated; the excerpt ends inside the logging block). The post's fix: pass the
# logits to cross_entropy. train() is never called in the excerpt; its default is the buggy path.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class MLP(nn.Module):
    def __init__(self, d_in=20, d_hidden=64, n_class=5):
        super().__init__()
        self.f = nn.Sequential(nn.Linear(d_in, d_hidden), nn.ReLU(), nn.Linear(d_hidden, n_class))

    def forward(self, x):
        return self.f(x)  # raw logits


def make_loader(n=6000, bs=64):
    # a linearly separable 5-class problem (converges fast)
    X = torch.randn(n, 20)
    w = torch.randn(20, 5)
    b = torch.randn(5)
    y = (X @ w + b).argmax(dim=1)
    ds = torch.utils.data.TensorDataset(X, y)
    return torch.utils.data.DataLoader(ds, batch_size=bs, shuffle=True, drop_last=True)


def train(bug=True, steps=300, smoothing=0.1):
    model = MLP()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    loader = make_loader()
    it = iter(loader)
    losses, accs = [], []
    for step in range(1, steps + 1):
        try:
            x, y = next(it)
        except StopIteration:
            it = iter(loader)
            x, y = next(it)
        logits = model(x)  # [B, C]
        if bug:
            # wrong: softmax first, then cross entropy, with label smoothing on top
            prob = torch.softmax(logits, dim=-1)
            loss = F.cross_entropy(prob, y, label_smoothing=smoothing)  # expect: LG001
        else:
            # right: the logits straight into cross entropy
            loss = F.cross_entropy(logits, y, label_smoothing=smoothing)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            pred = logits.argmax(dim=1)
            acc = (pred == y).float().mean().item()
        losses.append(loss.item())
        accs.append(acc)
        if step % 50 == 0:
            gnorm = 0.0
            for p in model.parameters():
                if p.grad is not None:
                    gnorm += p.grad.norm().item()
