"""look-alike [LG001, LG002]: cross-file: criterion chosen from config; the model ends in Linear; softmax only for predictions."""
import torch
import torch.nn as nn

import config
from criteria import make_criterion


class Net(nn.Module):
    def __init__(self, n_out):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, n_out))

    def forward(self, x):
        return self.body(x)


def main(loader):
    model = Net(config.NUM_CLASSES)
    criterion = make_criterion(config.TASK)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.LR)
    for x, y in loader:
        optimizer.zero_grad()
        out = model(x)
        loss = criterion(out, y)
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        preds = torch.softmax(model(x), dim=-1).argmax(-1)
    return preds
