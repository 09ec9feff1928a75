"""part of look-alike project [LG001, LG006, LG014]: the training script imports criterion, optimizer and net from loss.py mid-file and runs the tutorial loop (clear, backward, step, running_loss += loss.item())."""
# Source: drrmh/Learning at 77c9a0433f3a7b40f8acfaeaf944f7479dd2f4a6 torchl.py (the image preview kept; the import placed after the data code, as in the source)
import torch
import torchvision
import torchvision.transforms as transforms

import numpy as np
import math
import torch.nn as nn

from matplotlib import pyplot as plt


trans = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])

b_s = 8

trainset = torchvision.datasets.CIFAR10(root='H:/CIFAR10', train=True, download=True, transform=trans)
trainingloader = torch.utils.data.DataLoader(trainset, batch_size=b_s, shuffle=True, num_workers=2)

classes = ('plane', 'car', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck')


def imshow(img):
    img = img / 2 + 0.5
    npimg = img.numpy()
    plt.imshow(np.transpose(npimg, (1, 2, 0)))
    plt.show()


dataiter = iter(trainingloader)
images, labels = next(dataiter)
imshow(torchvision.utils.make_grid(images))
print(' '.join(f'{classes[labels[j]]:5s}' for j in range(b_s)))


from loss import criterion, optimizer, net

for epoch in range(5):

    running_loss = 0.0
    for i, data in enumerate(trainingloader, 0):
        inputs, labels = data

        optimizer.zero_grad()

        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
        if i % 2000 == 1999:
            print(f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss/2000:.3f}')
            running_loss = 0.0

print('All Done  Training')
