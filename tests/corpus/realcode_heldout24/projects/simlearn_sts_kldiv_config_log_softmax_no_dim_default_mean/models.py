"""part of positive project [LG009, LG011]: every network returns its embedding and the logits its loss head computes from it."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), models.py; re-typed, identifiers renamed; the MNIST and
# SincNet speaker networks cut.
from torch import nn

from sts.baseline import STSBaselineNet


class SimilarityNet(nn.Module):

    def __init__(self, head=None):
        super(SimilarityNet, self).__init__()
        self.head = head

    def layers(self):
        raise NotImplementedError

    def forward(self, x, y):
        for layer in self.layers():
            x = layer(x)
        logits = self.head(x, y) if self.head is not None else None
        return x, logits


class SentenceNet(SimilarityNet):

    def __init__(self, device, nfeat, vocab, mode, head=None):
        super().__init__(head)
        self.encoder = STSBaselineNet(device, nfeat_word=300, nfeat_sent=nfeat, vec_vocab=vocab, mode=mode)

    def layers(self):
        return [self.encoder]
