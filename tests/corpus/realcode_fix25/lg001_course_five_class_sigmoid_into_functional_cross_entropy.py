"""positive [LG001]: a third cohort's exercise (the index of a random vector's largest entry) passes torch.sigmoid of its linear layer's output to nn.functional.cross_entropy with integer labels (the student's fix, "removed the sigmoid activation: the loss now converges towards 0", passes the logits)."""

# Source: yue125/badou-jingpingban@85581bdbb0 74-冯晓骏/torchhomework.py, fixed in cfe501119b (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class LargestEntryModel(nn.Module):
    def __init__(self, input_size):
        super(LargestEntryModel, self).__init__()
        self.linear1 = nn.Linear(input_size, 5)
        self.activation = torch.sigmoid
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        x1 = self.linear1(x)
        y_pred = self.activation(x1)
        if y is not None:
            return self.loss(y_pred, y)  # expect: LG001
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
