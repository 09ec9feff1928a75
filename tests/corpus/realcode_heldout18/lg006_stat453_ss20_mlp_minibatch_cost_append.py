"""positive [LG006]: the course's sigmoid-MLP notebook appends the un-detached minibatch cost to minibatch_cost after every backward (100 epochs of MNIST minibatches), keeping every graph alive for the plot; the cost itself is F.nll_loss on torch.log of softmax probabilities, which is correct."""
# Source: rasbt/stat453-deep-learning-ss20 at 61534929 (read as is), L08-mlp/code/mlp-pytorch_sigmoid-crossentr.ipynb;
# the code cells, re-typed, identifiers renamed; the watermark cell and the unused one-hot helper cut (the same
# append is in xor-problem.ipynb, mlp-pytorch_sigmoid-mse.ipynb and L13's resnet-152.ipynb).
import time

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

# ---- cell 4
SEED = 1
BATCH = 100
EPOCHS = 100
DEV = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')

train_set = datasets.MNIST(root='data', train=True, transform=transforms.ToTensor(), download=True)
test_set = datasets.MNIST(root='data', train=False, transform=transforms.ToTensor())
train_dl = DataLoader(dataset=train_set, batch_size=BATCH, shuffle=True)
test_dl = DataLoader(dataset=test_set, batch_size=BATCH, shuffle=False)


# ---- cell 6
class SigmoidMLP(torch.nn.Module):
    def __init__(self, n_features, n_hidden, n_classes):
        super(SigmoidMLP, self).__init__()
        self.n_classes = n_classes
        self.hidden = torch.nn.Linear(n_features, n_hidden)
        self.hidden.weight.detach().normal_(0.0, 0.1)
        self.hidden.bias.detach().zero_()
        self.out = torch.nn.Linear(n_hidden, n_classes)
        self.out.weight.detach().normal_(0.0, 0.1)
        self.out.bias.detach().zero_()

    def forward(self, x):
        h = torch.sigmoid(self.hidden(x))
        logits = self.out(h)
        probas = torch.softmax(logits, dim=1)
        return logits, probas


torch.manual_seed(SEED)
net = SigmoidMLP(n_features=28 * 28, n_hidden=100, n_classes=10)
net = net.to(DEV)
opt = torch.optim.SGD(net.parameters(), lr=0.1)


def dataset_cost(net, loader):
    total = 0.
    with torch.no_grad():
        for cnt, (feats, targets) in enumerate(loader):
            feats = feats.view(-1, 28 * 28).to(DEV)
            targets = targets.to(DEV)
            logits, probas = net.forward(feats)
            c = F.nll_loss(torch.log(probas), targets)
            total += c
        return float(total) / cnt


start = time.time()
minibatch_cost = []
epoch_cost = []
for epoch in range(EPOCHS):
    net.train()
    for batch_idx, (feats, targets) in enumerate(train_dl):
        feats = feats.view(-1, 28 * 28).to(DEV)
        targets = targets.to(DEV)
        logits, probas = net(feats)
        cost = F.nll_loss(torch.log(probas), targets)
        opt.zero_grad()
        cost.backward()
        minibatch_cost.append(cost)  # expect: LG006
        opt.step()
        if not batch_idx % 50:
            print('Epoch: %03d/%03d | Batch %03d/%03d | Cost: %.4f'
                  % (epoch + 1, EPOCHS, batch_idx, len(train_dl), cost))
    cost = dataset_cost(net, train_dl)
    epoch_cost.append(cost)
    print('Epoch: %03d/%03d Train Cost: %.4f' % (epoch + 1, EPOCHS, cost))
    print('Time elapsed: %.2f min' % ((time.time() - start) / 60))

# ---- cell 7
plt.plot(range(len(minibatch_cost)), minibatch_cost)
plt.ylabel('Cross Entropy')
plt.xlabel('Minibatch')
plt.show()
plt.plot(range(len(epoch_cost)), epoch_cost)
plt.show()
