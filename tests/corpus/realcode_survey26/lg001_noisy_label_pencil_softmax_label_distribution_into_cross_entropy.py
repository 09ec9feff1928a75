"""positive [LG001]: PENCIL's compatibility loss hands the softmax of the learned label distribution to CrossEntropyLoss, which applies log-softmax again (the paper's loss is the cross-entropy of the noisy labels against that softmax)."""

# Source: yikun2019/PENCIL@8a89ed5 PENCIL.py (re-typed, renamed, cut to the loss and the training step)
import torch
import torch.nn as nn


def train(loader, model, optimizer, label_dist, new_dist, epoch, stage1, stage2, alpha, beta, lam):
    criterion = nn.CrossEntropyLoss()
    model.train()
    for inputs, target, index in loader:
        output = model(inputs)
        logsoftmax = nn.LogSoftmax(dim=1)
        softmax = nn.Softmax(dim=1)
        if epoch < stage1:
            lc = criterion(output, target)
            new_dist[index, :] = torch.zeros(target.size(0), 10).scatter_(1, target.view(-1, 1), 10.0).numpy()
        else:
            yy = torch.tensor(label_dist[index, :], dtype=torch.float32, requires_grad=True)
            last_y = softmax(yy)
            lc = torch.mean(softmax(output) * (logsoftmax(output) - torch.log(last_y)))
            lo = criterion(last_y, target)  # expect: LG001
        le = -torch.mean(torch.mul(softmax(output), logsoftmax(output)))
        if epoch < stage1:
            loss = lc
        elif epoch < stage2:
            loss = lc + alpha * lo + beta * le
        else:
            loss = lc
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if stage1 <= epoch < stage2:
            yy.data.sub_(lam * yy.grad.data)
            new_dist[index, :] = yy.data.numpy()
