"""positive [LG001, LG011]: the CIFAR-10 VGG16's head is Linear, Dropout(0.5), nn.Softmax() without dim; the training loop's CrossEntropyLoss scores its output (the fix rewrites the network to end in a Linear)."""

# Source: LeonNerd/PyTorch-Tutorial@8646332db1 vgg16-initial.py, fixed in 51d5e0afca (cut, renamed)
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


class VGG16(nn.Module):
    def __init__(self, num_classes=10):
        super(VGG16, self).__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=3, padding=1),
            nn.Conv2d(64, 64, kernel_size=3, padding=1),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.BatchNorm2d(64),
            nn.ReLU(),
            nn.Conv2d(64, 128, kernel_size=3, padding=1),
            nn.Conv2d(128, 128, kernel_size=3, padding=1),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.BatchNorm2d(128),
            nn.ReLU(),
            nn.Conv2d(128, 512, kernel_size=3, padding=1),
            nn.MaxPool2d(kernel_size=8, stride=8),
            nn.BatchNorm2d(512),
            nn.ReLU(),
        )
        self.linear = nn.Sequential(
            nn.Linear(512, num_classes),
            nn.Dropout(0.5),
            nn.Softmax()  # expect: LG011
        )

    def forward(self, x):
        out = self.conv(x)
        out = out.view(-1, 512 * 1 * 1)
        return self.linear(out)


vgg16 = VGG16().to(device)


def train():
    optimizer = optim.SGD(vgg16.parameters(), lr=lr, momentum=0.9)
    loss_func = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        start = time.time()
        running_loss = 0.0
        for i, (inputs, labels) in enumerate(train_loader, 0):
            inputs, labels = inputs.to(device), labels.to(device)
            optimizer.zero_grad()
            outputs = vgg16(inputs)
            loss = loss_func(outputs, labels).to(device)  # expect: LG001
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if i % 100 == 99:
                print("[%d, %5d] loss: %.4f" % (epoch + 1, i + 1, running_loss / 100))
                running_loss = 0.0
        print("epoch %d cost %3f sec" % (epoch, time.time() - start))


if __name__ == "__main__":
    train()
    torch.save(vgg16, "./vgg16model.pkl")
