"""part of positive project [LG001]: the benchmark's trainer picks the model from cfg.EXP.MODEL_NAME and the loss from cfg.EXP.LOSS_NAME; for 'pointnet' with task 'cls_trans' and loss 'cross_entropy' (the shipped dgcnn_pointnet_ce configs) F.cross_entropy receives the wrapper's 'logit', which is log-softmax output."""
# Source: princeton-vl/SimpleView@64c6dfe4ec93a79e7e45377d6a46129f36ed62a5 main.py (read as is; its issue #13, answered "log_softmax simply normalizes the logits"; re-typed, identifiers renamed, cut at function boundaries: input/output format checks, validation, checkpointing, get_optimizer and the other model branches left out, the NaN guards kept)
import torch
import torch.nn as nn
import torch.nn.functional as F

import models
from all_utils import PerfTrackTrain, smooth_loss
from pointnet_pyt.pointnet.model import feature_transform_regularizer

DEVICE = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def get_loss(task, loss_name, data_batch, out, dataset_name):
    if task == 'cls':
        label = data_batch['label'].to(out['logit'].device)
        if loss_name == 'cross_entropy':
            loss = F.cross_entropy(out['logit'], label)
        elif loss_name == 'smooth':
            loss = smooth_loss(out['logit'], label)
        else:
            assert False
    elif task == 'cls_trans':
        label = data_batch['label'].to(out['logit'].device)
        trans_feat = out['trans_feat']
        logit = out['logit']
        if loss_name == 'cross_entropy':
            loss = F.cross_entropy(logit, label)  # expect: LG001
            loss += feature_transform_regularizer(trans_feat) * 0.001
        elif loss_name == 'smooth':
            loss = smooth_loss(logit, label)
            loss += feature_transform_regularizer(trans_feat) * 0.001
        else:
            assert False
    else:
        assert False
    return loss


def train(task, loader, model, optimizer, loss_name, dataset_name):
    model.train()
    perf = PerfTrackTrain(task, extra_param=None)
    for i, data_batch in enumerate(loader):
        inp = {'pc': data_batch['pc']}
        out = model(**inp)
        loss = get_loss(task, loss_name, data_batch, out, dataset_name)
        perf.update_all(data_batch=data_batch, out=out, loss=loss)
        if loss.ne(loss).any():
            print("WARNING: avoiding step as nan in the loss")
        else:
            optimizer.zero_grad()
            loss.backward()
            bad_grad = False
            for p in model.parameters():
                if p.grad is not None and p.grad.ne(p.grad).any():
                    bad_grad = True
                    break
            if not bad_grad:
                optimizer.step()
        if i % 50 == 0:
            print(f"[{i}/{len(loader)}] avg_loss: {perf.agg_loss()}")
    return perf.agg(), perf.agg_loss()


def get_model(cfg):
    if cfg.EXP.MODEL_NAME == 'pointnet':
        model = models.PointNetWrap(task=cfg.EXP.TASK, dataset=cfg.EXP.DATASET)
    else:
        assert False
    return model


def entry_train(cfg, loader_train):
    model = get_model(cfg)
    model.to(DEVICE)
    if torch.cuda.device_count() > 1:
        model = nn.DataParallel(model)
    optimizer, lr_sched, bnm_sched = get_optimizer(cfg.EXP.OPTIMIZER, cfg.TRAIN, model)
    for epoch in range(cfg.TRAIN.num_epochs):
        train_perf, train_loss = train(cfg.EXP.TASK, loader_train, model, optimizer, cfg.EXP.LOSS_NAME,
                                       cfg.EXP.DATASET)
