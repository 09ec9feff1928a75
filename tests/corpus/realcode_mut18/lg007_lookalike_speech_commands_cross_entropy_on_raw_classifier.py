"""look-alike [LG007]: the same classifier trained with CrossEntropyLoss, as the repository has it."""

# Source: SavytskaViks/integration-lr3@6bdd2630f0 model.py and train.py (SpeechCommandModel and train, re-typed; the torchaudio dataset and logging cut)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class SpeechCommandModel(nn.Module):
    def __init__(self, num_classes=4):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3)
        self.fc2 = nn.Linear(64, num_classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        return self.fc2(torch.flatten(x, 1))


def train(train_dl, classes, epochs=2):
    model = SpeechCommandModel(num_classes=len(classes))
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for X, y in train_dl:
            optimizer.zero_grad()
            loss = criterion(model(X), y)
            loss.backward()
            optimizer.step()
