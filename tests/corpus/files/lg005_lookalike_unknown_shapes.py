"""look-alike [LG005]: prediction and target shapes both come from code a static reader cannot size (pretrained model, loader); nothing is reported."""
import torch
import torch.nn as nn
import torchvision


model = torchvision.models.resnet18(weights="DEFAULT")
model.fc = nn.Linear(model.fc.in_features, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)


def train(loader, epochs=5):
    for epoch in range(epochs):
        for images, scores in loader:
            optimizer.zero_grad()
            pred = model(images)
            loss = criterion(pred.view_as(scores), scores)
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())
