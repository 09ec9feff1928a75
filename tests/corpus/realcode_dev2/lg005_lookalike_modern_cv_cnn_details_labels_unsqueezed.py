"""look-alike [LG005]: the fix posted in the issue: y_train = torch.tensor([0, 1]).float().unsqueeze(1) is (2, 1), so the DataLoader batches (batch, 1) labels, the shape of the Linear(1, 1) + Sigmoid output."""
# Source: https://github.com/PacktPublishing/Modern-Computer-Vision-with-PyTorch/issues/73 (the first fix posted in
# the thread, y_train = torch.tensor([0,1]).to(device).float().unsqueeze(1)) applied to
# Chapter04/CNN_working_details.ipynb at f17de1ea194bc61faec882aaf97a9b435e9cc596; the notebook cells as .py,
# re-typed, names changed, reduced.
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
y_train = torch.tensor([0, 1]).to(device).float().unsqueeze(1)


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
    batch_loss = loss_fn(prediction, y)
    batch_loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return batch_loss.item()


trn_dl = DataLoader(TensorDataset(X_train, y_train))
for epoch in range(2000):
    for ix, batch in enumerate(iter(trn_dl)):
        x, y = batch
        batch_loss = train_batch(x, y, model, optimizer, loss_fn)
