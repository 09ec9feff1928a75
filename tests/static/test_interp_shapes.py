"""Shapes and dtypes the interpreter follows through real-code constructs (round 5, from the
realcode_dev2 shape and dtype cases): lists of known length, ``getattr`` of a module, ``torch.cat``
/ ``torch.stack`` and sizes computed from ``x.size(0)``. Each case is checked end to end through
the engine, with ``# expect:`` markers on the lines that must carry a finding and none anywhere
else; the look-alikes show where the interpreter must forget what it knew."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

HEADS = """
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, 1)
        self.act = nn.Sigmoid()

    def forward(self, x):
        return self.act(self.fc(x))
"""

PROJECTS: dict[str, dict[str, str]] = {
    # simple-gan: labels = [1] * batch_size returned by a helper, then torch.tensor(labels).float()
    "list_repetition_length": {
        "data.py": """
def batch(batch_size=16):
    labels = [1] * batch_size
    rows = [[0, 1, 0] for _ in range(batch_size)]
    return labels, rows
""",
        "train.py": """
import torch
import torch.nn as nn
from data import batch

head = nn.Linear(3, 1)
labels, rows = batch(batch_size=32)
labels = torch.tensor(labels).float()
loss = nn.MSELoss()(head(torch.tensor(rows).float()), labels)  # expect: LG005
ok = nn.MSELoss()(head(torch.tensor(rows).float()).squeeze(-1), labels)
""",
    },
    "list_repetition_dtype": {
        "train.py": """
import torch
import torch.nn as nn

def step(probs, n):
    hard = [1] * n
    loss = nn.BCELoss()(probs, torch.tensor(hard))  # expect: LG004
    soft = [1] * n
    soft[0] = 0.9  # a float item: torch.tensor makes the whole list float
    fine = nn.BCELoss()(probs, torch.tensor(soft))
    grown = [1] * n
    grown.append(0.5)
    also_fine = nn.BCELoss()(probs, torch.tensor(grown))
    kept = [1.0] * n
    kept[0] = 0  # an int into a float list: still float
    fine_too = nn.BCELoss()(probs, torch.tensor(kept))
    return loss + fine + also_fine + fine_too
""",
    },
    # UDTL: getattr(models, "AdversarialNet")(...) of a package, and labels built by torch.cat of
    # torch.ones(labels.size(0)) and torch.zeros(inputs.size(0) - labels.size(0))
    "getattr_module_and_cat": {
        "models/__init__.py": "from models.heads import Head\n",
        "models/heads.py": HEADS,
        "train.py": """
import torch
import torch.nn as nn
import models

def domain_step(features, inputs, labels, name):
    disc = getattr(models, "Head")(256)
    source = torch.ones(labels.size(0)).float()
    target = torch.zeros(inputs.size(0) - labels.size(0)).float()
    domain = torch.cat((source, target), dim=0)
    loss = nn.BCELoss()(disc(features), domain)  # expect: LG005
    fixed = nn.BCELoss()(disc(features).squeeze(1), domain)
    other = getattr(models, name)(256)  # not a literal name: unknown
    unknown = nn.BCELoss()(other(features), domain)
    return loss + fixed + unknown
""",
    },
    "stack_adds_an_axis": {
        "train.py": """
import torch
import torch.nn as nn

one = nn.Linear(16, 1)
two = nn.Linear(16, 2)

def step(h, y):
    t1, t2 = torch.randn(y.size(0)), torch.randn(y.size(0))
    both = torch.stack([t1, t2], dim=1)
    bad = nn.MSELoss()(one(h), both)  # expect: LG005
    good = nn.MSELoss()(two(h), both)
    flat = nn.MSELoss()(one(h).view(-1), torch.cat([t1, t2]))
    return bad + good + flat
""",
    },
    # Modern-Computer-Vision-with-PyTorch: labels reach the loss through DataLoader(TensorDataset(...))
    "tensor_dataset_loader": {
        "train.py": """
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm

