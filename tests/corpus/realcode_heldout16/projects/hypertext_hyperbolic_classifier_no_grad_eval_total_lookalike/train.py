"""part of look-alike project [LG006, LG014, LG001]: the training loop clears gradients between forward and backward (before the step) and the evaluation adds F.cross_entropy tensors to a total inside torch.no_grad()."""
# Source: huawei-noah/Pretrained-Language-Model at 0598f02 (read as is), HyperText/train.py; re-typed, identifiers
# renamed; licence header, the test() report printing and the timing helpers cut.
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn import metrics

from radam_optimizer import RiemannianAdam
from utils import build_dataloader, get_time_dif


def train(config, model, train_data, dev_data, test_data, eval_every=100):
    start = time.time()
    model.train()
    optimizer = RiemannianAdam(model.parameters(), lr=config.learning_rate)
    step = 0
    best_acc = 0.0
    last_improve = 0
    stop = False
    for epoch in range(config.num_epochs):
        train_data.initial()
        loader = build_dataloader(train_data, config.batch_size, True)
        for i, (xs, labels) in enumerate(loader):
            xs = (xs[0].to(config.device), xs[1].to(config.device))
            labels = labels.to(config.device)
            scores = model(xs)
            model.zero_grad()
            labels = torch.squeeze(labels)
            loss = F.cross_entropy(scores, labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            with torch.no_grad():
                model.embedding.data[0] = nn.init.zeros_(model.embedding[0])
                model.embedding_wordngram.data[0] = nn.init.zeros_(model.embedding_wordngram[0])
            if step % eval_every == 0:
                gold = labels.data.cpu()
                guess = torch.max(scores.data, 1)[1].cpu()
                train_acc = metrics.accuracy_score(gold, guess)
                dev_acc, dev_loss = evaluate(config, model, dev_data)
                if dev_acc > best_acc:
                    best_acc = dev_acc
                    torch.save(model.state_dict(), config.save_path)
                    last_improve = step
                else:
                    for group in optimizer.param_groups:
                        group['lr'] = group['lr'] * config.lr_decay_rate
                print('step {} loss {:.4f} acc {:.4f} dev loss {:.4f} dev acc {:.4f} {}'.format(
                    step, loss.item(), train_acc, dev_loss, dev_acc, get_time_dif(start)))
                model.train()
            step += 1
            if step - last_improve > config.require_improvement:
                stop = True
                break
        if stop:
            break


def evaluate(config, model, dev_data, test=False):
    model.eval()
    loss_total = 0
    predicted = np.array([], dtype=int)
    gold = np.array([], dtype=int)
    dev_data.initial()
    loader = build_dataloader(dev_data, config.batch_size, False)
    with torch.no_grad():
        for xs, labels in loader:
            xs = (xs[0].to(config.device), xs[1].to(config.device))
            labels = labels.to(config.device)
            scores = model(xs)
            labels = torch.squeeze(labels)
            loss = F.cross_entropy(scores, labels)
            loss_total += loss
            gold = np.append(gold, labels.data.cpu().numpy())
            predicted = np.append(predicted, torch.max(scores.data, 1)[1].cpu().numpy())
    acc = metrics.accuracy_score(gold, predicted)
    if test:
        report = metrics.classification_report(gold, predicted, target_names=config.class_list, digits=4)
        confusion = metrics.confusion_matrix(gold, predicted)
        return acc, loss_total / (len(dev_data) / config.batch_size), report, confusion
    return acc, loss_total / (len(dev_data) / config.batch_size)
