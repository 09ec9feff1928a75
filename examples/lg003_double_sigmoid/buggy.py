"""buggy: multi-label tagger trained with BCEWithLogitsLoss (LG003 double-sigmoid)."""
import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self, n_features=128, n_tags=8):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_features, 64), nn.ReLU())
        self.head = nn.Linear(64, n_tags)

    def forward(self, x):
        return self.head(self.body(x))


model = Tagger()
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for step in range(500):
    features = torch.randn(32, 128)
    tags = torch.randint(0, 2, (32, 8)).float()
    optimizer.zero_grad()
    logits = model(features)
    probs = torch.sigmoid(logits)
    loss = criterion(probs, tags)  # expect: LG003
    loss.backward()
    optimizer.step()
    if step % 100 == 0:
        hit_rate = ((probs > 0.5).float() == tags).float().mean()
        print(step, loss.item(), hit_rate.item())
