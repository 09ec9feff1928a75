"""positive [LG011]: an inference script takes the first element of the CNN's (output, features) tuple and applies F.softmax without dim."""
# Source: BoO-18/CNN-MNIST-Pytorch at cfadad51a512cacffb5d96ff1779ecc5db007071 USE_CNN.py (comments shortened; the class re-declared so torch.load can unpickle, the contrast enhancement, the in-place-looking resize and the softmax kept)
import os
import torch
from PIL import Image
import torch.nn as nn
import numpy
import torchvision
import matplotlib.pyplot as plt
from PIL import ImageEnhance
import torch.nn.functional as F


class DigitCNN(nn.Module):
    def __init__(self):
        super(DigitCNN, self).__init__()
        self.conv1 = nn.Sequential(
            nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2),
        )
        self.conv2 = nn.Sequential(
            nn.Conv2d(16, 32, 5, 1, 2),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2),
        )
        self.out = nn.Linear(32 * 7 * 7, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = self.conv2(x)
        x = x.view(x.size(0), -1)
        output = self.out(x)
        return output, x


if __name__ == '__main__':
    net = torch.load('./models/CNN_MNIST_52.pkl')

    test_data = torchvision.datasets.MNIST(root='./mnist/', train=False)
    test_x = torch.unsqueeze(test_data.test_data, dim=1).type(torch.FloatTensor)[:-1] / 255.
    test_y = test_data.test_labels[:-1]

    images = Image.open('camImage-8.png')
    images = ImageEnhance.Contrast(images).enhance(2.0)

    images = images.resize((28, 28))
    images = images.convert('L')
    transform = torchvision.transforms.ToTensor()
    images = transform(images)

    plt.imshow(images[0].numpy(), cmap='gray')
    plt.show()
    images = images.resize(1, 1, 28, 28)

    output, x = net(images)
    output = F.softmax(output)  # expect: LG011
    prediction = torch.max(output, 1)[1].data.numpy()
    print(output)
    print(prediction)
