"""positive [LG007]: a keyword classifier ending in a Linear layer trained with NLLLoss."""

# Source: SavytskaViks/integration-lr3@6bdd2630f0 model.py and train.py (SpeechCommandModel and train, re-typed; the torchaudio dataset and logging cut)
# Mutation: criterion = nn.CrossEntropyLoss() became criterion = nn.NLLLoss()
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class SpeechCommandModel(nn.Module):
    def __init__(self, num_classes=4):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3)
        self.fc1 = nn.Linear(16 * 60 * 60, 64)
        self.fc2 = nn.Linear(64, num_classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


def train(train_dl, classes, epochs=2):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = SpeechCommandModel(num_classes=len(classes)).to(device)
    criterion = nn.NLLLoss()
    optimizer = optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        model.train()
        for X, y in train_dl:
            X, y = X.to(device), y.to(device)
            optimizer.zero_grad()
            outputs = model(X)
            loss = criterion(outputs, y)  # expect: LG007
            loss.backward()
            optimizer.step()
