"""positive [LG006]: d2l polynomial-fitting notebook: after each epoch's training loop, train_ls.append(criterion(model(features), labels).mean()) without no_grad or .item(); every epoch's graph is kept."""
# Source: https://github.com/dsgiitr/d2l-pytorch Ch06_Multilayer_Perceptrons/Model_Selection_Underfitting_and_Overfitting.ipynb
# at e84da49a9e1ba1f1b59e2ed5e2dc4f3b57b6fad (found by this survey); re-typed from the notebook cell, names changed.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


def fit_and_plot(train_features, test_features, train_labels, test_labels, num_epochs=100):
    train_ls, test_ls = [], []
    model = nn.Sequential(nn.Linear(train_features.shape[-1], 1))
    criterion = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    train_labels = train_labels.reshape(-1, 1)
    train_dl = DataLoader(TensorDataset(train_features, train_labels), 10, shuffle=True)
    test_labels = test_labels.reshape(-1, 1)
    for ep in range(num_epochs):
        for xb, yb in train_dl:
            pred_y = model(xb)
            loss = criterion(pred_y, yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        predytr = model(train_features)
        train_ls.append((criterion(predytr, train_labels)).mean())  # expect: LG006
        predyts = model(test_features)
        test_ls.append((criterion(predyts, test_labels)).mean())  # expect: LG006
    print("final epoch: train loss", train_ls[-1], "test loss", test_ls[-1])
    return train_ls, test_ls
