"""positive [LG006]: the k-fold script's train_loop adds every batch's loss tensor to the running total it is passed and returns it."""

# Source: Gheovgos/NN-DL_2024@4d34658cbf V2.0/backpropago_ottimizzato.py (ShallowNet, train_loop and the fold loop,
# re-typed; early stopping, the test loop and plotting cut)
# Mutation: running_loss += loss (was loss.item())
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.model_selection import KFold


class ShallowNet(nn.Module):
    def __init__(self, n_nodes):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, n_nodes)
        self.bn1 = nn.BatchNorm1d(n_nodes)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(n_nodes, 10)

    def forward(self, x):
        return self.fc2(self.relu(self.bn1(self.fc1(x))))


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
net = ShallowNet(256).to(device)
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Rprop(net.parameters(), lr=0.01)


def train_loop(running_loss, train_loader):
    for inputs, labels in train_loader:
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        outputs = net(inputs.view(-1, 28 * 28))
        loss = loss_function(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss  # expect: LG006
    return running_loss


def run_folds(full_data, k_folds=5, epochs=20):
    folds = KFold(n_splits=k_folds, shuffle=True)
    for train_idx, _ in folds.split(np.arange(len(full_data))):
        subset = torch.utils.data.Subset(full_data, train_idx)
        loader = torch.utils.data.DataLoader(subset, batch_size=64, shuffle=True)
        for _ in range(epochs):
            net.train()
            running_loss = train_loop(0.0, loader)
            print(f"Loss: {running_loss / len(loader):.4f}")
