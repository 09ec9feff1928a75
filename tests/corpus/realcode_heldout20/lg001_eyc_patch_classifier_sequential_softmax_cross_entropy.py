"""positive [LG001, LG011]: a student project's patch classifier ends its fully connected nn.Sequential in nn.Softmax() (no dim); the training loop in __main__ scores those probabilities with nn.CrossEntropyLoss against the 0/1 labels."""
# Source: kaushal-py/Face-verification-siamese-network at 9596d44d (read as is), main/patch-notpatch.py; re-typed,
# identifiers renamed; the dataset's tar extraction, train/test split and Augmentor pipeline shortened to the
# ImageFolder reads, the commented distance bookkeeping in test() cut. The progress print reads loss.data[0] (an
# IndexError on 0-dim tensors since PyTorch 0.5); kept as in the source. config.py is not included.
import random

import torch
import numpy as np
from torch import nn
from torch import optim
from torch.autograd import Variable
from torch.utils.data import Dataset, DataLoader
import torchvision.datasets as dset
import torchvision.transforms as transforms
from PIL import Image
from config import Config


class PatchSet(Dataset):
    def __init__(self, train=False):
        self.train = train
        if self.train:
            self.pre = dset.ImageFolder(root=Config.training_dir_pre)
            self.post = dset.ImageFolder(root=Config.training_dir_post)
        else:
            self.pre = dset.ImageFolder(root=Config.testing_dir_pre)
            self.post = dset.ImageFolder(root=Config.testing_dir_post)
        self.n = len(self.pre.imgs)

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        label = random.randint(0, 1)
        if label == 0:
            item = self.pre.imgs[idx]
        else:
            item = self.post.imgs[idx]
        img = Image.open(item[0]).convert("L")
        img = transforms.Compose([transforms.ToTensor()])(img)
        return img, label


class PatchNet(nn.Module):
    def __init__(self):
        super(PatchNet, self).__init__()

        def block(cin, cout):
            return [nn.ReflectionPad2d(1), nn.Conv2d(cin, cout, kernel_size=3), nn.ReLU(inplace=True),
                    nn.BatchNorm2d(cout), nn.Dropout2d(p=.2)]

        self.convs = nn.Sequential(*block(1, 4), *block(4, 8), *block(8, 16), *block(16, 32), *block(32, 32))
        self.head = nn.Sequential(
            nn.Linear(32 * 50 * 50, 500),
            nn.ReLU(inplace=True),
            nn.Linear(500, 30),
            nn.ReLU(inplace=True),
            nn.Linear(30, 2),
            nn.Softmax())  # expect: LG011

    def forward(self, x):
        h = self.convs(x)
        h = h.view(h.size()[0], -1)
        return self.head(h)


def test(net):
    data = PatchSet()
    net = net.eval()
    loader = DataLoader(data, shuffle=True, num_workers=8, batch_size=1)
    it = iter(loader)
    for i in range(200):
        (img, label) = next(it)
        img = Variable(img).cuda()
        out = net(img)
        print(out, label)


if __name__ == "__main__":
    n_epochs = 1000
    data = PatchSet(train=True)
    net = PatchNet().cuda()
    loader = DataLoader(data, shuffle=True, num_workers=8, batch_size=64)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(net.parameters(), lr=0.0005)
    for epoch in range(0, n_epochs):
        for i, batch in enumerate(loader):
            (img, label) = batch
            img, label = Variable(img).cuda(), Variable(label).cuda()
            out = net(img)
            optimizer.zero_grad()
            loss = criterion(out, label)  # expect: LG001
            loss.backward()
            optimizer.step()
            if i % 10 == 0:
                print("Epoch number {}\n Current loss {}\n".format(epoch, loss.data[0]))
                with open("loss_history-patch.csv", 'a') as hist:
                    hist.write(str(epoch) + "," + str(loss.data[0]) + "\n")
        if epoch % 5 == 0:
            test(net)
        torch.save(net, 'model_patch.pt')
