"""part of positive project [LG013]: a document classifier ending in log_softmax."""

# Source: syuoni/text-classification-pytorch@16751e5297 models.py (NNClassifier, re-typed; the hierarchical variant and
# the pooling layers cut)
import torch
import torch.nn as nn
import torch.nn.functional as F


class DocClassifier(nn.Module):
    def __init__(self, vocab, emb_dim, hidden, n_cats):
        super().__init__()
        self.device = torch.device("cpu")
        self.emb = nn.Embedding(vocab, emb_dim)
        self.rnn = nn.GRU(emb_dim, hidden // 2, batch_first=True, bidirectional=True)
        self.to_cats = nn.Linear(hidden, n_cats)

    def forward(self, tokens, lengths):
        states, _ = self.rnn(self.emb(tokens))
        doc = states.mean(dim=1)
        return F.log_softmax(self.to_cats(doc), dim=-1)