X = torch.randn(64, 8)
y = torch.tensor([0, 1] * 32).float()
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
loader = DataLoader(TensorDataset(X, y), batch_size=8, shuffle=True)
for i, (xb, yb) in enumerate(iter(loader)):
    loss = loss_fn(model(xb), yb)  # expect: LG005
    fine = loss_fn(model(xb), yb.unsqueeze(1))
for xb, yb in tqdm(loader):
    again = loss_fn(model(xb), yb)  # expect: LG005
ints = TensorDataset(X, torch.tensor([0, 1] * 32))
for xb, yb in DataLoader(ints, batch_size=8):
    wrong = loss_fn(model(xb).squeeze(1), yb)  # expect: LG004
first_x, first_y = ints[0]
# (1,) against (): an element-wise loss broadcasts the scalar target harmlessly, a BCE loss raises (round 26)
single = nn.MSELoss()(model(first_x), first_y.float())
single_bce = loss_fn(model(first_x), first_y.float())  # expect: LG005
for xb, yb in DataLoader(ints, batch_size=8, collate_fn=lambda rows: rows):
    custom = loss_fn(model(xb), yb)  # a custom collation: nothing is known
for xb, yb in DataLoader(ints, batch_size=None):
    unbatched = loss_fn(model(xb), yb.float())  # expect: LG005
""",
    },
    # UDTL: self.adversarial_loss is nn.BCELoss() or None (set in setup()), called under `is not None`
    "optional_criterion": {
        "train.py": """
import torch
from torch import nn

head = nn.Linear(8, 1)


class Trainer:
    def __init__(self, args):
        self.args = args

    def setup(self):
        if self.args.adversarial:
            self.adv_loss = nn.BCEWithLogitsLoss()
        else:
            self.adv_loss = None

    def step(self, x, n):
        labels = torch.ones(n)
        if self.adv_loss is not None:
            loss = self.adv_loss(head(x), labels)  # expect: LG005
        if self.adv_loss:
            also = self.adv_loss(head(x), labels)  # expect: LG005
        if self.adv_loss is None:
            return None  # from here on it is not None
        after = self.adv_loss(head(x), labels)  # expect: LG005
        return loss + also + after


def plain(x, use_mse):
    crit = nn.MSELoss() if use_mse else None
    if crit is not None:
        return crit(head(x), torch.zeros(x.size(0)))  # expect: LG005
    return crit(head(x), torch.zeros(x.size(0)))  # None here: never a finding


trainer = Trainer(None)
trainer.setup()
trainer.step(torch.randn(4, 8), 4)
""",
    },
    # pytorch/pytorch#1939: numpy arrays of known shape through torch.Tensor / torch.from_numpy
    "numpy_arrays": {
        "train.py": """
import numpy as np
import torch
import torch.nn as nn

t = np.round(np.random.rand(64))
o = np.random.rand(64, 1) - 0.5
loss = nn.BCEWithLogitsLoss()(torch.Tensor(o), torch.Tensor(t))  # expect: LG005
same = nn.BCEWithLogitsLoss()(torch.from_numpy(o), torch.from_numpy(t).unsqueeze(1))
fine = nn.BCEWithLogitsLoss()(torch.tensor(o), torch.tensor(np.zeros((64, 1))))
typed = nn.BCEWithLogitsLoss()(torch.tensor(o), torch.tensor(np.zeros(64, dtype=np.int64)))  # expect: LG005
# (the numpy dtype= is not read: no LG004 on it, only the shape)
labels = torch.Tensor([0, 2, 1])  # torch.Tensor of a list is float32
ce = nn.CrossEntropyLoss()(torch.randn(3, 4), labels)  # expect: LG013
ok = nn.CrossEntropyLoss()(torch.randn(3, 4), labels.long())
sized = torch.Tensor(3, 4)  # sizes, not data: the shape is not read from the arguments
""",
    },
    # the function form reads its sizes after the tensor; SlowFast's gradcam_utils passes them as
    # shape= (an internal error before round 8: the sizes were read from the tensor's position)
    "torch_reshape_function_form": {
        "train.py": """
import torch
import torch.nn as nn

