"""look-alike [LG001, LG014]: a user who finds 93.7% on EMNIST-letters suspiciously high posts the model and loops; the Sequential ends in a Linear layer (raw scores into CrossEntropyLoss) and the loop clears the gradients every step."""

# Source: thread https://discuss.pytorch.org/t/unexpectedly-high-results-on-emnist-letters-with-no-augmentation-and-simple-cnn/120827
# (the posted model, train and validate functions, re-typed and renamed; timing and plotting lines cut; the loaders
# are not in the post and stay undefined). The loss code is the textbook one; nothing in it explains the accuracy.
import copy

import torch
import torch.nn as nn
import torch.optim as optim


def build_cnn():
    net = nn.Sequential(
        nn.Conv2d(1, 16, 5, 1, 2),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 5, 1, 2),
        nn.Dropout(p=0.2),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 400),
        nn.Dropout(p=0.2),
        nn.ReLU(),
        nn.Linear(400, 80),
        nn.ReLU(),
        nn.Linear(80, 26),
    )
    return net


def fit(n_epochs=3, lr=1e-3, device="cpu"):
    scores = []
    cnn = build_cnn().to(device)
    ce = nn.CrossEntropyLoss()
    opt = optim.Adam(cnn.parameters(), lr=lr)
    best_acc = 0
    for epoch in range(n_epochs):
        for i, (images, labels) in enumerate(train_loader):
            images = images.to(device)
            labels = labels.to(device)
            opt.zero_grad()
            pred = cnn(images)
            loss = ce(pred, labels)
            loss.backward()
            opt.step()
        acc = float(check(cnn, test_loader))
        scores.append(acc)
        if acc > best_acc:
            best = copy.deepcopy(cnn)
            best_acc = acc
    return best


def check(net, data):
    total = 0
    correct = 0
    for i, (images, labels) in enumerate(data):
        images = images.cuda()
        x = net(images)
        value, pred = torch.max(x, 1)
        pred = pred.data.cpu()
        total += x.size(0)
        correct += torch.sum(pred == labels)
    return correct * 100.0 / total
