"""part of positive project [LG006]: the molecular-property trainers append every training batch's loss tensor to a list and sum the list once per epoch, so each batch's graph stays referenced until the epoch ends (the AUROC branch even back-propagates with retain_graph=True); the validation lists hold losses of outputs computed under torch.no_grad."""
# Source: divelab/MoleculeX at 4d3df340, AdvProp/graph/src/train_eval.py (read as is); re-typed, identifiers renamed;
# the early stopping, TensorBoard logging, checkpointing, learning-rate decay and the test functions shortened
# (compute_cla_metric, compute_reg_metric as in the source's metric module).
import os
import time

import numpy as np
import torch
from torch.optim import Adam
from torch_geometric.data import DataLoader
from libauc.losses import APLoss_SH, AUCMLoss
from libauc.optimizers import SOAP_ADAM, PESG
from libauc.datasets import ImbalanceSampler

from metric import compute_cla_metric, compute_reg_metric

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def run_classification(train_set, val_set, test_set, model, num_tasks, epochs, batch_size, vt_batch_size, lr,
                       weight_decay, loss_config, metric, save_dir):
    model = model.to(device)
    kind = loss_config['type']
    if kind == 'bce':
        criterion = torch.nn.BCEWithLogitsLoss(reduction='none')
        optimizer = Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    elif kind == 'auprc':
        labels = [int(d.y.item()) for d in train_set]
        n_all = len(train_set) + len(val_set) + len(test_set)
        criterion = APLoss_SH(margin=loss_config['margin'], beta=loss_config['beta'], data_len=n_all)
        optimizer = SOAP_ADAM(model.parameters(), lr=lr, weight_decay=weight_decay)
    elif kind == 'auroc':
        labels = [int(d.y.item()) for d in train_set]
        imratio = sum(labels) / len(labels)
        criterion = AUCMLoss(margin=loss_config['margin'], imratio=imratio)
        a, b, alpha = criterion.a, criterion.b, criterion.alpha
        optimizer = PESG(model, a=a, b=b, alpha=alpha, imratio=imratio, lr=lr, weight_decay=weight_decay,
                         gamma=loss_config['gamma'], margin=loss_config['margin'])
    else:
        raise ValueError('not supported loss function!')

    val_loader = DataLoader(val_set, vt_batch_size, shuffle=False)
    best = 0
    for epoch in range(1, epochs + 1):
        if kind == 'auprc':
            sampler = ImbalanceSampler(labels, batch_size, pos_num=1)
            train_loader = DataLoader(train_set, batch_size, sampler=sampler)
        else:
            train_loader = DataLoader(train_set, batch_size, shuffle=True, drop_last=True)
        t0 = time.perf_counter()
        train_total = train_classification(model, optimizer, train_loader, num_tasks, kind, criterion, device)
        val_prc, val_roc, val_total = val_classification(model, val_loader, num_tasks, kind, criterion, device)
        train_per_sample = train_total / len(train_set)
        val_per_sample = val_total / len(val_set)
        score = np.mean(val_prc) if metric == "prc" else np.mean(val_roc)
        if score > best:
            best = score
            torch.save(model.state_dict(), os.path.join(save_dir, 'params.ckpt'))
        print('Epoch: {:03d}, Training Loss: {:.6f}, Val Loss: {:.6f}, Duration: {:.2f}'.format(
            epoch, train_per_sample, val_per_sample, time.perf_counter() - t0))


def train_classification(model, optimizer, train_loader, num_tasks, kind, criterion, device):
    model.train()
    losses = []
    for batch in train_loader:
        optimizer.zero_grad()
        batch = batch.to(device)
        out = model(batch)
        if kind == 'bce':
            if len(batch.y.shape) != 2:
                batch.y = torch.reshape(batch.y, (-1, num_tasks))
            mask = torch.Tensor([[not np.isnan(x) for x in row] for row in batch.y.cpu()])
            mask = mask.to(device)
            target = torch.Tensor([[0 if np.isnan(x) else x for x in row] for row in batch.y.cpu()])
            target = target.to(device)
            loss = criterion(out, target) * mask
            loss = loss.sum()
            loss.backward()
        elif kind == 'auprc':
            target = batch.y
            score = torch.nn.Sigmoid()(out)
            loss = criterion(score, target, index_s=batch.idx.long())
            loss.backward()
        elif kind == 'auroc':
            target = batch.y
            score = torch.nn.Sigmoid()(out)
            loss = criterion(score, target)
            loss.backward(retain_graph=True)
        optimizer.step()
        losses.append(loss)  # expect: LG006
    return sum(losses).item()


