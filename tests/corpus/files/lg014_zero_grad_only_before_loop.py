"""positive [LG014]: optimizer.zero_grad() is called once before the epoch loop, never inside it."""
import torch
import torch.nn as nn


def train(model, loader, epochs=10, lr=1e-3):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3)
    optimizer.zero_grad()
    for epoch in range(epochs):
        for images, labels in loader:
            outputs = model(images)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()  # expect: LG014
        scheduler.step()
        print(epoch, loss.item())
