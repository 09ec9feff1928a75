"""positive [LG007]: a course project's R-CNN region classifier ends its AlexNet in `nn.Linear(4096, num_classes)` with no log-softmax and trains it with `nn.NLLLoss()`, which then only pushes the raw score of the labelled class up without bound."""

# Source: FDU-VTS/CVCode@e9576df Deep-Learning/R-CNN/alex_net.py (re-typed, renamed, cut to the network and the training loop)
import torch
import torch.nn as nn
import torch.optim as optim


class RegionAlexNet(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 48, kernel_size=11, stride=4, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(48, 128, kernel_size=5, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(128, 256, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        self.head = nn.Sequential(
            nn.Dropout(),
            nn.Linear(256 * 6 * 6, 4096),
            nn.ReLU(inplace=True),
            nn.Dropout(),
            nn.Linear(4096, 4096),
            nn.ReLU(inplace=True),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), 256 * 6 * 6)
        return self.head(x)


def train_regions(region_loader, device):
    net = RegionAlexNet(num_classes=21).to(device)
    net = nn.DataParallel(net, device_ids=[0, 1, 2])
    criterion = nn.NLLLoss()
    optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
    for epoch in range(2):
        running = 0.0
        for i, (crops, labels) in enumerate(region_loader, 0):
            crops = crops.float().to(device)
            labels = labels.to(device)
            optimizer.zero_grad()
            scores = net(crops)
            loss = criterion(scores, labels)  # expect: LG007
            loss.backward()
            optimizer.step()
            running += loss.item()
            if i % 10 == 9:
                print(running / 10)
                running = 0.0
    return net
