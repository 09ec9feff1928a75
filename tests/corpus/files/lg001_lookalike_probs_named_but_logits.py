"""look-alike [LG001]: variables named `probs` / `scores_softmax` hold raw logits (lying names); CE gets logits."""
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, d_in, n_out):
        super().__init__()
        self.norm = nn.LayerNorm(d_in)
        self.fc = nn.Linear(d_in, n_out)

    def forward(self, x):
        probs = self.fc(self.norm(x))  # historical name, these are logits
        return probs


backbone = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU())
head = Head(256, 10)
params = list(backbone.parameters()) + list(head.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
criterion = nn.CrossEntropyLoss()

for it in range(500):
    x = torch.randn(64, 128)
    y = torch.randint(0, 10, (64,))
    probs = head(backbone(x))
    scores_softmax = probs
    optimizer.zero_grad()
    loss = criterion(scores_softmax, y)
    loss.backward()
    optimizer.step()
