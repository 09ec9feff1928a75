"""positive [LG006]: the Korean PyTorch textbook's normalization example (Pima diabetes, 1001 epochs) adds the BCEWithLogitsLoss tensor to iteration_loss after every training batch, and again in the evaluation loop, which runs after model.eval() but outside no_grad; both sums keep every batch's graph until they are reset at the next epoch."""
# Source: gilbutITbook/080289 at 6ccdc7c0 (read as is), chap09/colab_9장.ipynb, code cells 37 and 39-46 (section
# 9.2.5); re-typed, identifiers renamed; the Colab file-upload cell cut (the CSV is read by name). The targets are
# min-max scaled 0/1 labels stored as float.
import pandas as pd
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from torch.utils.data import DataLoader, Dataset

# ---- cell 37
dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# ---- cell 39
frame = pd.read_csv('diabetes.csv')
feats = frame[frame.columns[:-1]]
outcome = frame['Outcome']
feats = feats.values
outcome = torch.tensor(outcome.values)
x_tr, x_te, y_tr, y_te = train_test_split(feats, outcome, test_size=0.33)
# ---- cell 40
mm = MinMaxScaler()
std = StandardScaler()
x_tr = std.fit_transform(x_tr)
x_te = std.fit_transform(x_te)
y_tr = y_tr.reshape(-1, 1)
y_te = y_te.reshape(-1, 1)
y_tr = mm.fit_transform(y_tr)
y_te = mm.fit_transform(y_te)


# ---- cell 41
class TableSet(Dataset):
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.n = len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]

    def __len__(self):
        return self.n


# ---- cell 42
tr_set = TableSet(torch.FloatTensor(x_tr), torch.FloatTensor(y_tr))
te_set = TableSet(torch.FloatTensor(x_te), torch.FloatTensor(y_te))
tr_dl = DataLoader(dataset=tr_set, batch_size=64, shuffle=True)
te_dl = DataLoader(dataset=te_set, batch_size=64, shuffle=False)


# ---- cell 43
class BinaryNet(nn.Module):
    def __init__(self):
        super(BinaryNet, self).__init__()
        self.fc1 = nn.Linear(8, 64, bias=True)
        self.fc2 = nn.Linear(64, 64, bias=True)
        self.out = nn.Linear(64, 1, bias=True)
        self.relu = nn.ReLU()
        self.drop = nn.Dropout(p=0.1)
        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(64)

    def forward(self, x):
        h = self.relu(self.fc1(x))
        h = self.bn1(h)
        h = self.relu(self.fc2(h))
        h = self.bn2(h)
        h = self.drop(h)
        h = self.out(h)
        return h


# ---- cell 44
EPOCHS = 1000 + 1
EVERY = 100
LR = 1e-2
net = BinaryNet()
net.to(dev)
print(net)
loss_fn = nn.BCEWithLogitsLoss()
opt = torch.optim.SGD(net.parameters(), lr=LR)


# ---- cell 45
def hit_rate(pred, truth):
    tags = torch.round(torch.sigmoid(pred))
    hits = (tags == truth).sum().float()
    rate = hits / truth.shape[0]
    rate = torch.round(rate * 100)
    return rate


# ---- cell 46
for ep in range(EPOCHS):
    iteration_loss = 0.
    iteration_acc = 0.
    net.train()
    for i, batch in enumerate(tr_dl):
        xb, yb = batch
        xb, yb = xb.to(dev), yb.to(dev)
        logits = net(xb.float()).to(dev)
        loss = loss_fn(logits, yb.reshape(-1, 1).float())
        iteration_loss += loss  # expect: LG006
        iteration_acc += hit_rate(logits, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
    if ep % EVERY == 0:
        print('Train: epoch: {0} - loss: {1:.5f}; acc: {2:.3f}'.format(ep, iteration_loss / (i + 1), iteration_acc / (i + 1)))
    iteration_loss = 0.
    iteration_acc = 0.
    net.eval()
    for i, batch in enumerate(te_dl):
        xb, yb = batch
        xb, yb = xb.to(dev), yb.to(dev)
        logits = net(xb.float()).to(dev)
        loss = loss_fn(logits, yb.reshape(-1, 1).float())
        iteration_loss += loss  # expect: LG006
        iteration_acc += hit_rate(logits, yb)
    if ep % EVERY == 0:
        print('Test: epoch: {0} - loss: {1:.5f}; acc: {2:.3f}'.format(ep, iteration_loss / (i + 1), iteration_acc / (i + 1)))
