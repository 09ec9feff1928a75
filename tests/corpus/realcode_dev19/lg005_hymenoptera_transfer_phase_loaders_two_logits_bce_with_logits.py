"""positive [LG005, LG004]: the transfer-learning tutorial's phases: ImageFolder datasets and DataLoaders built by dict comprehensions over ['train', 'val'], a resnet18 whose fc is replaced by nn.Linear(n, 2); mutated to BCEWithLogitsLoss, which gets (N, 2) scores against the loader's (N,) int64 class indices."""
# Source: jasonrichdarmawan/learn-pytorch at 92fd51f4, 2-transfer_learning/ConvNet.ipynb (cells 5, 9 and 13, the PyTorch
# transfer-learning tutorial as the repository keeps it); re-typed, identifiers renamed; the download cell, the plotting
# helpers, the checkpoint directory and the second (frozen) model cut. Mutation: the repository's
# nn.CrossEntropyLoss() replaced by nn.BCEWithLogitsLoss(), the two-class mistake behind "Target size (torch.Size([4]))
# must be the same as input size (torch.Size([4, 2]))".
import os

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler
from torchvision import datasets, models, transforms

pipelines = {
    "train": transforms.Compose(
        [
            transforms.RandomResizedCrop(224),
            transforms.RandomHorizontalFlip(),
            transforms.ToTensor(),
            transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
        ]
    ),
    "val": transforms.Compose(
        [
            transforms.Resize(256),
            transforms.CenterCrop(224),
            transforms.ToTensor(),
            transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
        ]
    ),
}

root = "data/hymenoptera_data"
folders = {p: datasets.ImageFolder(os.path.join(root, p), pipelines[p]) for p in ["train", "val"]}
loaders = {p: torch.utils.data.DataLoader(folders[p], batch_size=4, shuffle=True, num_workers=4) for p in ["train", "val"]}
sizes = {p: len(folders[p]) for p in ["train", "val"]}
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"


def fit(net, loss_fn, opt, sched, epochs=25):
    for epoch in range(epochs):
        for phase in ["train", "val"]:
            if phase == "train":
                net.train()
            else:
                net.eval()
            seen_loss = 0.0
            hits = 0
            for images, classes in loaders[phase]:
                images = images.to(device)
                classes = classes.to(device)
                opt.zero_grad()
                with torch.set_grad_enabled(phase == "train"):
                    scores = net(images)
                    _, guess = torch.max(scores, 1)
                    loss = loss_fn(scores, classes)  # expect: LG005, LG004
                    if phase == "train":
                        loss.backward()
                        opt.step()
                seen_loss += loss.item() * images.size(0)
                hits += torch.sum(guess == classes.data)
            if phase == "train":
                sched.step()
            print(phase, seen_loss / sizes[phase], hits.double() / sizes[phase])
    return net


net = models.resnet18(weights="IMAGENET1K_V1")
width = net.fc.in_features
net.fc = nn.Linear(width, 2)
net = net.to(device)
loss_fn = nn.BCEWithLogitsLoss()
opt = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
sched = lr_scheduler.StepLR(opt, step_size=7, gamma=0.1)
net = fit(net, loss_fn, opt, sched, epochs=25)
