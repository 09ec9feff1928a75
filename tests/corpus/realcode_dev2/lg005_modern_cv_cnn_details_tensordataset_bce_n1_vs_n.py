"""positive [LG005]: a Sequential ending in nn.Linear(1, 1) and nn.Sigmoid gives (batch, 1); the labels y_train = torch.tensor([0, 1]).float() reach BCELoss through DataLoader(TensorDataset(X_train, y_train)) as (batch,)."""
# Source: https://github.com/PacktPublishing/Modern-Computer-Vision-with-PyTorch Chapter04/CNN_working_details.ipynb
# at f17de1ea194bc61faec882aaf97a9b435e9cc596 (issue #73 "Squeeze on model output": "Using a target size
# (torch.Size([1])) that is different to the input size (torch.Size([1, 1]))", open: the bug is at HEAD);
# the notebook cells as .py, re-typed, names changed, reduced (torchsummary and the filter read-out left out).
import torch
from torch import nn
from torch.optim import Adam
from torch.utils.data import DataLoader, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"

X_train = torch.tensor(
    [
        [[[1, 2, 3, 4], [2, 3, 4, 5], [5, 6, 7, 8], [1, 3, 4, 5]]],
        [[[-1, 2, 3, -4], [2, -3, 4, 5], [-5, 6, -7, 8], [-1, -3, -4, -5]]],
    ]
).to(device).float()
X_train /= 8
y_train = torch.tensor([0, 1]).to(device).float()


def get_model():
    model = nn.Sequential(
        nn.Conv2d(1, 1, kernel_size=3),
        nn.MaxPool2d(2),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(1, 1),
        nn.Sigmoid(),
    ).to(device)
    loss_fn = nn.BCELoss()
    optimizer = Adam(model.parameters(), lr=1e-2)
    return model, loss_fn, optimizer


model, loss_fn, optimizer = get_model()


def train_batch(x, y, model, opt, loss_fn):
    model.train()
    prediction = model(x)
    batch_loss = loss_fn(prediction, y)  # expect: LG005
    batch_loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return batch_loss.item()


trn_dl = DataLoader(TensorDataset(X_train, y_train))
for epoch in range(2000):
    for ix, batch in enumerate(iter(trn_dl)):
        x, y = batch
        batch_loss = train_batch(x, y, model, optimizer, loss_fn)