def normalise(cam, B):
    low = torch.reshape(torch.min(cam.view(B, -1), dim=-1, keepdim=True)[0], shape=(B, 1, 1))
    return cam - low

scores = torch.randn(8, 1)
loss = nn.MSELoss()(torch.reshape(scores, (8,)), torch.randn(8, 1))  # expect: LG005
fine = nn.MSELoss()(torch.reshape(scores, (8, 1)), torch.randn(8, 1))
""",
    },
    # round 14 (realcode_heldout7's SimGNN look-alike): view(-1) of a tensor whose sizes are all known
    # has a known size; a one-element target against a (..., 1) prediction broadcasts to nothing else
    "view_works_out_its_minus_one": {
        "train.py": """
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(16, 1)

def pair_loss(features, ged):
    target = torch.from_numpy(np.exp(-ged).reshape(1, 1)).view(-1).float()
    prediction = torch.sigmoid(head(features))
    return F.mse_loss(target, prediction)

def batch_loss():
    target = torch.randn(4, 2).view(-1)
    return F.mse_loss(target, torch.randn(8, 1))  # expect: LG005
""",
    },
    # round 14 (realcode_heldout10, FairBatch): tanh and relu keep the shape, and so does the
    # arithmetic that maps tanh into [0, 1]
    "elementwise_functions_keep_the_shape": {
        "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

model = nn.Linear(3, 1)
logit = model(torch.randn(100, 3))
labels = torch.randn(100)
criterion = nn.BCELoss(reduction="none")
loss = criterion((F.tanh(logit) + 1) / 2, labels)  # expect: LG005
hinge = nn.MSELoss()(logit.relu(), labels)  # expect: LG005
ok = criterion((torch.tanh(logit.squeeze(1)) + 1) / 2, labels)
""",
    },
    # round 17 (blind2's forest-cover notebook): rows picked by an integer tensor keep its axes, a
    # boolean mask keeps one axis of unknown size; torch.randperm(n) is 1-D
    "tensor_index_picks_rows": {
        "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

labels = torch.zeros(100)
soft = torch.zeros(100, 5)
idx = torch.randperm(100)[:32]
loss = nn.CrossEntropyLoss()(torch.randn(32, 5), labels[idx])  # expect: LG013
fine = nn.CrossEntropyLoss()(torch.randn(32, 5), soft[idx])
pred = torch.randn(100, 1)
keep = labels > 0
mse = F.mse_loss(pred[keep], labels[keep])  # expect: LG005
same = F.mse_loss(pred[keep].squeeze(1), labels[keep])
""",
    },
    # round 17 (realcode_heldout11's tweet LSTM): a pandas column is 1-D, a list of columns 2-D;
    # train_test_split keeps each array's rank; a DataLoader batches the places of a row it can
    # read even when another place (third-party token arrays) is unknown
    "table_columns_through_a_loader": {
        "data.py": """
import pandas as pd
from sklearn.model_selection import train_test_split


class Prep:
    def load(self, path):
        df = pd.read_csv(path)
        self.x_train, self.x_test, self.y_train, self.y_test = train_test_split(df["text"].values, df["target"].values)
        self.pairs = df[["a", "b"]].to_numpy()
""",
        "train.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset

from data import Prep


class Rows(Dataset):
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return encode(self.x[i]), self.y[i]


prep = Prep()
prep.load("tweets.csv")
head = nn.Sequential(nn.Linear(16, 1), nn.Sigmoid())
for x, y in DataLoader(Rows(prep.x_train, prep.y_train), batch_size=8):
    loss = F.binary_cross_entropy(head(x), y.float())  # expect: LG005
    fine = F.binary_cross_entropy(head(x).squeeze(1), y.float())
for x, y in DataLoader(Rows(prep.x_train, prep.pairs), batch_size=8):
    two = F.binary_cross_entropy(torch.rand(8, 2), y.float())
""",
    },
    # round 17: a table's rows and columns through .iloc / .loc, and the methods that keep its kind
    "table_indexers_and_methods": {
        "train.py": """
import pandas as pd
import torch
import torch.nn as nn

df = pd.read_csv("houses.csv").dropna().reset_index(drop=True)
features = torch.tensor(df.iloc[:, :-1].values, dtype=torch.float32)
price = torch.tensor(df.iloc[:, -1].values, dtype=torch.float32)
rooms = torch.tensor(df.loc[:, "rooms"].astype(float).to_numpy(), dtype=torch.float32)
pair = torch.tensor(df.loc[:, ["rooms", "price"]].values, dtype=torch.float32)
kept = torch.tensor(df.drop(columns=["id"]).values, dtype=torch.float32)
head = nn.Linear(8, 1)
loss = nn.MSELoss()(head(features), price)  # expect: LG005
same = nn.MSELoss()(head(features), rooms)  # expect: LG005
fine = nn.MSELoss()(head(features).squeeze(1), price)
two = nn.MSELoss()(torch.randn(64, 2), pair)
rows = nn.MSELoss()(torch.randn(64, 8), kept)
df.dropna(inplace=True)
""",
    },
    # round 21 (devnag's GAN, realcode_dev4): numbers read out of tensors, sizes read off them, torch's
    # arithmetic functions, reductions over literal axes, transposes and numpy samplers with a size
    "numbers_sizes_arithmetic": {
        "train.py": """
import numpy as np
import torch
import torch.nn as nn

crit = nn.BCELoss()
x = torch.Tensor(np.random.uniform(0, 1, size=(1, 30)))
centre = torch.mean(x, 1, keepdim=True)
spread = torch.mul(torch.ones(x.size()), centre.tolist()[0][0])
scaled = x * x.max().item()
feats = torch.cat([x, torch.pow(x - spread, 2), torch.zeros(x.shape), scaled], 1)
head = nn.Linear(120, 1)
a = crit(head(feats).clamp(0, 1), torch.ones(1))  # expect: LG005
cols = torch.rand(30, 1)
b = crit(torch.clamp(cols.t(), 0, 1), torch.ones(30, 1))  # expect: LG005
c = crit(torch.clamp(cols.transpose(0, 1).squeeze(0), 0, 1), torch.ones(30))
d = crit(torch.clamp(x.sum(dim=1), 0, 1), torch.ones(1))
e = crit(torch.clamp(x.mean(1, keepdim=True), 0, 1), torch.ones(1))  # expect: LG005
f = crit(torch.clamp(x.mean(dim=0), 0, 1), torch.ones(30))
g = crit(torch.clamp(torch.add(cols, 1.0, alpha=2), 0, 1), torch.ones(30))  # expect: LG005
h = crit(torch.clamp(torch.add(cols, x.max().item()), 0, 1).view(-1), torch.ones(30))
""",
    },
}


