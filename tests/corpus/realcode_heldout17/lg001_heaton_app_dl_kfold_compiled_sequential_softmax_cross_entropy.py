"""positive [LG001]: the course's k-fold classification notebook wraps an nn.Sequential ending in nn.Softmax(dim=1) in torch.compile(...).to(device) and scores it with nn.CrossEntropyLoss, both for the training step and for the validation loss that drives early stopping."""
# Source: jeffheaton/app_deep_learning at c8d1e529 (read as is), t81_558_class_04_3_kfold.ipynb; the code cells
# concerned (the data preparation and cell 12), re-typed, identifiers renamed; the early-stopping class (defined in
# the notebook's first cell) reduced to its call, the out-of-sample score printing shortened.
import copy

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from scipy.stats import zscore
from sklearn import metrics
from sklearn.model_selection import StratifiedKFold

device = "cuda" if torch.cuda.is_available() else "cpu"


class EarlyStopping:
    def __init__(self, patience=5, min_delta=0, restore_best_weights=True):
        self.patience = patience
        self.min_delta = min_delta
        self.restore_best_weights = restore_best_weights
        self.best_model = None
        self.best_loss = None
        self.counter = 0
        self.status = ""

    def __call__(self, model, val_loss):
        if self.best_loss is None or self.best_loss - val_loss >= self.min_delta:
            self.best_loss = val_loss
            self.best_model = copy.deepcopy(model.state_dict())
            self.counter = 0
            return False
        self.counter += 1
        if self.counter >= self.patience:
            if self.restore_best_weights:
                model.load_state_dict(self.best_model)
            return True
        return False


df = pd.read_csv("https://data.heatonresearch.com/data/t81-558/jh-simple-dataset.csv", na_values=["NA", "?"])
df = pd.concat([df, pd.get_dummies(df["job"], prefix="job", dtype=int)], axis=1)
df.drop("job", axis=1, inplace=True)
df = pd.concat([df, pd.get_dummies(df["area"], prefix="area", dtype=int)], axis=1)
df.drop("area", axis=1, inplace=True)
df["income"] = df["income"].fillna(df["income"].median())
for col in ["income", "aspect", "save_rate", "age", "subscriptions"]:
    df[col] = zscore(df[col])
feat_cols = df.columns.drop("product").drop("id")
x = df[feat_cols].values
onehot = pd.get_dummies(df["product"], dtype=int)
y = onehot.values

# ---- cell 12
x = np.array(x)
y = np.array(y)
net = nn.Sequential(
    nn.Linear(x.shape[1], 50),
    nn.ReLU(),
    nn.Linear(50, 25),
    nn.ReLU(),
    nn.Linear(25, y.shape[1]),
    nn.Softmax(dim=1),
)
net = torch.compile(net, backend="aot_eager").to(device)
kf = StratifiedKFold(5, shuffle=True, random_state=42)
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(net.parameters())

oos_y = []
oos_pred = []
fold = 0
for tr, te in kf.split(x, df["product"]):
    fold += 1
    x_tr = torch.tensor(x[tr], device=device, dtype=torch.float32)
    y_tr = torch.tensor(np.argmax(y[tr], axis=1), device=device, dtype=torch.long)
    x_te = torch.tensor(x[te], device=device, dtype=torch.float32)
    y_te = torch.tensor(np.argmax(y[te], axis=1), device=device, dtype=torch.long)
    EPOCHS = 500
    epoch = 0
    done = False
    es = EarlyStopping(restore_best_weights=True)
    while not done and epoch < EPOCHS:
        epoch += 1
        net.train()
        optimizer.zero_grad()
        out = net(x_tr)
        loss = criterion(out, y_tr)  # expect: LG001
        loss.backward()
        optimizer.step()
        net.eval()
        with torch.no_grad():
            val_out = net(x_te)
            val_loss = criterion(val_out, y_te)  # expect: LG001
        if es(net, val_loss):
            done = True
    with torch.no_grad():
        val_out = net(x_te)
        _, pred = torch.max(val_out, 1)
    oos_y.append(y_te.cpu().numpy())
    oos_pred.append(pred.cpu().numpy())
    print(f"Fold score (accuracy): {metrics.accuracy_score(y_te.cpu().numpy(), pred.cpu().numpy())}")
print(f"Final score (accuracy): {metrics.accuracy_score(np.concatenate(oos_y), np.concatenate(oos_pred))}")
