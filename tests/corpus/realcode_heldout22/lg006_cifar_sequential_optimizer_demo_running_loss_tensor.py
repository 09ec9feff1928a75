"""positive [LG006]: a video-course optimizer demo trains a Sequential CIFAR-10 CNN and adds every batch's CrossEntropyLoss tensor to running_loss (running_loss += result_loss) over each of 20 epochs, printing the tensor."""
# Source: belielov/PyTorch_Practice at 35f76a69 (read as is), src/nn_optimizer.py; re-typed, identifiers renamed,
# the Chinese comments translated.
import torch.optim
import torchvision
from torch import nn
from torch.nn import Conv2d, Flatten, Linear, MaxPool2d, Sequential
from torch.utils.data import DataLoader

ds = torchvision.datasets.CIFAR10("datasets", train=False, download=True, transform=torchvision.transforms.ToTensor())
loader = DataLoader(ds, batch_size=64)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = Sequential(
            Conv2d(3, 32, 5, padding=2),
            MaxPool2d(2),
            Conv2d(32, 32, 5, padding=2),
            MaxPool2d(2),
            Conv2d(32, 64, 5, padding=2),
            MaxPool2d(2),
            Flatten(),
            Linear(1024, 64),
            Linear(64, 10),
        )

    def forward(self, x):
        return self.body(x)


ce = nn.CrossEntropyLoss()  # cross-entropy loss
net = Net()
optim = torch.optim.SGD(net.parameters(), lr=0.01)

for epoch in range(20):
    running_loss = 0.0  # this epoch's loss
    for batch in loader:
        imgs, targets = batch
        outputs = net(imgs)
        result_loss = ce(outputs, targets)
        optim.zero_grad()  # clear the gradients
        result_loss.backward()
        optim.step()
        running_loss += result_loss  # expect: LG006
    print(running_loss)
