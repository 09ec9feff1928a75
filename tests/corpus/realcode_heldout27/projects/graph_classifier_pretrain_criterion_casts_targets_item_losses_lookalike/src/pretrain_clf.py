"""part of look-alike project [LG003, LG004, LG006, LG013, LG016]: the classifier pre-training steps the optimizer on Criterion(logits, data.y) for each batch and returns loss.item() with detached logits; run_one_epoch appends those floats and averages them with numpy."""
# Source: Graph-COM/GSAT at 6812f5ca, src/pretrain_clf.py; re-typed, identifiers renamed; the OGB evaluator, the tensorboard writer, the
# seed loop, checkpointing and the best-epoch bookkeeping shortened. get_data_loaders and process_data are the repository's
# (not included).
import numpy as np
import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau
from tqdm import tqdm

from utils import Criterion, get_model, get_preds
from utils.get_data_loaders import get_data_loaders
from utils.utils import process_data


@torch.no_grad()
def eval_one_batch(data, model, criterion, optimizer=None):
    assert optimizer is None
    model.eval()
    logits = model(data.x, edge_index=data.edge_index, edge_attr=data.edge_attr, batch=data.batch)
    loss = criterion(logits, data.y)
    return loss.item(), logits.data.cpu(), data.y.data.cpu()


def train_one_batch(data, model, criterion, optimizer):
    model.train()
    logits = model(data.x, edge_index=data.edge_index, edge_attr=data.edge_attr, batch=data.batch)
    loss = criterion(logits, data.y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item(), logits.data.cpu(), data.y.data.cpu()


def run_one_epoch(loader, model, criterion, optimizer, epoch, phase, device, use_edge_attr, multi_label):
    n = len(loader)
    all_preds, all_targets, all_losses = [], [], []
    run_one_batch = train_one_batch if phase == 'train' else eval_one_batch
    pbar = tqdm(loader)
    all_acc = 0
    for idx, data in enumerate(pbar):
        data = process_data(data, use_edge_attr)
        loss, logits, targets = run_one_batch(data.to(device), model, criterion, optimizer)
        preds = get_preds(logits, multi_label)
        all_preds.append(preds), all_targets.append(targets), all_losses.append(loss)
        if idx == n - 1:
            all_preds, all_targets = np.concatenate(all_preds), np.concatenate(all_targets)
            all_acc = (all_preds == all_targets).sum() / all_targets.shape[0]
        pbar.set_description(f'[Epoch: {epoch}]: {phase}, loss: {loss:.3f}')
    return all_acc, np.mean(all_losses)


def train(optimizer, scheduler, model, device, loaders, epochs, num_class, use_edge_attr, multi_label):
    criterion = Criterion(num_class, multi_label)
    best = 0
    for epoch in range(epochs):
        run_one_epoch(loaders['train'], model, criterion, optimizer, epoch, 'train', device, use_edge_attr, multi_label)
        valid_res, valid_loss = run_one_epoch(loaders['valid'], model, criterion, None, epoch, 'valid', device,
                                              use_edge_attr, multi_label)
        if scheduler is not None:
            scheduler.step(valid_res)
        best = max(best, valid_res)
    return best


def train_clf_one_seed(local_config, data_dir, dataset_name, device, random_state):
    model_config = local_config['model_config']
    data_config = local_config['data_config']
    loaders, test_set, x_dim, edge_attr_dim, num_class, aux_info = get_data_loaders(
        data_dir, dataset_name, data_config['batch_size'], data_config.get('splits', None), random_state)
    model = get_model(x_dim, edge_attr_dim, num_class, aux_info['multi_label'], model_config, device)
    optimizer = torch.optim.Adam(model.parameters(), lr=model_config['pretrain_lr'],
                                 weight_decay=model_config.get('pretrain_wd', 0))
    sched_cfg = model_config.get('pretrain_scheduler', {})
    scheduler = None if sched_cfg == {} else ReduceLROnPlateau(optimizer, mode='max', **sched_cfg)
    return train(optimizer, scheduler, model, device, loaders, model_config['pretrain_epochs'], num_class,
                 model_config.get('use_edge_attr', True), aux_info['multi_label'])
