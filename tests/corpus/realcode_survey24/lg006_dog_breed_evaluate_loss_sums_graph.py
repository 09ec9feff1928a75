"""positive [LG006]: the dog-breed fine-tuning notebook's validation helper sums each batch's loss tensor outside no_grad, so the sum holds the graph of every validation batch; the caller only detaches the result for a plot."""

# Source: d2l-ai/d2l-pytorch-colab@f854371 chapter_computer-vision/kaggle-dog.ipynb (re-typed, renamed, cut to the helper and the epoch loop)
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")


def validation_loss(loader, net, device):
    total, count = 0.0, 0
    for features, labels in loader:
        features, labels = features.to(device), labels.to(device)
        outputs = net(features)
        per_image = criterion(outputs, labels)
        total += per_image.sum()  # expect: LG006
        count += labels.numel()
    return total / count


def fit(net, train_loader, valid_loader, epochs, lr, device):
    optimizer = torch.optim.SGD((p for p in net.parameters() if p.requires_grad), lr=lr, momentum=0.9)
    for epoch in range(epochs):
        for features, labels in train_loader:
            features, labels = features.to(device), labels.to(device)
            optimizer.zero_grad()
            l = criterion(net(features), labels).sum()
            l.backward()
            optimizer.step()
        valid = validation_loss(valid_loader, net, device)
        print(epoch, valid.detach().cpu())
