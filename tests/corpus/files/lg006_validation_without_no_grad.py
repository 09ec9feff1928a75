"""positive [LG006]: validation loop without torch.no_grad(): model.eval() alone still builds graphs, and `val_loss += criterion(...)` keeps them."""
import torch
import torch.nn as nn


def validate(model, val_loader, device):
    criterion = nn.CrossEntropyLoss()
    model.eval()
    val_loss = 0.0
    correct = 0
    for images, labels in val_loader:
        images, labels = images.to(device), labels.to(device)
        outputs = model(images)
        val_loss += criterion(outputs, labels)  # expect: LG006
        correct += (outputs.argmax(1) == labels).sum().item()
    return val_loss / len(val_loader), correct / len(val_loader.dataset)


def fit(model, train_loader, val_loader, epochs, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for epoch in range(epochs):
        model.train()
        for images, labels in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(images.to(device)), labels.to(device))
            loss.backward()
            optimizer.step()
        print(epoch, validate(model, val_loader, device))
