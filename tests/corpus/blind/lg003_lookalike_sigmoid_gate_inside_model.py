"""look-alike [LG003, LG016]: torch.sigmoid is used as a gate (squeeze-excitation, GLU) inside the model, but the last op is nn.Linear, so BCEWithLogitsLoss gets logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SEBlock(nn.Module):
    def __init__(self, ch, r=8):
        super().__init__()
        self.fc1 = nn.Linear(ch, ch // r)
        self.fc2 = nn.Linear(ch // r, ch)

    def forward(self, x):
        s = x.mean(dim=(2, 3))
        g = torch.sigmoid(self.fc2(F.relu(self.fc1(s))))
        return x * g[:, :, None, None]


class ChestXrayNet(nn.Module):
    def __init__(self, n_findings=14):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 32, 7, stride=2, padding=3), nn.ReLU())
        self.se = SEBlock(32)
        self.gate = nn.Linear(32, 64)
        self.value = nn.Linear(32, 64)
        self.out = nn.Linear(64, n_findings)

    def forward(self, x):
        h = self.se(self.stem(x)).mean(dim=(2, 3))
        h = self.value(h) * torch.sigmoid(self.gate(h))
        return self.out(h)


def train(model, loader, pos_weight, epochs=15):
    crit = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(epochs):
        for img, findings in loader:
            opt.zero_grad()
            loss = crit(model(img), findings.float())
            loss.backward()
            opt.step()
        print(epoch, loss.item())
