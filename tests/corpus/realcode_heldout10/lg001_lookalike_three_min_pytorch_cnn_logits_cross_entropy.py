"""look-alike [LG001]: the same MNIST CNN after the fix: forward returns the raw Linear output, so F.cross_entropy in the training step and in the evaluation sum gets logits."""
# Source: keon/3-min-pytorch@a987eb5541141f21e9d51efe241db7f3762d0f59 05-이미지_처리능력이_탁월한_CNN/cnn.py (the fix "2쇄 업데이트": forward ends in `return x`; re-typed, data-loader arguments and comments left out)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import datasets, transforms

USE_CUDA = torch.cuda.is_available()
DEVICE = torch.device("cuda" if USE_CUDA else "cpu")

EPOCHS = 40
BATCH_SIZE = 64

digits_train = torch.utils.data.DataLoader(
    datasets.MNIST("./.data", train=True, download=True, transform=transforms.ToTensor()),
    batch_size=BATCH_SIZE,
    shuffle=True,
)
digits_test = torch.utils.data.DataLoader(
    datasets.MNIST("./.data", train=False, transform=transforms.ToTensor()),
    batch_size=BATCH_SIZE,
    shuffle=True,
)


class DigitCNN(nn.Module):
    def __init__(self):
        super(DigitCNN, self).__init__()
        self.conv_a = nn.Conv2d(1, 10, kernel_size=5)
        self.conv_b = nn.Conv2d(10, 20, kernel_size=5)
        self.conv_b_drop = nn.Dropout2d()
        self.dense_a = nn.Linear(320, 50)
        self.dense_b = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv_a(x), 2))
        x = F.relu(F.max_pool2d(self.conv_b_drop(self.conv_b(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.dense_a(x))
        x = F.dropout(x, training=self.training)
        x = self.dense_b(x)
        return x


net = DigitCNN().to(DEVICE)
sgd = optim.SGD(net.parameters(), lr=0.01, momentum=0.5)


def fit_one_epoch(net, loader, sgd, epoch):
    net.train()
    for step, (images, labels) in enumerate(loader):
        images, labels = images.to(DEVICE), labels.to(DEVICE)
        sgd.zero_grad()
        scores = net(images)
        loss = F.cross_entropy(scores, labels)
        loss.backward()
        sgd.step()

        if step % 200 == 0:
            print("epoch {} [{}/{}] loss {:.6f}".format(epoch, step * len(images), len(loader.dataset), loss.item()))


def score(net, loader):
    net.eval()
    summed = 0
    hits = 0
    with torch.no_grad():
        for images, labels in loader:
            images, labels = images.to(DEVICE), labels.to(DEVICE)
            scores = net(images)
            summed += F.cross_entropy(scores, labels,
                                      reduction='sum').item()
            guess = scores.max(1, keepdim=True)[1]
            hits += guess.eq(labels.view_as(guess)).sum().item()
    summed /= len(loader.dataset)
    return summed, 100. * hits / len(loader.dataset)


for epoch in range(1, EPOCHS + 1):
    fit_one_epoch(net, digits_train, sgd, epoch)
    avg, acc = score(net, digits_test)
    print("[{}] test loss {:.4f} acc {:.2f}%".format(epoch, avg, acc))
