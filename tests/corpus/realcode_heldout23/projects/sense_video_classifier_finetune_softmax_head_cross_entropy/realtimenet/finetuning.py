"""part of positive project [LG001]: the fine-tuning loops: training_loops builds nn.CrossEntropyLoss and run_epoch gives it the network's outputs (per-clip outputs concatenated in training, averaged over time in validation), which are the classifier's softmax probabilities."""
# Source: quic/sense at cbdb32ed (the parent of eb5bdb35, "Remove softmax layer during finetuning", PR #47), realtimenet/finetuning.py;
# re-typed, identifiers renamed; feature extraction, the data loader and the confusion-matrix plot cut.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import confusion_matrix


def training_loops(net, train_loader, valid_loader, use_gpu, num_epochs, lr_schedule, label_names, path_out):
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(net.parameters(), lr=0.0001)
    best_state_dict = None
    best_top1 = 0.
    for epoch in range(num_epochs):
        new_lr = lr_schedule.get(epoch)
        if new_lr:
            for group in optimizer.param_groups:
                group["lr"] = new_lr
        net.train()
        train_loss, train_top1, cnf = run_epoch(train_loader, net, criterion, optimizer, use_gpu)
        net.eval()
        valid_loss, valid_top1, cnf = run_epoch(valid_loader, net, criterion, None, use_gpu)
        print("[%d] train loss: %.3f top1: %.3f valid loss: %.3f top1: %.3f"
              % (epoch + 1, train_loss, train_top1, valid_loss, valid_top1))
        if valid_top1 > best_top1:
            best_top1 = valid_top1
            best_state_dict = net.state_dict().copy()
    return best_state_dict


def run_epoch(data_loader, net, criterion, optimizer=None, use_gpu=False):
    running_loss = 0.0
    top_preds = []
    labels = []
    for i, data in enumerate(data_loader):
        inputs, targets = data
        if use_gpu:
            inputs = inputs.cuda()
            targets = targets.cuda()
        if net.training:
            outputs = [net(x) for x in inputs]
            outputs = torch.cat(outputs, dim=0)
        else:
            assert data_loader.batch_size == 1
            outputs = net(inputs[0])
            outputs = torch.mean(outputs, dim=0, keepdim=True)
        loss = criterion(outputs, targets)  # expect: LG001
        if optimizer is not None:
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        labels += list(targets.cpu().numpy())
        top_preds += list(outputs.argmax(dim=1).cpu().numpy())
        running_loss += loss.item()
    labels = np.array(labels)
    top_preds = np.array(top_preds)
    top1 = np.mean(labels == top_preds)
    return running_loss / len(data_loader), top1, confusion_matrix(labels, top_preds)
