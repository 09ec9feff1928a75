"""look-alike [LG001]: the same exercise at the student's fix: the linear layer's logits go to nn.functional.cross_entropy."""

# Source: yue125/badou-jingpingban@cfe501119b 74-冯晓骏/torchhomework.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class LargestEntryModel(nn.Module):
    def __init__(self, input_size):
        super(LargestEntryModel, self).__init__()
        self.linear1 = nn.Linear(input_size, 5)
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        y_pred = self.linear1(x)
        if y is not None:
            return self.loss(y_pred, y)
        else:
            return y_pred


def build_samples():
    x = np.random.random(5)
    return x, np.argmax(x)


def build_dataset(total):
    xs, ys = [], []
    for _ in range(total):
        x, y = build_samples()
        xs.append(x)
        ys.append(y)
    return torch.FloatTensor(np.array(xs)), torch.LongTensor(np.array(ys))


def main(epochs=20, batch_size=20, train_sample=5000, input_size=5, learning_rate=0.001):
    model = LargestEntryModel(input_size)
    optim = torch.optim.Adam(model.parameters(), lr=learning_rate)
    train_x, train_y = build_dataset(train_sample)
    for epoch in range(epochs):
        model.train()
        losses = []
        for b in range(train_sample // batch_size):
            x = train_x[b * batch_size : (b + 1) * batch_size]
            y = train_y[b * batch_size : (b + 1) * batch_size]
            loss = model(x, y)
            loss.backward()
            optim.step()
            optim.zero_grad()
            losses.append(loss.item())
        print(epoch + 1, np.mean(losses))
