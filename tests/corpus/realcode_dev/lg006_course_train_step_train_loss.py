"""positive [LG006]: course train_step function adds every batch's loss tensor to train_loss (train_loss += loss) before backward; the average is printed after the loop."""
# Source: https://github.com/mrdbourke/pytorch-deep-learning 03_pytorch_computer_vision.ipynb at
# baa27b691617461c173ecf3439793cd8cde74e13 (found by this survey); re-typed from the notebook cell, names changed.
import torch
from torch import nn


def train_step(model: torch.nn.Module, data_loader, loss_fn: torch.nn.Module, optimizer: torch.optim.Optimizer, accuracy_fn, device):
    train_loss, train_acc = 0, 0
    model.to(device)
    for batch, (X, y) in enumerate(data_loader):
        X, y = X.to(device), y.to(device)
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss  # expect: LG006
        train_acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    train_loss /= len(data_loader)
    train_acc /= len(data_loader)
    print(f"Train loss: {train_loss:.5f} | Train accuracy: {train_acc:.2f}%")


model_1 = nn.Sequential(nn.Flatten(), nn.Linear(784, 10), nn.ReLU(), nn.Linear(10, 10))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(params=model_1.parameters(), lr=0.1)
for epoch in range(3):
    train_step(model_1, [], loss_fn, optimizer, lambda y_true, y_pred: 0.0, "cpu")
