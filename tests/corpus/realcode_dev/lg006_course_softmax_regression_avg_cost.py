"""positive [LG006]: a course notebook's softmax-regression loop adds the cross-entropy tensor itself to the epoch's running cost after backward(), so every batch's graph stays alive until the epoch ends."""
# Source: https://github.com/rasbt/stat453-deep-learning-ss21 L08/code/softmax-regression-mnist.ipynb at
# 2202699c5fd38af398e2682f289a0868b1b91f0e (code cells 7, 9-11); re-typed, names changed, reduced.
import time

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
seed = 123
lr = 0.1
epochs = 25
batch = 256

train_set = datasets.MNIST(root="data", train=True, transform=transforms.ToTensor(), download=True)
train_loader = DataLoader(dataset=train_set, batch_size=batch, shuffle=True)


class SoftmaxRegression(torch.nn.Module):
    def __init__(self, n_in, n_out):
        super(SoftmaxRegression, self).__init__()
        self.linear = torch.nn.Linear(n_in, n_out)
        self.linear.weight.detach().zero_()
        self.linear.bias.detach().zero_()

    def forward(self, x):
        logits = self.linear(x)
        probas = F.softmax(logits, dim=1)
        return logits, probas


model = SoftmaxRegression(784, 10)
model.to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=lr)

torch.manual_seed(seed)
start = time.time()
history = []
for epoch in range(epochs):
    running = 0.0
    for i, (x, y) in enumerate(train_loader):
        x = x.view(-1, 28 * 28).to(device)
        y = y.to(device)
        logits, probas = model(x)
        cost = F.cross_entropy(logits, y)
        optimizer.zero_grad()
        cost.backward()
        running += cost  # expect: LG006
        optimizer.step()
        if not i % 50:
            print("Epoch: %03d/%03d | Batch %03d | Cost: %.4f" % (epoch + 1, epochs, i, cost))
    with torch.set_grad_enabled(False):
        running = running / len(train_set)
        history.append(running)
        print("Time elapsed: %.2f min" % ((time.time() - start) / 60))
