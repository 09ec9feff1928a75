"""positive [LG006]: a study script of a binary classifier (Linear then Sigmoid into BCELoss) adds every batch's loss tensor to the epoch's cost after optimizer.step(), keeping each batch's graph until the epoch ends, and divides and prints that tensor."""
# Source: lively2018/pytorch_practices at 6f0fb845, pythorch_03/pythonProject1/chapter_03/tensor53.py (a reader's
# copy of a book chapter's example; the same loop is in tensor29, 35, 44, 51, 52, 58 and 59); re-typed, identifiers
# renamed; the validation printout shortened.
import pandas as pd
import torch
from torch import nn, optim
from torch.utils.data import DataLoader, Dataset, random_split


class TableDataset(Dataset):
    def __init__(self, file_path):
        df = pd.read_csv(file_path)
        self.x1 = df.iloc[:, 0].values
        self.x2 = df.iloc[:, 1].values
        self.x3 = df.iloc[:, 2].values
        self.y = df.iloc[:, 3].values
        self.length = len(df)

    def __getitem__(self, index):
        x = torch.tensor([self.x1[index], self.x2[index], self.x3[index]], dtype=torch.float)
        y = torch.tensor([self.y[index]], dtype=torch.float)
        return x, y

    def __len__(self):
        return self.length


class BinaryModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Sequential(nn.Linear(3, 1), nn.Sigmoid())

    def forward(self, x):
        x = self.layer(x)
        return x


dataset = TableDataset("../datasets/binary.csv")
n = len(dataset)
train_size = int(0.8 * n)
valid_size = int(0.1 * n)
test_size = int(0.1 * n)
train_set, valid_set, test_set = random_split(dataset, [train_size, valid_size, test_size], torch.manual_seed(4))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, drop_last=True)
valid_loader = DataLoader(valid_set, batch_size=4, shuffle=True, drop_last=True)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = BinaryModel().to(device)
criterion = nn.BCELoss().to(device)
optimizer = optim.SGD(model.parameters(), lr=0.001)

for epoch in range(10000):
    cost = 0.0
    for x, y in train_loader:
        x = x.to(device)
        y = y.to(device)
        output = model(x)
        loss = criterion(output, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        cost += loss  # expect: LG006
    cost = cost / len(train_loader)
    if (epoch + 1) % 1000 == 0:
        print(f"Epoch: {epoch + 1:4d}, Model: {list(model.parameters())}, Cost: {cost:.3f}")

with torch.no_grad():
    model.eval()
    for x, y in valid_loader:
        outputs = model(x.to(device))
        print(outputs >= torch.tensor([0.5], dtype=torch.float, device=device))
