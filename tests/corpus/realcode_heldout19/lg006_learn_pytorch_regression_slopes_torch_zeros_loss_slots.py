"""positive [LG006]: a study repository's slope experiment stores every epoch's MSELoss tensor into a torch.zeros slot (trainLosses[epoch] = loss), which records the copy in the autograd graph; 500 epochs per model, 1050 models, and only the last slot is read (into a NumPy array) afterwards."""
# Source: rosxnb/learn-pytorch at 5a88c8fb (read as is), 01-ANN/02-regression-slopes.py; re-typed, identifiers renamed;
# the data-plotting helper cut. The sibling scripts of the same folder store into np.zeros instead (see the
# look-alike lg006_lookalike_learn_pytorch_qwerty_numpy_zeros_loss_slots.py).
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn


def fit_one(x, y):
    net = nn.Sequential(
        nn.Linear(1, 1),
        nn.ReLU(),
        nn.Linear(1, 1)
    )
    lr = 0.01
    mse = nn.MSELoss()
    opt = torch.optim.SGD(net.parameters(), lr=lr)

    n_epochs = 500
    losses = torch.zeros(n_epochs)
    for ep in range(n_epochs):
        y_hat = net(x)
        loss = mse(y_hat, y)
        losses[ep] = loss  # expect: LG006

        opt.zero_grad()
        loss.backward()
        opt.step()

    preds = net(x)
    return preds, losses


def make_data(slope, n=50):
    x = torch.randn(n, 1)
    y = slope * x + torch.randn(n, 1) / 2
    return x, y


if __name__ == '__main__':
    slopes = np.linspace(-2, 2, 21)
    n_runs = 50
    results = np.zeros((len(slopes), n_runs, 2))

    for si, slope in enumerate(slopes):
        for run in range(n_runs):
            x, y = make_data(slope)
            y_hat, losses = fit_one(x, y)
            results[si, run, 0] = losses[-1]
            results[si, run, 1] = np.corrcoef(y.T, y_hat.data.T)[0, 1]

    results[np.isnan(results)] = 0

    fig, ax = plt.subplots(1, 2, figsize=(12, 4))
    ax[0].plot(slopes, np.mean(results[:, :, 0], axis=1), 'ko-', markerfacecolor='w', markersize=10)
    ax[0].set_title('Loss')
    ax[1].plot(slopes, np.mean(results[:, :, 1], axis=1), 'ms-', markerfacecolor='w', markersize=10)
    ax[1].set_title('Model Performance')
    plt.show()
