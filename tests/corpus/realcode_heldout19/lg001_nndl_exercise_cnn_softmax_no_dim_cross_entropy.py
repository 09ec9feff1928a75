"""positive [LG001, LG011]: the exercise skeleton of the nndl textbook's CNN chapter ends the MNIST network in F.softmax(out2) without dim and trains it with nn.CrossEntropyLoss, which applies log-softmax again; the softmax, the loss and the loop are given code, only layer arguments are left to the student."""
# Source: nndl/exercise at 6fe84b54 (read as is), chap5_CNN/CNN_pytorch.ipynb, the code cell; re-typed, identifiers
# renamed. The skeleton's blanks (the first Conv2d's arguments, the second conv block, the flatten's view) do not
# parse; they are filled with what their comments ask for (7x7 and 5x5 convolutions, 'same' padding, stride 1,
# ReLU and 2x2 max-pooling, flatten to (batch, 7*7*64)). `Variable(..., volatile=True)` kept as written.
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data as Data
import torchvision
from torch.autograd import Variable

LR = 1e-4
KEEP = 0.7
EPOCHS = 3
BATCH = 50

GET_MNIST = False
if not (os.path.exists('./mnist/')) or not os.listdir('./mnist/'):
    GET_MNIST = True

train_set = torchvision.datasets.MNIST(root='./mnist/', train=True, transform=torchvision.transforms.ToTensor(),
                                       download=GET_MNIST,)
train_dl = Data.DataLoader(dataset=train_set, batch_size=BATCH, shuffle=True)
test_set = torchvision.datasets.MNIST(root='./mnist/', train=False)
test_x = Variable(torch.unsqueeze(test_set.test_data, dim=1), volatile=True).type(torch.FloatTensor)[:500] / 255.
test_y = test_set.test_labels[:500].numpy()


class DigitCNN(nn.Module):
    def __init__(self):
        super(DigitCNN, self).__init__()
        self.block1 = nn.Sequential(
            nn.Conv2d(
                in_channels=1,
                out_channels=32,
                kernel_size=7,
                stride=1,
                padding=3,
            ),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.block2 = nn.Sequential(
            nn.Conv2d(32, 64, 5, 1, 2),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.fc1 = nn.Linear(7 * 7 * 64, 1024, bias=True)
        self.drop = nn.Dropout(KEEP)
        self.fc2 = nn.Linear(1024, 10, bias=True)

    def forward(self, x):
        x = self.block1(x)
        x = self.block2(x)
        x = x.view(x.size(0), -1)
        h = self.fc1(x)
        h = F.relu(h)
        h = self.drop(h)
        logits = self.fc2(h)
        probs = F.softmax(logits)  # expect: LG011
        return probs


def accuracy(net):
    global guess
    y_hat = net(test_x)
    _, idx = torch.max(y_hat, 1)
    idx = idx.view(-1)
    guess = idx.data.numpy()
    hits = np.sum(guess == test_y)
    return hits / 500.0


def fit(net):
    opt = torch.optim.Adam(net.parameters(), lr=LR)
    crit = nn.CrossEntropyLoss()
    for ep in range(EPOCHS):
        for step, (xb, yb) in enumerate(train_dl):
            x, y = Variable(xb), Variable(yb)
            out = net(x)
            loss = crit(out, y)  # expect: LG001
            opt.zero_grad()
            loss.backward()
            opt.step()
            if step != 0 and step % 20 == 0:
                print("=" * 10, step, "=" * 5, "=" * 5, "test accuracy is ", accuracy(net), "=" * 10)


if __name__ == '__main__':
    net = DigitCNN()
    fit(net)
