"""positive [LG001, LG011]: a second course's week-2 exercise (another cohort's repository) builds a two-layer classifier whose forward squashes the hidden layer with a sigmoid and the output with nn.functional.softmax, called without dim, and hands the probabilities to nn.functional.cross_entropy with one-hot targets (the student's fix, "week2 home work", passes the output layer's logits and drops both activations)."""

# Source: bupengju/badou-jingpin@82a5424cfd 130-彭积文/week2/main.py, fixed in 6df5e3798d (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class TwoLayerClassifier(nn.Module):
    def __init__(self, input_size, hide_size, output_size):
        super(TwoLayerClassifier, self).__init__()
        self.linear1 = nn.Linear(input_size, hide_size)
        self.linear2 = nn.Linear(hide_size, output_size)
        self.activation1 = nn.functional.sigmoid
        self.activation2 = nn.functional.softmax
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        x = self.linear1(x)
        x = self.activation1(x)
        x = self.linear2(x)
        y_pred = self.activation2(x)  # expect: LG011
        if y is not None:
            return self.loss(y_pred, y)  # expect: LG001
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
