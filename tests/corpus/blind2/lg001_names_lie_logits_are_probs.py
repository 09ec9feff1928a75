"""positive [LG001]: a variable named `logits` actually holds log_softmax output and is fed to nn.CrossEntropyLoss in a plain epoch loop."""
import torch
from torch import nn, optim
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Flatten(),
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        return self.layers(x)


def train(epochs=5, device="cuda"):
    tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    loader = DataLoader(datasets.FashionMNIST("data", train=True, download=True, transform=tfm),
                        batch_size=128, shuffle=True, num_workers=4)
    net = MLP().to(device)
    loss_fn = nn.CrossEntropyLoss()
    opt = optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for epoch in range(epochs):
        seen, correct = 0, 0
        for imgs, targets in loader:
            imgs, targets = imgs.to(device), targets.to(device)
            logits = torch.log_softmax(net(imgs), dim=-1)
            loss = loss_fn(logits, targets)  # expect: LG001
            opt.zero_grad()
            loss.backward()
            opt.step()
            correct += (logits.argmax(1) == targets).sum().item()
            seen += targets.numel()
        print(f"epoch {epoch}: acc={correct / seen:.3f}")
