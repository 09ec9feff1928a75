"""positive [LG001]: `from torch.nn import CrossEntropyLoss as CE` and `from torch.nn import functional` softmax, in a CIFAR script."""
import torch
from torch.nn import CrossEntropyLoss as CE
from torch.nn import functional
from torchvision.models import resnet18
import torchvision
import torchvision.transforms as T

transform = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(), T.ToTensor()])
trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)

net = resnet18(num_classes=10)
loss_fn = CE(label_smoothing=0.1)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=200)

for epoch in range(200):
    net.train()
    train_loss, correct, total = 0.0, 0, 0
    for inputs, targets in trainloader:
        optimizer.zero_grad()
        scores = functional.softmax(net(inputs), dim=1)
        loss = loss_fn(scores, targets)  # expect: LG001
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
        correct += scores.argmax(1).eq(targets).sum().item()
        total += targets.size(0)
    scheduler.step()
    print(f"[{epoch}] loss={train_loss / len(trainloader):.3f} acc={100.0 * correct / total:.2f}%")
