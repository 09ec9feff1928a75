"""positive [LG006]: the training function adds each back-propagated loss tensor to total_loss, so every step's graph lives until the epoch's average is returned; the evaluation functions do the same under no_grad, which keeps no graph."""
# Source: ajhamdi/MVTN@bd90fbf16c (the parent of 4c5da6b, "fixed memory leakage issue #2", which adds .item() in all six functions) run_mvtn.py (re-typed: train and evaluate; rendering helpers, logging and the rotationNet variants cut; names kept)
import torch
import torch.nn as nn
from torch.autograd import Variable

criterion = nn.CrossEntropyLoss()


def train(data_loader, models_bag, setup):
    total = 0.0
    correct = 0.0
    total_loss = 0.0
    n = 0
    for i, (targets, meshes, points) in enumerate(data_loader):
        c_batch_size = targets.shape[0]
        models_bag["optimizer"].zero_grad()
        if setup["is_learning_views"]:
            models_bag["mvtn_optimizer"].zero_grad()
        azim, elev, dist = models_bag["mvtn"](points, c_batch_size=c_batch_size)
        rendered_images, _ = models_bag["mvrenderer"](meshes, points, azim=azim, elev=elev, dist=dist)
        targets = Variable(targets.cuda())
        outputs = models_bag["mvnetwork"](rendered_images)[0]
        loss = criterion(outputs, targets)
        _, predicted = torch.max(outputs.data, 1)
        total += targets.size(0)
        loss.backward()
        models_bag["optimizer"].step()
        if setup["is_learning_views"]:
            models_bag["mvtn_optimizer"].step()
        correct += (predicted.cpu() == targets.cpu()).sum()
        total_loss += loss  # expect: LG006
        n += 1
    avg_loss = total_loss / n
    avg_train_acc = 100 * correct / total
    return avg_train_acc, avg_loss


def evaluate(data_loader, models_bag, setup):
    total_loss = 0.0
    n = 0
    for i, (targets, meshes, points) in enumerate(data_loader):
        with torch.no_grad():
            c_batch_size = targets.shape[0]
            azim, elev, dist = models_bag["mvtn"](points, c_batch_size=c_batch_size)
            rendered_images, _ = models_bag["mvrenderer"](meshes, points, azim=azim, elev=elev, dist=dist)
            outputs = models_bag["mvnetwork"](rendered_images)[0]
            loss = criterion(outputs, Variable(targets.cuda()))
            total_loss += loss
            n += 1
    return total_loss / n


for epoch in range(setup["epochs"]):
    acc, loss = train(train_loader, models_bag, setup)
    val_loss = evaluate(test_loader, models_bag, setup)