# Round 39 (smashHit3/pytorch-deep-learning's d2l linear regression at HEAD): `torch.normal(0, 1, (n, len(w)))` draws an
# (n, 2) matrix; read as the sizes of torch.randn it was (0, 1, ?), and the model's output on it a rank-3 tensor
_NORMAL_DRAWS = """
import torch
from torch import nn


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


features, labels = synthetic_data(torch.tensor([2, -3.4]), 4.2, 1000)
net = nn.Sequential(nn.Linear(2, 1))
loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.03)
for epoch in range(3):
    trainer.zero_grad()
    l = loss(net(features), {target})
    l.backward()
    trainer.step()
"""
PROJECTS["normal_draws_of_a_named_size_look_alike"] = {"train.py": _NORMAL_DRAWS.replace("{target}", "labels.view(-1, 1)")}
# the same draws against a target of one axis: the (1000, 1) output broadcasts against (1000,)
PROJECTS["normal_draws_of_a_named_size"] = {
    "train.py": _NORMAL_DRAWS.replace("{target}", "torch.normal(0, 1, (1000,))").replace(
        "    l = loss(net(features), torch.normal(0, 1, (1000,)))", "    l = loss(net(features), torch.normal(0, 1, (1000,)))  # expect: LG005"
    )
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_shapes_and_dtypes(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
