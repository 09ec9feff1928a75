"""look-alike [LG007, LG006]: a graph network's output into F.nll_loss (its model not shown) and an accuracy counted with .item()."""

# Source: https://discuss.pytorch.org/t/difference-between-train-loss-and-accuracy-in-cnn/94100 (the asker's train and
# test functions, re-typed and renamed). The reply: the model outputs log-probabilities for nll_loss, which is the
# cross entropy; the question is about printing a test loss. The model, loaders, optimizer and device are not in
# the post, so nothing says the input is not log-probabilities.
import torch
import torch.nn.functional as F


def train(epoch):
    model.train()
    for data in train_loader:
        data = data.to(device)
        optimizer.zero_grad()
        loss = F.nll_loss(model(data), data.y)
        loss.backward()
        optimizer.step()


def test(loader):
    model.eval()
    correct = 0
    for data in loader:
        data = data.to(device)
        with torch.no_grad():
            pred = model(data).max(1)[1]
        correct += pred.eq(data.y).sum().item()
    return correct / len(loader.dataset)
