"""positive [LG001, LG010, LG011]: tutorial MLP built as nn.Sequential() with add_module(..., nn.Softmax()) last; train() calls loss.forward(model.forward(x), y) with loss = CrossEntropyLoss(size_average=True) passed in from main()."""
# Source: https://github.com/vinhkhuc/PyTorch-Mini-Tutorials 3_neural_net.py at the parent of
# f32192e649d71d49f2ee5169cede28260147026f ("No need to use the softmax layer since CrossEntropyLoss already uses it
# internally (issue #1)"); re-typed, names changed, reduced.
import numpy as np
import torch
from torch import optim
from torch.autograd import Variable

from data_util import load_mnist


def build_model(input_dim, output_dim):
    model = torch.nn.Sequential()
    model.add_module("linear_1", torch.nn.Linear(input_dim, 512, bias=False))
    model.add_module("sigmoid_1", torch.nn.Sigmoid())
    model.add_module("linear_2", torch.nn.Linear(512, output_dim, bias=False))
    model.add_module("softmax", torch.nn.Softmax())  # expect: LG011
    return model


def train(model, loss, optimizer, x_val, y_val):
    x = Variable(x_val, requires_grad=False)
    y = Variable(y_val, requires_grad=False)
    optimizer.zero_grad()
    fx = model.forward(x)
    output = loss.forward(fx, y)  # expect: LG001
    output.backward()
    optimizer.step()
    return output.data[0]


def main():
    torch.manual_seed(42)
    trX, teX, trY, teY = load_mnist(onehot=False)
    trX = torch.from_numpy(trX).float()
    trY = torch.from_numpy(trY).long()
    n_examples, n_features = trX.size()
    model = build_model(n_features, 10)
    loss = torch.nn.CrossEntropyLoss(size_average=True)  # expect: LG010
    optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    batch_size = 100
    for i in range(100):
        cost = 0.
        num_batches = n_examples // batch_size
        for k in range(num_batches):
            start, end = k * batch_size, (k + 1) * batch_size
            cost += train(model, loss, optimizer, trX[start:end], trY[start:end])


if __name__ == "__main__":
    main()
