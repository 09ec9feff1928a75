"""look-alike [LG006]: per-task `losses.append(loss)` inside one step, then torch.stack(losses).mean().backward() in the same step."""
import torch
import torch.nn as nn


class MultiTask(nn.Module):
    def __init__(self, d=128, tasks=("sentiment", "topic", "toxicity")):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(300, d), nn.ReLU())
        self.heads = nn.ModuleDict({t: nn.Linear(d, 3) for t in tasks})

    def forward(self, x):
        h = self.shared(x)
        return {t: head(h) for t, head in self.heads.items()}


model = MultiTask()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader):
    for x, labels in loader:
        outputs = model(x)
        losses = []
        for task, logits in outputs.items():
            loss = criterion(logits, labels[task])
            losses.append(loss)
        total = torch.stack(losses).mean()
        optimizer.zero_grad()
        total.backward()
        optimizer.step()
