"""positive [LG003]: the course's multilabel network ends its forward in nn.Sigmoid() (a module stored on self) and is trained with nn.BCEWithLogitsLoss, so the sigmoid is applied twice."""
# Source: PacktPublishing/PyTorch-Ultimate-2023---From-Basics-to-Cutting-Edge at 3060b213 (read as is),
# 045_Classification/MultilabelClassification_end.py; re-typed, identifiers renamed; the seaborn plot, the naive
# classifier baseline and the string conversion of the label rows cut.
from collections import Counter

import torch
import torch.nn as nn
from sklearn.datasets import make_multilabel_classification
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset

# %% data prep
feats, tags = make_multilabel_classification(n_samples=10000, n_features=10, n_classes=3, n_labels=2)
feats_t = torch.FloatTensor(feats)
tags_t = torch.FloatTensor(tags)
f_train, f_test, t_train, t_test = train_test_split(feats_t, tags_t, test_size=0.2)


class TagData(Dataset):
    def __init__(self, f, t):
        self.f = f
        self.t = t

    def __len__(self):
        return len(self.f)

    def __getitem__(self, i):
        return self.f[i], self.t[i]


loader = DataLoader(dataset=TagData(f_train, t_train), batch_size=10)


# %% model
class TagNet(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super(TagNet, self).__init__()
        self.lin_a = nn.Linear(n_in, n_hidden)
        self.act = nn.ReLU()
        self.lin_b = nn.Linear(n_hidden, n_out)
        self.squash = nn.Sigmoid()

    def forward(self, x):
        x = self.lin_a(x)
        x = self.act(x)
        x = self.lin_b(x)
        x = self.squash(x)
        return x


net = TagNet(n_in=feats_t.shape[1], n_hidden=20, n_out=tags_t.shape[1])
net.train()

# %% training
criterion = nn.BCEWithLogitsLoss()
opt = torch.optim.Adam(net.parameters(), lr=0.01)
history = []
for epoch in range(100):
    for j, batch in enumerate(loader):
        opt.zero_grad()
        probs = net(batch[0])
        loss = criterion(probs, batch[1])  # expect: LG003
        history.append(loss.item())
        loss.backward()
        opt.step()
    if epoch % 10 == 0:
        print(f"Epoch {epoch}, Loss: {loss.data}")

# %% test
with torch.no_grad():
    t_hat = net(f_test).round()
print(accuracy_score(t_test, t_hat))
print(Counter([str(row) for row in t_test.numpy()]).most_common()[0][1] / len(t_test))
