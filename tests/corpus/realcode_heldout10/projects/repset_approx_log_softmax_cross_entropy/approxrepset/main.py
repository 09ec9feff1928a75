"""part of positive project [LG001]: cross-validation script; train() and test() are closures defined inside the fold loop that pass the ApproxRepSet output (log-probabilities, models.py) to F.cross_entropy."""
# Source: giannisnik/repset@208946423cb7a5037d42a962711d44c0c07ead2c approxrepset/main.py (read as is; issue #1 of the repository; re-typed, the batch-building loops shortened)
from math import ceil

import numpy as np
import torch
import torch.nn.functional as F
from models import ApproxRepSet
from utils import load_data, accuracy, AverageMeter

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

dataset = 'twitter'
epochs = 30
lr = 1e-3
n_hidden_sets = 10
n_elements = 20
d = 300
batch_size = 64
cv_folds = 5

errs = list()

for fold in range(cv_folds):
    X_tr, X_te, y_tr, y_te, n_classes, _, _, _, _ = load_data(dataset, fold)

    train_batches = list()
    for i in range(ceil(y_tr.shape[0] / batch_size)):
        rows = range(i * batch_size, min((i + 1) * batch_size, y_tr.shape[0]))
        longest = max([X_tr[j].shape[1] for j in rows])
        X = np.zeros((len(rows), longest, d))
        for k, j in enumerate(rows):
            X[k, :X_tr[j].shape[1], :] = X_tr[j].T
        X = torch.FloatTensor(X).to(device)
        y = torch.LongTensor(np.where(y_tr[rows.start:rows.stop])[1]).to(device)
        train_batches.append((X, y))

    test_batches = list()
    for i in range(ceil(y_te.shape[0] / batch_size)):
        rows = range(i * batch_size, min((i + 1) * batch_size, y_te.shape[0]))
        longest = max([X_te[j].shape[1] for j in rows])
        X = np.zeros((len(rows), longest, d))
        for k, j in enumerate(rows):
            X[k, :X_te[j].shape[1], :] = X_te[j].T
        X = torch.FloatTensor(X).to(device)
        y = torch.LongTensor(np.where(y_te[rows.start:rows.stop])[1]).to(device)
        test_batches.append((X, y))

    model = ApproxRepSet(n_hidden_sets, n_elements, d, n_classes, device).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def train(X, y):
        optimizer.zero_grad()
        output = model(X)
        loss_train = F.cross_entropy(output, y)  # expect: LG001
        loss_train.backward()
        optimizer.step()
        return output, loss_train

    def test(X, y):
        output = model(X)
        loss_test = F.cross_entropy(output, y)  # expect: LG001
        return output, loss_test

    model.train()
    for epoch in range(epochs):
        train_loss = AverageMeter()
        train_err = AverageMeter()
        for X, y in train_batches:
            output, loss = train(X, y)
            train_loss.update(loss.item(), output.size(0))
            train_err.update(1 - accuracy(output.data, y.data), output.size(0))
        print("fold", fold + 1, "epoch", epoch + 1, "train_loss", train_loss.avg, "train_err", train_err.avg)

    model.eval()
    test_loss = AverageMeter()
    test_err = AverageMeter()
    for X, y in test_batches:
        output, loss = test(X, y)
        test_loss.update(loss.item(), output.size(0))
        test_err.update(1 - accuracy(output.data, y.data), output.size(0))

    errs.append(test_err.avg.cpu())

print("Average error:", np.mean(errs))
print("Standard deviation:", np.std(errs))