def val_classification(model, val_loader, num_tasks, kind, criterion, device):
    model.eval()
    preds = torch.Tensor([]).to(device)
    targets = torch.Tensor([]).to(device)
    losses = []
    for batch in val_loader:
        batch = batch.to(device)
        with torch.no_grad():
            out = model(batch)
        if kind == 'bce':
            if len(batch.y.shape) != 2:
                batch.y = torch.reshape(batch.y, (-1, num_tasks))
            mask = torch.Tensor([[not np.isnan(x) for x in row] for row in batch.y.cpu()])
            mask = mask.to(device)
            target = torch.Tensor([[0 if np.isnan(x) else x for x in row] for row in batch.y.cpu()])
            target = target.to(device)
            loss = criterion(out, target) * mask
            loss = loss.sum()
        elif kind == 'auprc':
            target = batch.y
            score = torch.nn.Sigmoid()(out)
            loss = criterion(score, target, index_s=batch.idx.long())
        elif kind == 'auroc':
            target = batch.y
            score = torch.nn.Sigmoid()(out)
            loss = criterion(score, target)
        losses.append(loss)
        pred = torch.sigmoid(out)
        preds = torch.cat([preds, pred], dim=0)
        targets = torch.cat([targets, batch.y.view(-1, num_tasks)], dim=0)
    prc, roc = compute_cla_metric(targets.cpu().detach().numpy(), preds.cpu().detach().numpy(), num_tasks)
    return prc, roc, sum(losses).item()


def run_regression(train_set, val_set, test_set, model, num_tasks, epochs, batch_size, vt_batch_size, lr,
                   weight_decay, metric, save_dir):
    model = model.to(device)
    mse = torch.nn.MSELoss(reduction='none')
    optimizer = Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    val_loader = DataLoader(val_set, vt_batch_size, shuffle=False)
    for epoch in range(1, epochs + 1):
        train_loader = DataLoader(train_set, batch_size, shuffle=True)
        train_total = train_regression(model, optimizer, train_loader, num_tasks, mse, device)
        val_mae, val_rmse, val_total = val_regression(model, val_loader, num_tasks, mse, device)
        print('Epoch: {:03d}, Training Loss: {:.6f}, Val Loss: {:.6f}'.format(
            epoch, train_total / len(train_set), val_total / len(val_set)))


def train_regression(model, optimizer, train_loader, num_tasks, mse, device):
    model.train()
    losses = []
    for batch in train_loader:
        optimizer.zero_grad()
        batch = batch.to(device)
        out = model(batch)
        if len(batch.y.shape) != 2:
            batch.y = torch.reshape(batch.y, (-1, num_tasks))
        loss = mse(out, batch.y)
        loss = loss.sum()
        loss.backward()
        optimizer.step()
        losses.append(loss)  # expect: LG006
    return sum(losses).item()


def val_regression(model, val_loader, num_tasks, mse, device):
    model.eval()
    preds = torch.Tensor([]).to(device)
    targets = torch.Tensor([]).to(device)
    losses = []
    for batch in val_loader:
        batch = batch.to(device)
        with torch.no_grad():
            out = model(batch)
        if len(batch.y.shape) != 2:
            batch.y = torch.reshape(batch.y, (-1, num_tasks))
        loss = mse(out, batch.y)
        loss = loss.sum()
        losses.append(loss)
        preds = torch.cat([preds, out], dim=0)
        targets = torch.cat([targets, batch.y], dim=0)
    mae, rmse = compute_reg_metric(targets.cpu().detach().numpy(), preds.cpu().detach().numpy(), num_tasks)
    return mae, rmse, sum(losses).item()
