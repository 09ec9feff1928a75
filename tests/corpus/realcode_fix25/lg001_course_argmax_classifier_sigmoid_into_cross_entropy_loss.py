"""positive [LG001]: a course exercise's five-class classifier squashes its linear layer's output with torch.sigmoid and hands it to its nn.CrossEntropyLoss with integer labels (the student's fix drops the activation and passes the logits to nn.functional.cross_entropy)."""

# Source: zixuya/BadouNLP@01e3537d64 高深/week02/TorchCeClassifier.py, fixed in 82d6379435 (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class ArgmaxClassifier(nn.Module):
    def __init__(self, input_size):
        super(ArgmaxClassifier, self).__init__()
        self.linear = nn.Linear(input_size, 5)
        self.activation = torch.sigmoid
        self.loss = nn.CrossEntropyLoss()

    def forward(self, x, y=None):
        x = self.linear(x)
        y_pred = self.activation(x)
        if y is not None:
            return self.loss(y_pred, y.flatten())  # expect: LG001
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
        ys.append([y])
    return torch.FloatTensor(np.array(xs)), torch.LongTensor(np.array(ys))


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
