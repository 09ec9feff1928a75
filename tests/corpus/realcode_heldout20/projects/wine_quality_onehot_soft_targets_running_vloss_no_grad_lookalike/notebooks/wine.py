"""look-alike [LG006, LG013, LG001]: a personal practice notebook: integer quality grades are scattered into one-hot float rows and used as class-probability targets of nn.CrossEntropyLoss on the MLP's logits; training sums loss.item(); validation sums the loss tensors, but under torch.no_grad()."""
# Source: fidemin/pytorch-practice at 29d6782d (read as is), notebooks/wine.ipynb, code cells 1-21; re-typed,
# identifiers renamed; the display-only cells (data frames, shapes) and the sys.path set-up cut.
import pandas as pd
import torch

# ---- cell 3
red = pd.read_csv('../resources/data/wine-quality/winequality-red.csv', delimiter=';')
# ---- cell 4
white = pd.read_csv('../resources/data/wine-quality/winequality-white.csv', delimiter=';')
# ---- cell 7
wine = pd.concat([white])
# ---- cell 8
arr = wine.to_numpy(dtype='float32')
# ---- cell 10
t_all = torch.from_numpy(arr)
shuffled = t_all[torch.randperm(t_all.shape[0])]
# ---- cell 11
X_raw, grade = shuffled[:, :-1], shuffled[:, -1].long()
# ---- cell 12
onehot = torch.zeros(grade.shape[0], 10)
onehot.scatter_(1, grade.unsqueeze(1), 1.0)
# ---- cell 14
n_val = 200
X_tr_raw, X_va_raw = X_raw[:-n_val, :], X_raw[-n_val:, :]
y_tr, y_va = onehot[:-n_val, :], onehot[-n_val:, :]
mu = torch.mean(X_tr_raw, dim=0)
var = torch.var(X_tr_raw, dim=0)
X_tr = (X_tr_raw - mu) / torch.sqrt(var)
X_va = (X_va_raw - mu) / torch.sqrt(var)
# ---- cell 15
from src.wine_quality.dataset import WineSet
train_set = WineSet(X_tr, y_tr)
val_set = WineSet(X_va, y_va)
# ---- cell 16
train_loader = torch.utils.data.DataLoader(train_set, batch_size=100, shuffle=True)
val_loader = torch.utils.data.DataLoader(val_set, batch_size=100, shuffle=False)
# ---- cell 17
from src.wine_quality.models import WineNet
model = WineNet()
# ---- cell 18
loss_func = torch.nn.CrossEntropyLoss()
# ---- cell 19
optimizer = torch.optim.Adam(model.parameters(), lr=0.0005)


# ---- cell 20
def train_one_epoch(epoch, loader, model, loss_func, optimizer):
    running = 0
    for i, batch in enumerate(loader):
        xb, tb = batch
        optimizer.zero_grad()
        out = model(xb)
        loss = loss_func(out, tb)
        loss.backward()
        optimizer.step()
        running += loss.item()
    return running / (i + 1)


# ---- cell 21
EPOCHS = 600
for epoch in range(EPOCHS):
    model.train(True)
    avg_loss = train_one_epoch(epoch, train_loader, model, loss_func, optimizer)
    running_vloss = 0.0
    model.eval()
    with torch.no_grad():
        for i, vbatch in enumerate(val_loader):
            vx, vt = vbatch
            vout = model(vx)
            vloss = loss_func(vout, vt)
            running_vloss += vloss
    avg_vloss = running_vloss / (i + 1)
    if (epoch + 1) % 10 == 0:
        print('EPOCH {}:'.format(epoch + 1), 'LOSS train {} valid {}'.format(avg_loss, avg_vloss))
