"""look-alike: the same self-training GCN gathering its training rows from its raw logits (the repository's code): cross_entropy gets scores."""

# Source: hcnoh/gcn-pytorch@2ef4ada8ae models/gcn.py (GCN); re-typed, identifiers renamed; the hidden layers, the
# evaluation and the checkpointing cut
# Mutation: none (the rows gathered from the logits, the repository's code)
import numpy as np
import torch
from torch.nn import Dropout, Linear, Module
from torch.nn.functional import cross_entropy
from torch.optim import Adam
from torch.sparse import mm

if torch.cuda.is_available():
    from torch.cuda import FloatTensor, LongTensor
else:
    from torch import FloatTensor, LongTensor


class GraphConvNet(Module):
    def __init__(self, adj, n_in, n_hidden, n_out, dropout, reg):
        super().__init__()
        self.adj = FloatTensor(adj).to_sparse()
        self.n_out = n_out
        self.reg = reg
        self.w0 = Linear(n_in, n_hidden, bias=False)
        self.w1 = Linear(n_hidden, n_out, bias=False)
        self.drop = Dropout(dropout)
        self.l2 = torch.sum(FloatTensor([torch.norm(p) for p in self.w0.parameters()]))

    def logits(self, x):
        z = self.drop(torch.relu(mm(self.adj, self.w0(x))))
        return self.drop(mm(self.adj, self.w1(z)))

    def forward(self, x):
        return torch.softmax(self.logits(x), dim=-1)

    def fit(self, epochs, lr, dataset, train_idx):
        losses = []
        opt = Adam(self.parameters(), lr)
        x = FloatTensor(dataset.X)
        for _ in range(epochs):
            self.train()
            _, y = dataset[train_idx]
            y = LongTensor(y)
            z = torch.gather(self.logits(x), dim=0, index=LongTensor(train_idx).unsqueeze(-1).repeat(1, self.n_out))
            opt.zero_grad()
            loss = cross_entropy(z, y)
            (loss + self.reg * self.l2).backward()
            opt.step()
            losses.append(loss.detach().cpu().numpy())
        return np.array(losses)
