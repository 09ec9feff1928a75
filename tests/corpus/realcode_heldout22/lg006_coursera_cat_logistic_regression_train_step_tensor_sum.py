"""positive [LG006]: a PyTorch port of a course's cat / non-cat logistic regression sums each step's BCELoss tensor into train_loss (train_loss += loss) for a whole epoch of batch-size-1 steps, and returns the tensor sum; the test sum runs under torch.inference_mode."""
# Source: hardy500/pytorch_practice at 0b820a9e (read as is), c1_nn_and_dl/w2/logistic_regression.py; re-typed,
# identifiers renamed, two-space indentation kept as four. lr_utils.load_dataset is not included.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchmetrics.classification import Accuracy

from lr_utils import load_dataset


def load_data():
    x_tr_np, y_tr_np, x_te_np, y_te_np, classes = load_dataset()
    x_tr = torch.from_numpy(x_tr_np).float()
    y_tr = torch.from_numpy(y_tr_np.T).float()
    x_te = torch.from_numpy(x_te_np).float()
    y_te = torch.from_numpy(y_te_np.T).float()
    train_loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=1, shuffle=True)
    test_loader = DataLoader(TensorDataset(x_te, y_te), batch_size=1)
    return train_loader, test_loader


class LogReg(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.stack = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features, out_features),
            nn.Sigmoid(),
        )

    def forward(self, x):
        x = nn.functional.normalize(x)
        return self.stack(x)


def test_step(model, test_loader, loss_fn, acc_fn):
    te_loss, te_acc = 0, 0
    model.eval()
    with torch.inference_mode():
        for x, y in test_loader:
            pred = model(x)
            te_loss += loss_fn(pred, y)
            te_acc += acc_fn(pred, y)
        te_loss /= len(test_loader)
        te_acc /= len(test_loader)
    return te_loss, te_acc


def train_step(model, train_loader, optimizer, loss_fn, acc_fn):
    tr_loss, tr_acc = 0, 0
    for x, y in train_loader:
        model.train()
        pred = model(x)
        loss = loss_fn(pred, y)
        tr_loss += loss  # expect: LG006
        tr_acc += acc_fn(pred, y)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    tr_loss /= len(train_loader)
    tr_acc /= len(train_loader)
    return tr_loss, tr_acc


def train(model, train_loader, test_loader, optimizer, loss_fn, acc_fn, epochs):
    for epoch in range(epochs):
        tr_loss, tr_acc = train_step(model, train_loader, optimizer, loss_fn, acc_fn)
        te_loss, te_acc = test_step(model, test_loader, loss_fn, acc_fn)
        if epoch % 10 == 0:
            print(f"[{epoch}/{epochs}] Train loss: {tr_loss:.3f} | Train acc: {tr_acc:.3f} || "
                  f"Test loss: {te_loss:.3f} | Test acc: {te_acc:.3f}")


if __name__ == "__main__":
    in_features = 64 * 64 * 3
    out_features = 1
    train_loader, test_loader = load_data()

    model = LogReg(in_features, out_features)
    loss_fn = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters())
    acc_fn = Accuracy(task="binary", num_classes=1)
    epochs = 100

    torch.manual_seed(0)
    train(model, train_loader, test_loader, optimizer, loss_fn, acc_fn, epochs)
