"""look-alike [LG001]: the same course exercise at the student's fix: the linear layer's logits go to nn.functional.cross_entropy with one label per sample."""

# Source: zixuya/BadouNLP@82d6379435 高深/week02/TorchCeClassifier.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class ArgmaxClassifier(nn.Module):
    def __init__(self, input_size):
        super(ArgmaxClassifier, self).__init__()
        self.linear = nn.Linear(input_size, 5)
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        y_pred = self.linear(x)
        if y is not None:
            return self.loss(y_pred, y)
        else:
            return y_pred


def build_sample():
    x = np.random.random(5)
    return x, x.argmax()


def build_dataset(count):
    xs, ys = [], []
    for _ in range(count):
        x, y = build_sample()
        xs.append(x)
        ys.append(y)
    return torch.FloatTensor(xs), torch.LongTensor(ys)


def main(epochs=20, batch_size=20, per_epoch=5000, lr=0.001):
    model = ArgmaxClassifier(5)
    optim = torch.optim.Adam(model.parameters(), lr=lr)
    train_x, train_y = build_dataset(per_epoch)
    for epoch in range(epochs):
        model.train()
        losses = []
        for b in range(per_epoch // batch_size):
            x = train_x[b * batch_size : (b + 1) * batch_size]
            y = train_y[b * batch_size : (b + 1) * batch_size]
            loss = model(x, y)
            loss.backward()
            optim.step()
            optim.zero_grad()
            losses.append(loss.item())
        print(epoch + 1, np.mean(losses))
