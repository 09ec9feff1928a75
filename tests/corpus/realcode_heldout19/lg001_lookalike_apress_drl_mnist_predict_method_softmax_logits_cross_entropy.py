"""look-alike [LG001, LG011]: the PyTorch primer notebook of Apress's Deep Reinforcement Learning with Python: the MLP's forward returns logits for nn.CrossEntropyLoss, and a separate predict method (used for test accuracy and the probability plot) applies F.softmax(dim=1); the training loop keeps running_loss with loss.item()."""
# Source: Apress/Deep-Reinforcement-Learning-with-Python at 32fa7ebb (read as is), chapter5/5.c-Intro-to-pytorch.ipynb,
# code cells 1-2, 6-8 and 10-12; re-typed, identifiers renamed; the `%matplotlib inline` line and the shape-probe cells
# cut. chapter5/5.d-Intro-to-pytorch-lightning.ipynb trains the same MLP (as an nn.Sequential) in a LightningModule
# with F.cross_entropy on its logits.
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import datasets, transforms

# ---- cell 2
tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(0.5, 0.5)])
train_set = datasets.MNIST('MNIST_data/', download=True, train=True, transform=tf)
train_dl = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
test_set = datasets.MNIST('MNIST_data/', download=True, train=False, transform=tf)
test_dl = torch.utils.data.DataLoader(test_set, batch_size=128, shuffle=True)


# ---- cell 6
class DigitMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(784, 192)
        self.l2 = nn.Linear(192, 128)
        self.l3 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.l1(x)
        x = F.relu(x)
        x = self.l2(x)
        x = F.relu(x)
        x = self.l3(x)
        return x

    def predict(self, x):
        logits = self.forward(x)
        return F.softmax(logits, dim=1)


net = DigitMLP()


# ---- cell 7
def show_probs(img, probs):
    probs = probs.data.numpy().squeeze()
    fig, (ax1, ax2) = plt.subplots(figsize=(6, 7), ncols=2)
    ax1.imshow(img.numpy().squeeze())
    ax2.barh(np.arange(10), probs)


# ---- cell 8
it = iter(train_dl)
imgs, labels = next(it)
imgs.resize_(128, 784)
logits = net.forward(imgs)
probs = F.softmax(logits, dim=1)
img = imgs[0].data
show_probs(img.reshape(1, 28, 28), probs[0])
# ---- cell 10
net = DigitMLP()
opt = optim.Adam(net.parameters(), lr=0.001)
loss_fn = nn.CrossEntropyLoss()
# ---- cell 11
EPOCHS = 1
steps = 0
running = 0
EVAL_EVERY = 10
for e in range(EPOCHS):
    for imgs, labels in iter(train_dl):
        steps += 1
        imgs.resize_(imgs.size()[0], 784)
        opt.zero_grad()
        out = net.forward(imgs)
        loss = loss_fn(out, labels)
        loss.backward()
        opt.step()
        running += loss.item()
        if steps % EVAL_EVERY == 0:
            acc = 0
            for j, (imgs, labels) in enumerate(test_dl):
                imgs = imgs.resize_(imgs.size()[0], 784)
                p = net.predict(imgs).data
                same = (labels == p.max(1)[1])
                acc += same.type_as(torch.FloatTensor()).mean()
            print("Epoch: {}/{}".format(e + 1, EPOCHS),
                  "Loss: {:.4f}".format(running / EVAL_EVERY),
                  "Test accuracy: {:.4f}".format(acc / (j + 1)))
            running = 0
# ---- cell 12
logits = net.forward(img[None,])
probs = F.softmax(logits, dim=1)
show_probs(img.reshape(1, 28, 28), probs[0])
