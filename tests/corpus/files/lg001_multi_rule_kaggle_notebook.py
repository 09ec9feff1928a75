"""positive [LG001, LG006, LG011]: notebook-style script: F.softmax without dim in forward, CE on it, and `total_loss += loss`."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader
import pandas as pd

train_df = pd.read_csv("/kaggle/input/digit-recognizer/train.csv")


class DigitDS(Dataset):
    def __init__(self, df):
        self.x = torch.tensor(df.drop("label", axis=1).values, dtype=torch.float32) / 255.0
        self.y = torch.tensor(df["label"].values, dtype=torch.long)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(784, 512)
        self.l2 = nn.Linear(512, 256)
        self.l3 = nn.Linear(256, 10)

    def forward(self, x):
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        return F.softmax(self.l3(x))  # expect: LG011


dl = DataLoader(DigitDS(train_df), batch_size=100, shuffle=True)
model = Model()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

for epoch in range(10):
    total_loss = 0
    for x, y in dl:
        optimizer.zero_grad()
        out = model(x)
        loss = criterion(out, y)  # expect: LG001
        loss.backward()
        optimizer.step()
        total_loss += loss  # expect: LG006
    print("Epoch", epoch, "loss", total_loss / len(dl))
