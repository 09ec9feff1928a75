"""look-alike [LG001, LG011]: the same exercise at the student's fix: forward returns the output layer's logits, given to nn.functional.cross_entropy; no activation left."""

# Source: bupengju/badou-jingpin@6df5e3798d 130-彭积文/week2/main.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class TwoLayerClassifier(nn.Module):
    def __init__(self, input_size, hide_size, output_size):
        super(TwoLayerClassifier, self).__init__()
        self.linear1 = nn.Linear(input_size, hide_size)
        self.linear2 = nn.Linear(hide_size, output_size)
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        x = self.linear1(x)
        y_pred = self.linear2(x)
        if y is not None:
            return self.loss(y_pred, y)
        else:
            return y_pred


def build_sample():
    x = np.random.random(5)
    y = np.zeros(5)
    y[np.argmax(x)] = 1
    return x, y


def build_dataset(count, device):
    xs, ys = [], []
    for _ in range(count):
        x, y = build_sample()
        xs.append(x)
        ys.append(y)
    return torch.FloatTensor(np.array(xs)).to(device), torch.FloatTensor(np.array(ys)).to(device)


def train(epochs=100, batch_size=100, size=5000, lr=0.001):
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    model = TwoLayerClassifier(5, 15, 5).to(device)
    optim = torch.optim.Adam(model.parameters(), lr=lr)
    train_x, train_y = build_dataset(size, device)
    for epoch in range(epochs):
        model.train()
        losses = []
        for b in range(size // batch_size):
            x = train_x[b * batch_size : (b + 1) * batch_size]
            y = train_y[b * batch_size : (b + 1) * batch_size]
            optim.zero_grad()
            loss = model(x, y)
            loss.backward()
            optim.step()
            losses.append(loss.item())
        print(epoch + 1, np.mean(losses))
