"""look-alike [LG001, LG011]: the same CIFAR-10 script at the fix commit: the VGG16 is rebuilt from blocks and its fully connected head ends in Linear(256, 10), whose logits go to CrossEntropyLoss."""

# Source: LeonNerd/PyTorch-Tutorial@51d5e0afca vgg16-initial.py (the fix commit; cut, renamed)
import time

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data as Data
import torchvision.datasets as datasets
import torchvision.transforms as transforms

lr = 0.001
batch_size = 500
epochs = 100
transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
train_loader = Data.DataLoader(datasets.CIFAR10(root="./data", train=True, download=True, transform=transform), batch_size=batch_size, shuffle=True)


def vgg_block(in_channel, out_channel, convs, pool=True):
    layers = [nn.Conv2d(in_channel, out_channel, kernel_size=3, padding=1), nn.BatchNorm2d(out_channel), nn.ReLU(inplace=True)]
    for _ in range(convs - 1):
        layers.append(nn.Conv2d(out_channel, out_channel, kernel_size=3, padding=1))
        layers.append(nn.BatchNorm2d(out_channel))
        layers.append(nn.ReLU(inplace=True))
    if pool:
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)


class VGG16Net(nn.Module):
    def __init__(self):
        super(VGG16Net, self).__init__()
        self.cnn = nn.Sequential(vgg_block(3, 64, 2), vgg_block(64, 128, 2), vgg_block(128, 256, 3),
                                 vgg_block(256, 512, 3), vgg_block(512, 512, 3, True))
        self.fc = nn.Sequential(
            nn.Linear(512 * 1 * 1, 256),
            nn.ReLU(),
            nn.Linear(256, 256),
            nn.ReLU(),
            nn.Linear(256, 10)
        )

    def forward(self, x):
        x = self.cnn(x)
        x = x.view(x.size()[0], -1)
        return self.fc(x)


net = VGG16Net().to(device)


def train():
    optimizer = optim.SGD(net.parameters(), lr=lr, momentum=0.9)
    loss_func = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        start = time.time()
        running_loss = 0.0
        for i, (inputs, labels) in enumerate(train_loader, 0):
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            outputs = net(inputs)
            loss = loss_func(outputs, labels).to(device)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if i % 100 == 99:
                print("[%d, %5d] loss: %.4f" % (epoch + 1, i + 1, running_loss / 100))
                running_loss = 0.0
        print("epoch %d cost %3f sec" % (epoch, time.time() - start))


if __name__ == "__main__":
    train()
    torch.save(net, "./vgg16model.pkl")
