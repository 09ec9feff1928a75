"""positive [LG013]: the label column is read as float and flattened with view(-1) (a rank-1 float class-index target) before F.cross_entropy."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset


class CsvDataset(Dataset):
    def __init__(self, frame):
        self.x = torch.tensor(frame.drop(columns=["target"]).values, dtype=torch.float32)
        self.y = torch.tensor(frame["target"].values)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Mlp(nn.Module):
    def __init__(self, d_in, n_cls=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 64), nn.ReLU(), nn.Linear(64, n_cls))

    def forward(self, x):
        return self.net(x)


def train(frame, epochs=40):
    ds = CsvDataset(frame)
    loader = DataLoader(ds, batch_size=32, shuffle=True)
    model = Mlp(ds.x.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for epoch in range(epochs):
        for xb, yb in loader:
            target = yb.float().view(-1)
            logits = model(xb)
            loss = F.cross_entropy(logits, target)  # expect: LG013
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())
    return model
