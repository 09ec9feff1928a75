"""part of positive project [LG009, LG011]: the similarity-learning library's loss wrapper hands the loss module's logits and the labels to any torch loss; the STS baseline head is an nn.Sequential ending in nn.LogSoftmax() built without dim."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), losses/wrappers.py; re-typed, identifiers renamed.
import torch.nn as nn


class CriterionAdapter(nn.Module):

    def __init__(self, criterion):
        super(CriterionAdapter, self).__init__()
        self.criterion = criterion

    def forward(self, feat, logits, y):
        return self.criterion(logits, y)


class STSScoreHead(nn.Module):

    def __init__(self, sent_dim):
        super(STSScoreHead, self).__init__()
        self.mlp = nn.Sequential(nn.Linear(2 * sent_dim, 128), nn.Tanh(), nn.Linear(128, 6), nn.LogSoftmax())  # expect: LG011

    def forward(self, x, y):
        out = self.mlp(x)
        out = out.view(-1, 6)
        return out
