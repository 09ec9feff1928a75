"""positive [LG001]: the Korean PyTorch textbook's dogs-vs-cats LeNet ends its forward in a stored nn.Softmax(dim=1); the notebook builds nn.CrossEntropyLoss and hands it to its train_model helper, which scores the probabilities with it (train and val phases)."""
# Source: gilbutITbook/080289 at 6ccdc7c0 (read as is), chap06/python_6장.ipynb, code cells 2-3, 7-12 and 15-19
# (section 6.1.1, LeNet); re-typed, identifiers renamed; the image-grid display cells, the torchsummary call, the
# file-list shuffling and the CSV export cut (the file lists stay undefined). The inference cell applies F.softmax
# once more to the already-softmaxed outputs (for the submission probabilities).
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image
from torch import optim
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms
from tqdm import tqdm_notebook as tqdm

# ---- cell 2
dev = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


# ---- cell 3
class PetTransform():
    def __init__(self, resize, mean, std):
        self.by_phase = {
            'train': transforms.Compose([
                transforms.RandomResizedCrop(resize, scale=(0.5, 1.0)),
                transforms.RandomHorizontalFlip(),
                transforms.ToTensor(),
                transforms.Normalize(mean, std)
            ]),
            'val': transforms.Compose([
                transforms.Resize(256),
                transforms.CenterCrop(resize),
                transforms.ToTensor(),
                transforms.Normalize(mean, std)
            ])
        }

    def __call__(self, img, phase):
        return self.by_phase[phase](img)


# ---- cell 7
class PetDataset(Dataset):
    def __init__(self, paths, transform=None, phase='train'):
        self.paths = paths
        self.transform = transform
        self.phase = phase

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        path = self.paths[i]
        img = Image.open(path)
        img = self.transform(img, self.phase)
        name = path.split('/')[-1].split('.')[0]
        if name == 'dog':
            y = 1
        elif name == 'cat':
            y = 0
        return img, y


# ---- cell 8
SIZE = 224
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
BATCH = 32
# ---- cell 9
train_set = PetDataset(train_paths, transform=PetTransform(SIZE, MEAN, STD), phase='train')
val_set = PetDataset(val_paths, transform=PetTransform(SIZE, MEAN, STD), phase='val')
# ---- cell 10
train_dl = DataLoader(train_set, batch_size=BATCH, shuffle=True)
val_dl = DataLoader(val_set, batch_size=BATCH, shuffle=False)
loaders = {'train': train_dl, 'val': val_dl}


# ---- cell 11
class TinyLeNet(nn.Module):
    def __init__(self):
        super(TinyLeNet, self).__init__()
        self.conv_a = nn.Conv2d(in_channels=3, out_channels=16, kernel_size=5, stride=1, padding=0)
        self.act_a = nn.ReLU()
        self.pool_a = nn.MaxPool2d(kernel_size=2)
        self.conv_b = nn.Conv2d(in_channels=16, out_channels=32, kernel_size=5, stride=1, padding=0)
        self.act_b = nn.ReLU()
        self.pool_b = nn.MaxPool2d(kernel_size=2)
        self.fc_a = nn.Linear(32 * 53 * 53, 512)
        self.act_c = nn.ReLU()
        self.fc_b = nn.Linear(512, 2)
        self.head = nn.Softmax(dim=1)

    def forward(self, x):
        h = self.conv_a(x)
        h = self.act_a(h)
        h = self.pool_a(h)
        h = self.conv_b(h)
        h = self.act_b(h)
        h = self.pool_b(h)
        h = h.view(h.size(0), -1)
        h = self.fc_a(h)
        h = self.fc_b(h)
        h = self.head(h)
        return h


# ---- cell 12
net = TinyLeNet()
print(net)
# ---- cell 15
opt = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
crit = nn.CrossEntropyLoss()
# ---- cell 16
net = net.to(dev)
crit = crit.to(dev)


# ---- cell 17
def fit(model, loaders, criterion, optimizer, n_epochs):
    t0 = time.time()
    best = 0.0
    for ep in range(n_epochs):
        print('Epoch {}/{}'.format(ep + 1, n_epochs))
        for phase in ['train', 'val']:
            if phase == 'train':
                model.train()
            else:
                model.eval()
            run_loss = 0.0
            run_hits = 0
            for xb, yb in tqdm(loaders[phase]):
                xb = xb.to(dev)
                yb = yb.to(dev)
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == 'train'):
                    out = model(xb)
                    _, guess = torch.max(out, 1)
                    loss = criterion(out, yb)  # expect: LG001
                    if phase == 'train':
                        loss.backward()
                        optimizer.step()
                    run_loss += loss.item() * xb.size(0)
                    run_hits += torch.sum(guess == yb.data)
            ep_loss = run_loss / len(loaders[phase].dataset)
            ep_acc = run_hits.double() / len(loaders[phase].dataset)
            print('{} Loss: {:.4f} Acc: {:.4f}'.format(phase, ep_loss, ep_acc))
            if phase == 'val' and ep_acc > best:
                best = ep_acc
                best_state = model.state_dict()
    spent = time.time() - t0
    print('Training complete in {:.0f}m {:.0f}s'.format(spent // 60, spent % 60))
    print('Best val Acc: {:4f}'.format(best))
    return model


# ---- cell 18
import time

EPOCHS = 10
net = fit(net, loaders, crit, opt, EPOCHS)
# ---- cell 19
ids = []
scores = []
with torch.no_grad():
    for path in tqdm(test_paths):
        img = Image.open(path)
        pid = path.split('/')[-1].split('.')[1]
        img = PetTransform(SIZE, MEAN, STD)(img, phase='val')
        img = img.unsqueeze(0).to(dev)
        net.eval()
        out = net(img)
        p_dog = F.softmax(out, dim=1)[:, 1].tolist()
        ids.append(pid)
        scores.append(p_dog[0])
