"""part of look-alike project [LG006, LG014, LG001]: the hyperbolic text classifier ends in a Mobius linear layer mapped back to tangent space by logmap0: unnormalised class scores."""
# Source: huawei-noah/Pretrained-Language-Model at 0598f02 (read as is), HyperText/models/HyperText.py; re-typed,
# identifiers renamed; licence header cut.
import torch
import torch.nn as nn

from hyperbolic.mobius_linear import MobiusLinear
from hyperbolic.poincare import ManifoldParameter, PoincareBall


class HyperbolicTextNet(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.curv = 1.0
        self.ball = PoincareBall()
        if config.embedding_pretrained is not None:
            self.embedding = nn.Embedding.from_pretrained(config.embedding_pretrained, freeze=False)
        else:
            table = torch.Tensor(config.n_vocab, config.embed)
            nn.init.xavier_normal_(table)
            with torch.no_grad():
                table[0].fill_(0)
            self.embedding = ManifoldParameter(table, requires_grad=True, manifold=self.ball, c=self.curv)
        ngram_table = torch.Tensor(config.bucket, config.embed)
        nn.init.xavier_normal_(ngram_table)
        with torch.no_grad():
            ngram_table[0].fill_(0)
        self.embedding_wordngram = ManifoldParameter(ngram_table, requires_grad=True, manifold=self.ball, c=self.curv)
        self.dropout = nn.Dropout(config.dropout)
        self.head = MobiusLinear(self.ball, config.embed, config.num_classes, c=self.curv)

    def forward(self, x):
        words = self.embedding[x[0]]
        grams = self.embedding_wordngram[x[1]]
        h = self.dropout(torch.cat((words, grams), 1))
        h = self.ball.einstein_midpoint(h, c=self.curv)
        h = self.head(h)
        return self.ball.logmap0(h, self.curv)
