"""look-alike [LG001, LG006, LG013]: a module-level text GCN training script: the unactivated second graph convolution (logits, times a float node mask) goes to nn.CrossEntropyLoss with class indices taken by torch.max over the one-hot rows; evaluation runs under no_grad and returns loss.numpy(), which is what the early-stopping list keeps."""
# Source: iworldtong/text_gcn.pytorch at bc8d0c62 (read as is), train.py; re-typed, identifiers renamed; the
# commented CUDA block, the test report and the embedding dump cut. utils/utils.py (load_corpus, preprocess_*,
# chebyshev_polynomials, print_log, sp) is not included; those names arrive through `from utils.utils import *`.
from __future__ import division
from __future__ import print_function
import random
import time
import sys

import torch
import torch.nn as nn
import numpy as np

from utils.utils import *
from models.gcn import GCN
from models.mlp import MLP
from config import CONFIG

cfg = CONFIG()

if len(sys.argv) != 2:
    sys.exit("Use: python train.py <dataset>")
cfg.dataset = sys.argv[1]

seed = 2019
np.random.seed(seed)
torch.manual_seed(seed)

adj, features, y_train, y_val, y_test, train_mask, val_mask, test_mask, train_size, test_size = load_corpus(cfg.dataset)
features = sp.identity(features.shape[0])
features = preprocess_features(features)
if cfg.model == 'gcn':
    support = [preprocess_adj(adj)]
    model_cls = GCN
elif cfg.model == 'gcn_cheby':
    support = chebyshev_polynomials(adj, cfg.max_degree)
    model_cls = GCN
elif cfg.model == 'dense':
    support = [preprocess_adj(adj)]
    model_cls = MLP
else:
    raise ValueError('Invalid argument for model: ' + str(cfg.model))

x_feat = torch.from_numpy(features)
y_tr = torch.from_numpy(y_train)
y_va = torch.from_numpy(y_val)
tr_mask = torch.from_numpy(train_mask.astype(np.float32))
tr_mask_cols = torch.transpose(torch.unsqueeze(tr_mask, 0), 1, 0).repeat(1, y_train.shape[1])

supports = []
for i in range(len(support)):
    supports.append(torch.Tensor(support[i]))

model = model_cls(input_dim=features.shape[0], support=supports, num_classes=y_train.shape[1])

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=cfg.learning_rate)


def evaluate(feats, labels, mask):
    t0 = time.time()
    model.eval()
    with torch.no_grad():
        logits = model(feats)
        m = torch.from_numpy(np.array(mask * 1., dtype=np.float32))
        m_cols = torch.transpose(torch.unsqueeze(m, 0), 1, 0).repeat(1, labels.shape[1])
        loss = criterion(logits * m_cols, torch.max(labels, 1)[1])
        pred = torch.max(logits, 1)[1]
        acc = ((pred == torch.max(labels, 1)[1]).float() * m).sum().item() / m.sum().item()
    return loss.numpy(), acc, pred.numpy(), labels.numpy(), (time.time() - t0)


val_losses = []
for epoch in range(cfg.epochs):
    t = time.time()
    logits = model(x_feat)
    loss = criterion(logits * tr_mask_cols, torch.max(y_tr, 1)[1])
    acc = ((torch.max(logits, 1)[1] == torch.max(y_tr, 1)[1]).float() * tr_mask).sum().item() / tr_mask.sum().item()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    val_loss, val_acc, pred, labels, duration = evaluate(x_feat, y_va, val_mask)
    val_losses.append(val_loss)
    print_log("Epoch: {:.0f}, train_loss= {:.5f}, train_acc= {:.5f}, val_loss= {:.5f}, val_acc= {:.5f}, time= {:.5f}"
              .format(epoch + 1, loss, acc, val_loss, val_acc, time.time() - t))
    if epoch > cfg.early_stopping and val_losses[-1] > np.mean(val_losses[-(cfg.early_stopping + 1):-1]):
        print_log("Early stopping...")
        break
