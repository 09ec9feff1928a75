"""positive [LG001]: a course exercise's five-class classifier (the index of a random vector's largest entry) keeps nn.functional.softmax as its activation and hands its output to nn.functional.cross_entropy with one-hot targets (the student's fix comments the activation out, "no softmax here: cross_entropy has it", and passes the linear layer's logits)."""

# Source: zixuya/BadouNLP@d707ff9354 张鑫/week02/MyFirstTorch.py, fixed in 863e00b976 (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class MaxIndexClassifier(nn.Module):
    def __init__(self, input_size, num_classes):
        super(MaxIndexClassifier, self).__init__()
        self.linear = nn.Linear(input_size, num_classes)
        self.activation = nn.functional.softmax
        self.loss = nn.functional.cross_entropy

    def forward(self, x, y=None):
        x = self.linear(x)
        y_pred = self.activation(x, dim=1)
        if y is None:
            return y_pred
        else:
            return self.loss(y_pred, y)  # expect: LG001


def build_sample():
    x = np.random.random(5)
    y = np.zeros_like(x)
    y[np.argmax(x)] = 1
    return x, y


def build_dataset(count):
    xs, ys = [], []
    for _ in range(count):
        x, y = build_sample()
        xs.append(x)
        ys.append(y)
    return torch.FloatTensor(np.array(xs)), torch.FloatTensor(np.array(ys))


def main(epochs=20, size=5000, batch_size=20, lr=0.001):
    train_x, train_y = build_dataset(size)
    model = MaxIndexClassifier(5, 5)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        model.train()
        losses = []
        for b in range(size // batch_size):
            x = train_x[b * batch_size : (b + 1) * batch_size]
            y = train_y[b * batch_size : (b + 1) * batch_size]
            loss = model.forward(x, y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            losses.append(loss.item())
        print(epoch + 1, np.mean(losses))
    torch.save(model.state_dict(), "model.bin")
