"""positive [LG001, LG010, LG011]: tutorial ConvNet whose self.fc Sequential is built with add_module and ends in ReLU then nn.Softmax(); forward calls self.conv.forward / self.fc.forward; train() calls loss.forward(model.forward(x), y) with CrossEntropyLoss(size_average=True) from main()."""
# Source: https://github.com/vinhkhuc/PyTorch-Mini-Tutorials 5_convolutional_net.py at the parent of
# f32192e649d71d49f2ee5169cede28260147026f (issue #1); re-typed, names changed, reduced.
import torch
from torch import optim
from torch.autograd import Variable

from data_util import load_mnist


class ConvNet(torch.nn.Module):
    def __init__(self, output_dim):
        super(ConvNet, self).__init__()
        self.conv = torch.nn.Sequential()
        self.conv.add_module("conv_1", torch.nn.Conv2d(1, 10, kernel_size=5))
        self.conv.add_module("maxpool_1", torch.nn.MaxPool2d(kernel_size=2))
        self.conv.add_module("relu_1", torch.nn.ReLU())
        self.conv.add_module("conv_2", torch.nn.Conv2d(10, 20, kernel_size=5))
        self.conv.add_module("maxpool_2", torch.nn.MaxPool2d(kernel_size=2))
        self.conv.add_module("relu_2", torch.nn.ReLU())
        self.fc = torch.nn.Sequential()
        self.fc.add_module("fc1", torch.nn.Linear(320, 50))
        self.fc.add_module("relu_3", torch.nn.ReLU())
        self.fc.add_module("fc2", torch.nn.Linear(50, output_dim))
        self.fc.add_module("relu_4", torch.nn.ReLU())
        self.fc.add_module("softmax", torch.nn.Softmax())  # expect: LG011

    def forward(self, x):
        x = self.conv.forward(x)
        x = x.view(-1, 320)
        return self.fc.forward(x)


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
    trX, teX, trY, teY = load_mnist(onehot=False)
    trX = torch.from_numpy(trX.reshape(-1, 1, 28, 28)).float()
    trY = torch.from_numpy(trY).long()
    model = ConvNet(output_dim=10)
    loss = torch.nn.CrossEntropyLoss(size_average=True)  # expect: LG010
    optimizer = optim.SGD(model.parameters())
    for i in range(100):
        cost = 0.
        for k in range(len(trX) // 100):
            start, end = k * 100, (k + 1) * 100
            cost += train(model, loss, optimizer, trX[start:end], trY[start:end])


if __name__ == "__main__":
    main()
