"""positive [LG006]: multi-task loop logs the combined loss tensor into a history list without .item(); the per-task values are correctly converted."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiTaskNet(nn.Module):
    def __init__(self, d_in=128, n_cls=5):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(d_in, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU())
        self.cls = nn.Linear(128, n_cls)
        self.reg = nn.Linear(128, 1)

    def forward(self, x):
        h = self.shared(x)
        return self.cls(h), self.reg(h).squeeze(-1)


def train(model, loader, epochs=25, w_reg=0.3):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    history = []
    task_hist = {"cls": [], "reg": []}
    for epoch in range(epochs):
        for x, y_cls, y_reg in loader:
            logits, value = model(x)
            l_cls = F.cross_entropy(logits, y_cls)
            l_reg = F.smooth_l1_loss(value, y_reg)
            total = l_cls + w_reg * l_reg
            opt.zero_grad()
            total.backward()
            opt.step()
            history.append(total)  # expect: LG006
            task_hist["cls"].append(l_cls.item())
            task_hist["reg"].append(l_reg.item())
        print(epoch, sum(task_hist["cls"][-len(loader):]) / len(loader))
    return history, task_hist


if __name__ == "__main__":
    net = MultiTaskNet()
    a, b = net(torch.randn(3, 128))
    print(a.shape, b.shape)
