"""part of look-alike project [LG001, LG006, LG013]: a two-layer text GCN; the first graph convolution has a ReLU, the second returns the support products unactivated (class logits); `out +=` sums the Chebyshev supports inside one forward."""
# Source: iworldtong/text_gcn.pytorch at bc8d0c62 (read as is), models/gcn.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn


class GraphConv(nn.Module):
    def __init__(self, in_dim, out_dim, support, act_func=None, featureless=False, dropout_rate=0., bias=False):
        super(GraphConv, self).__init__()
        self.support = support
        self.featureless = featureless
        for i in range(len(self.support)):
            setattr(self, 'W{}'.format(i), nn.Parameter(torch.randn(in_dim, out_dim)))
        if bias:
            self.b = nn.Parameter(torch.zeros(1, out_dim))
        self.act_func = act_func
        self.drop = nn.Dropout(dropout_rate)

    def forward(self, x):
        x = self.drop(x)
        for i in range(len(self.support)):
            if self.featureless:
                pre = getattr(self, 'W{}'.format(i))
            else:
                pre = x.mm(getattr(self, 'W{}'.format(i)))
            if i == 0:
                out = self.support[i].mm(pre)
            else:
                out += self.support[i].mm(pre)
        if self.act_func is not None:
            out = self.act_func(out)
        self.embedding = out
        return out


class GCN(nn.Module):
    def __init__(self, input_dim, support, dropout_rate=0., num_classes=10):
        super(GCN, self).__init__()
        self.layer1 = GraphConv(input_dim, 200, support, act_func=nn.ReLU(), featureless=True,
                                dropout_rate=dropout_rate)
        self.layer2 = GraphConv(200, num_classes, support, dropout_rate=dropout_rate)

    def forward(self, x):
        out = self.layer1(x)
        out = self.layer2(out)
        return out
