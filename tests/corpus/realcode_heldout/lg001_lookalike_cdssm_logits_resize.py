"""look-alike [LG001, LG011]: CDSSM returns the gamma-scaled similarity logits (the softmax line is commented out); the script reshapes them with .resize and feeds CrossEntropyLoss."""
# Source: https://github.com/nishnik/Deep-Semantic-Similarity-Model-PyTorch cdssm.py at
# 2f7f606202279a52c31d03a736a06277e72c9bed (the state after issue #2 was fixed); re-typed, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

WORD_DEPTH = 90000
K = 300
L = 128
J = 4


def kmax_pooling(x, dim, k):
    index = x.topk(k, dim=dim)[1].sort(dim=dim)[0]
    return x.gather(dim, index)


class CDSSM(nn.Module):
    def __init__(self):
        super(CDSSM, self).__init__()
        self.query_conv = nn.Conv1d(WORD_DEPTH, K, 1)
        self.query_sem = nn.Linear(K, L)
        self.doc_conv = nn.Conv1d(WORD_DEPTH, K, 1)
        self.doc_sem = nn.Linear(K, L)
        self.learn_gamma = nn.Conv1d(1, 1, 1)

    def forward(self, q, pos, negs):
        q = q.transpose(1, 2)
        q_k = kmax_pooling(F.tanh(self.query_conv(q)), 2, 1).transpose(1, 2)
        q_s = F.tanh(self.query_sem(q_k)).resize(L)
        pos = pos.transpose(1, 2)
        pos_k = kmax_pooling(F.tanh(self.doc_conv(pos)), 2, 1).transpose(1, 2)
        pos_s = F.tanh(self.doc_sem(pos_k)).resize(L)
        negs = [neg.transpose(1, 2) for neg in negs]
        neg_ks = [kmax_pooling(F.tanh(self.doc_conv(neg)), 2, 1).transpose(1, 2) for neg in negs]
        neg_ss = [F.tanh(self.doc_sem(neg_k)).resize(L) for neg_k in neg_ks]
        dots = [q_s.dot(pos_s)]
        dots = dots + [q_s.dot(neg_s) for neg_s in neg_ss]
        dots = torch.stack(dots)
        with_gamma = self.learn_gamma(dots.resize(J + 1, 1, 1))
        # prob = F.softmax(with_gamma)
        return with_gamma


model = CDSSM()
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-4, momentum=0.9)
y = np.ndarray(1)
y[0] = 0
y = Variable(torch.from_numpy(y).long())
queries, positives, negatives = [], [], [[] for j in range(J)]
for i in range(len(queries)):
    y_pred = model(queries[i], positives[i], [negatives[j][i] for j in range(J)])
    loss = criterion(y_pred.resize(1, J + 1), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
