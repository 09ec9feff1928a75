"""part of positive project [LG001]: the FLANDERS baseline's MNIST network ends in F.log_softmax and its train and test functions score it with nn.CrossEntropyLoss; the Fashion-MNIST network, also ending in log_softmax, is scored with nn.NLLLoss."""
# Source: adap/flower at fdef7afb1d (read as is; the file came with 2964a8e132 "feat(baselines) Add `Flanders`
# baseline (#2620)"), baselines/flanders/flanders/models.py; re-typed, identifiers renamed; docstrings cut.
import itertools

import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import LabelBinarizer


def multiclass_auc(y_true, y_pred):
    binarizer = LabelBinarizer()
    binarizer.fit(y_true)
    return roc_auc_score(binarizer.transform(y_true), binarizer.transform(y_pred), multi_class="ovr")


class DigitsNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = x.view(-1, 28 * 28)
        x = F.relu(self.fc1(x))
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


def train_digits(model, loader, epochs, device):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    for epoch in range(epochs):
        for i, (images, labels) in enumerate(loader):
            images = images.view(-1, 28 * 28).to(device)
            labels = labels.to(device)
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, labels)  # expect: LG001
            loss.backward()
            optimizer.step()
            if (i + 1) % 100 == 0:
                print(f"Epoch [{epoch+1}/{epochs}], Step [{i+1}/{len(loader)}], Loss: {loss.item():.4f}")


def test_digits(model, loader, device):
    loss = 0
    model.eval()
    criterion = nn.CrossEntropyLoss()
    y_true, y_pred = [], []
    with torch.no_grad():
        correct = 0
        seen = 0
        for images, labels in loader:
            images = images.reshape(-1, 28 * 28).to(device)
            labels = labels.to(device)
            outputs = model(images)
            _, predicted = torch.max(outputs.data, 1)
            seen += labels.size(0)
            correct += (predicted == labels).sum().item()
            loss += criterion(outputs, labels).item()  # expect: LG001
            y_true.append(labels.cpu().numpy())
            y_pred.append(predicted.cpu().numpy())
        y_true = list(itertools.chain(*y_true))
        y_pred = list(itertools.chain(*y_pred))
        auc = multiclass_auc(y_true, y_pred)
    return loss, correct / seen, auc


class FashionNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, 10)
        self.dropout = nn.Dropout(p=0.2)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        x = self.dropout(F.relu(self.fc3(x)))
        return F.log_softmax(self.fc4(x), dim=1)


def train_fashion(model, loader, epochs, device):
    criterion = nn.NLLLoss(reduction="sum")
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    for epoch in range(epochs):
        for i, (images, labels) in enumerate(loader):
            images = images.view(-1, 28 * 28).to(device)
            labels = labels.to(device)
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
