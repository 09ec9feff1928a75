"""part of look-alike project [LG001, LG002, LG016]: the notebook scores the two softmax probabilities with F.binary_cross_entropy against one-hot gender labels: bounded inputs, float targets of the same shape, the test loss summed as .item() under no_grad."""
# Source: BlissChapman/AgingBrains@1625f85af8c570351ef4684c2231d5c72214ea39 UTKFace_Classifier.ipynb (read as is; the .py text of the code cells without the %%time magic, the plotting helper and the prediction display left out; re-typed, identifiers renamed)
import os

import numpy as np
import torch
import torch.utils.data
from torch import nn, optim
from torch.nn import functional as F
from torchvision import transforms
from tqdm import tqdm

from data import UTKFace
from models import Classifier

epochs = 3
batch_size = 128

faces = UTKFace(transform=transforms.Compose([
                    transforms.Grayscale(),
                    transforms.Resize((256, 256)),
                    transforms.ToTensor()]),
                label='gender')

order = np.arange(len(faces))
np.random.seed(0)
np.random.shuffle(order)
cut = int(0.9 * len(faces))
train_set = torch.utils.data.Subset(faces, order[:cut])
test_set = torch.utils.data.Subset(faces, order[cut:])
train_loader = torch.utils.data.DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=4)
test_loader = torch.utils.data.DataLoader(test_set, batch_size=batch_size, shuffle=True, num_workers=4)

device = torch.device("cuda")
net = Classifier(2).to(device)
opt = optim.Adam(net.parameters(), lr=1e-6)


def train(epoch):
    net.train()
    running = 0
    hits = 0
    for imgs, onehot in tqdm(train_loader):
        onehot = onehot.to(device)
        imgs = imgs.to(device)
        opt.zero_grad()
        probs = net(imgs)
        hits += torch.eq(torch.argmax(onehot, dim=1), torch.argmax(probs, dim=1)).sum()
        loss = F.binary_cross_entropy(probs, onehot)
        loss.backward()
        running += loss.item()
        opt.step()
    acc = hits.float() / len(train_loader.dataset)
    print('====> Epoch: {} acc: {:.4f} avg loss: {:.4f}'.format(epoch, acc, running / len(train_loader.dataset)))


def test(epoch):
    net.eval()
    running = 0
    hits = 0
    with torch.no_grad():
        for imgs, onehot in tqdm(test_loader):
            onehot = onehot.to(device)
            imgs = imgs.to(device)
            probs = net(imgs)
            hits += torch.eq(torch.argmax(onehot, dim=1), torch.argmax(probs, dim=1)).sum()
            running += F.binary_cross_entropy(probs, onehot).item()
    running /= len(test_loader.dataset)
    print('====> Test acc: {:.4f}, loss: {:.4f}'.format(hits.float() / len(test_loader.dataset), running))


weights = 'weights/{}_{}.pt'.format(net.__class__.__name__, faces.__class__.__name__)
if os.path.exists(weights):
    net.load_state_dict(torch.load(weights))

for epoch in range(1, epochs + 1):
    train(epoch)
    test(epoch)

torch.save(net.state_dict(), weights)
