"""positive [LG006]: a crosswalk-detector training loop sums the total loss and its MSE and cross-entropy parts into running totals without .item()."""
# Source: issue https://github.com/samuelyu2002/ImVisible/issues/2 (maintainer's fix: change
# `running_loss += loss` and the two part losses to `.item()`, train.py lines 97-99); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class LytNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 16, 3, 2, 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.classes = nn.Linear(16, 5)
        self.direction = nn.Linear(16, 4)

    def forward(self, x):
        f = self.backbone(x)
        return self.classes(f), self.direction(f)


def train(net, trainloader, epochs):
    criterion_ce = nn.CrossEntropyLoss()
    criterion_mse = nn.MSELoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    for epoch in range(epochs):
        running_loss = 0.0
        running_loss_MSE = 0.0
        running_loss_cross_entropy = 0.0
        for i, data in enumerate(trainloader, 0):
            images, mode, points = data
            optimizer.zero_grad()
            pred_classes, pred_direc = net(images)
            MSE = criterion_mse(pred_direc, points)
            cross_entropy = criterion_ce(pred_classes, mode)
            loss = MSE + 0.5 * cross_entropy
            loss.backward()
            optimizer.step()
            running_loss += loss  # expect: LG006
            running_loss_MSE += MSE  # expect: LG006
            running_loss_cross_entropy += cross_entropy  # expect: LG006
        print(epoch, running_loss / len(trainloader))


if __name__ == "__main__":
    train(LytNet(), [], 100)
