"""positive [LG001, LG005, LG011, LG013]: a tips-repository wine classifier ends its forward in F.log_softmax(x) without dim and feeds it to nn.CrossEntropyLoss; its Dataset returns the class column as a float32 (N, 1) array, so the cross-entropy target is a float (batch, 1) tensor for a (batch, 3) input."""
# Source: sushant097/PyTorch-Hacks-and-Tips at 030e21b1 (read as is), Dataset_DataLoader/dataset_training.py; re-typed,
# identifiers renamed; the debug prints cut. The evaluation block's X_test / y_test are undefined in the source too.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset


class WineData(Dataset):
    def __init__(self) -> None:
        super().__init__()
        table = np.loadtxt("../data/wine.csv", delimiter=",", dtype=np.float32, skiprows=1)
        feats = table[:, 1:]
        feats = feats.reshape(-1, feats.shape[1]).astype("float32")
        cls = table[:, 0].reshape(-1, 1)
        self.x = torch.from_numpy(feats)
        self.y = torch.from_numpy(cls)  # (N, 1)
        self.n_samples = table.shape[0]

    def __getitem__(self, index):
        return self.x[index], self.y[index]

    def __len__(self):
        return self.n_samples


n_classes = 3


class WineNet(nn.Module):
    def __init__(self, input_dim, output_dim) -> None:
        super().__init__()
        self.inp = nn.Linear(input_dim, 64)
        self.relu = nn.ReLU()
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(64, n_classes)

    def forward(self, x):
        x = self.inp(x)
        x = self.relu(x)
        x = self.drop(x)
        x = self.out(x)
        return F.log_softmax(x)  # expect: LG011


batch_size = 4
ds = WineData()
loader = DataLoader(dataset=ds, batch_size=batch_size, shuffle=True)

first_x, _ = iter(loader).next()
n_in = first_x.shape[1]
net = WineNet(n_in, 1)

lr = 0.01
criterion = nn.CrossEntropyLoss()
optim = torch.optim.SGD(net.parameters(), lr=lr)

num_epochs = 2
total = len(ds)
n_iter = total // batch_size

for epoch in range(num_epochs):
    for i, (xb, yb) in enumerate(loader):
        out = net(xb)
        loss = criterion(out, yb)  # expect: LG001, LG005, LG013
        loss.backward()
        optim.step()
        optim.zero_grad()
        if (i + 1) % 5 == 0:
            print(f"Epoch {epoch+1}/{num_epochs}, step {i+1}/{n_iter}, Loss {loss.item()}")

with torch.no_grad():
    pred = net(X_test)
    pred_cls = pred.round()
    acc = pred_cls.eq(y_test).sum() / float(y_test.shape[0])
    print(f"Accuracy = {acc:.4f}")
