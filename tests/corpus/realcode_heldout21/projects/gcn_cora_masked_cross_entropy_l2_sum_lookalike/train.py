"""part of look-alike project [LG001, LG006, LG015]: full-graph training: out[0] of the GCN goes to masked_loss (cross-entropy on raw scores, masked and averaged to a scalar), the L2 term is added with loss += inside the step, zero_grad/backward/step each epoch, only loss.item() printed."""
# Source: dragen1860/GCN-PyTorch at 623aa67f (read as is), train.py; re-typed, identifiers renamed; the sparse
# tensor construction shortened to one helper. data.py (the Planetoid loaders and normalisation) is not included.
import torch
from torch import nn
from torch import optim
from torch.nn import functional as F
import numpy as np

from data import load_data, preprocess_features, preprocess_adj
from model import GCN
from config import args
from utils import masked_loss, masked_acc

np.random.seed(123)
torch.random.manual_seed(123)

adj, feats, y_tr, y_va, y_te, m_tr, m_va, m_te = load_data(args.dataset)
feats = preprocess_features(feats)
supports = preprocess_adj(adj)

device = torch.device("cuda")
lab_tr = torch.from_numpy(y_tr).long().to(device)
n_classes = lab_tr.shape[1]
lab_tr = lab_tr.argmax(dim=1)
m_tr = torch.from_numpy(m_tr.astype(np.int64)).to(device)
lab_te = torch.from_numpy(y_te).long().to(device).argmax(dim=1)
m_te = torch.from_numpy(m_te.astype(np.int64)).to(device)


def to_sparse(triple):
    idx = torch.from_numpy(triple[0]).long().to(device)
    val = torch.from_numpy(triple[1]).to(device)
    return torch.sparse.FloatTensor(idx.t(), val, triple[2]).float().to(device)


x = to_sparse(feats)
a_hat = to_sparse(supports)
n_nonzero = x._nnz()

net = GCN(x.shape[1], n_classes, n_nonzero)
net.to(device)
opt = optim.Adam(net.parameters(), lr=args.learning_rate)

net.train()
for epoch in range(args.epochs):
    out = net((x, a_hat))
    out = out[0]
    loss = masked_loss(out, lab_tr, m_tr)
    loss += args.weight_decay * net.l2_loss()

    acc = masked_acc(out, lab_tr, m_tr)

    opt.zero_grad()
    loss.backward()
    opt.step()

    if epoch % 10 == 0:
        print(epoch, loss.item(), acc.item())

net.eval()
out = net((x, a_hat))[0]
print("test:", masked_acc(out, lab_te, m_te).item())
