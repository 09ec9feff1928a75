"""positive [LG010]: a report of "multi-target not supported" builds its criterion as nn.CrossEntropyLoss(size_average=False), the deprecated argument."""

# Source: https://github.com/pytorch/pytorch/issues/3670 (the criterion and loss lines the user posted, in the pytorch/pytorch tracker; the loop around them cut to what they name)
import torch
import torch.nn as nn


def train(model, loader, epochs, lr=1e-3):
    criterion = nn.CrossEntropyLoss(size_average=False)  # expect: LG010
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(epochs):
        for images, labels in loader:
            y_pred = model(images)
            loss = criterion(y_pred, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
