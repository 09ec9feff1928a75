"""look-alike [LG006, LG001]: the same study repository's three-class qwerty script stores each epoch's CrossEntropyLoss into an np.zeros slot, which converts the tensor to a float (no graph is kept; torch only warns); the model ends in a Linear layer, and nn.Softmax is applied only afterwards, to plot probabilities."""
# Source: rosxnb/learn-pytorch at 5a88c8fb (read as is), 01-ANN/08-qwerty-multiclass.py; re-typed, identifiers
# renamed; the data-plotting helper and the axis labels cut. (np.zeros slots with a requires-grad loss: a float64
# is stored, checked on torch 2.13 / NumPy 2.4.)
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn


def make_data(per_cluster=50):
    blur = 1
    a = [3, -2]
    b = [3, 3]
    c = [6, 0]
    xa = [a[0] + np.random.randn(per_cluster) * blur, a[1] + np.random.randn(per_cluster) * blur]
    xb = [b[0] + np.random.randn(per_cluster) * blur, b[1] + np.random.randn(per_cluster) * blur]
    xc = [c[0] + np.random.randn(per_cluster) * blur, c[1] + np.random.randn(per_cluster) * blur]
    labels_np = np.vstack((np.zeros((per_cluster, 1)), np.ones((per_cluster, 1)), 1 + np.ones((per_cluster, 1))))
    data_np = np.hstack((xa, xb, xc)).T
    data = torch.tensor(data_np, dtype=torch.float)
    labels = torch.squeeze(torch.tensor(labels_np).long())
    return data, labels


def train_net(lr, n_epochs):
    net = nn.Sequential(
        nn.Linear(2, 6),
        nn.ReLU(),
        nn.Linear(6, 4),
        nn.ReLU(),
        nn.Linear(4, 3)
    )
    ce = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(net.parameters(), lr=lr)

    data, labels = make_data()
    losses = np.zeros(n_epochs)
    accs = []
    for i in range(n_epochs):
        y_hat = net(data)
        loss = ce(y_hat, labels)
        losses[i] = loss

        opt.zero_grad()
        loss.backward()
        opt.step()

        guess = torch.argmax(y_hat, dim=1)
        acc = 100 * torch.mean((guess == labels).float())
        accs.append(acc)

    preds = net(data)
    guess = torch.argmax(preds, dim=1)
    final_acc = torch.mean((guess == labels).float()) * 100
    return preds, losses, accs, final_acc


if __name__ == '__main__':
    preds, losses, accs, final_acc = train_net(0.03, 1000)

    fig, ax = plt.subplots(1, 3, figsize=(20, 5))
    ax[0].plot(losses, 'rs')
    ax[1].set_title(f'Final Accuracy = {final_acc}%')
    ax[1].plot(accs, 'bo-')
    sm = nn.Softmax(dim=1)
    preds = sm(preds)
    shapes = ['bs', 'ko', 'r^']
    for i in range(3):
        ax[2].plot(preds[:, i].data, shapes[i], markerfacecolor='w')
    plt.show()
