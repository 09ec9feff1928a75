"""positive [LG006]: LR range test appends the cost tensor to collect['cost'] every batch and sums it into epoch_avg_cost; both keep each step's graph."""
# Source: https://github.com/rasbt/deeplearning-models pytorch_ipynb/tricks/cyclical-learning-rate.ipynb at
# 18e046926551378cd691fd871dda0f21dcd272ab (found by this survey); re-typed from two notebook cells, names changed.
import torch


def range_test(model, train_loader, base_lr, num_epochs, device):
    cost_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=base_lr)
    collect = {"lr": [], "cost": [], "train_batch_acc": []}
    cur_lr = base_lr
    for epoch in range(num_epochs):
        epoch_avg_cost = 0.
        for batch_idx, (features, targets) in enumerate(train_loader):
            features = features.to(device)
            targets = targets.to(device)
            logits, probas = model(features)
            cost = cost_fn(logits, targets)
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            epoch_avg_cost += cost  # expect: LG006
            collect["lr"].append(cur_lr)
            collect["cost"].append(cost)  # expect: LG006
        print(epoch, epoch_avg_cost / len(train_loader))
    return collect
