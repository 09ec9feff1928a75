"""part of positive project [LG001]: the notebook's training function, given the package's network by
`from models import *` and `mymodel.myNN()`, with CrossEntropyLoss."""

# Source: step-cheng/CIFAR10-pytorch@16f64129f4 CIFAR10.ipynb (the imports, train, the setup cell and the epoch loop;
# re-typed as a script; the Colab cells, plots and the test function cut)
import torch
from torch import nn
from torchvision import datasets, transforms

from models import *

transform_train = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.ToTensor()])
train_data = datasets.CIFAR10(root="./", train=True, download=True, transform=transform_train)
train_loader = torch.utils.data.DataLoader(train_data, batch_size=128, shuffle=True)


def train(dataloader, model, device, loss_fn, optimizer):
    model.train()
    losses = []
    for batch, (X, y) in enumerate(dataloader):
        imgs, labels = X.to(device), y.to(device)
        pred = model(imgs)
        loss = loss_fn(pred, labels)  # expect: LG001
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    return losses


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = mymodel.myNN().to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001, weight_decay=0.01)
for epoch in range(25):
    train(train_loader, model, device, loss_fn, optimizer)
