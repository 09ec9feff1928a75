"""part of look-alike project [LG002, LG005, LG006, LG014]: the CNN discriminator ends in torch.sigmoid of an nn.Linear(..., 1): it returns (N, 1) probabilities."""
# Source: tsunrise/everybody-compose@632fc77c05cae8cb61a1d81bb85e1717b3e363a4 models/cnn_discriminator.py (read as is; re-typed, identifiers renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class CNNDiscriminator(nn.Module):
    def __init__(self, num_notes, seq_len, embed_dim, filter_sizes=[2, 3, 4, 5], num_filters=[300, 300, 300, 300], dropout=0.2):
        super(CNNDiscriminator, self).__init__()
        self.num_notes = num_notes
        self.embed_dim = embed_dim
        self.seq_len = seq_len
        self.feature_dim = sum(num_filters)
        self.embeddings = nn.Linear(num_notes + 2, embed_dim, bias=False)
        self.convs = nn.ModuleList([nn.Conv2d(1, n, (f, embed_dim)) for (n, f) in zip(num_filters, filter_sizes)])
        self.highway = nn.Linear(self.feature_dim, self.feature_dim)
        self.feature2out = nn.Linear(self.feature_dim, 1)
        self.dropout = nn.Dropout(dropout)

    def forward(self, beats, notes):
        x = torch.cat((beats, notes), dim=2)
        x = self.embeddings(x).unsqueeze(1)
        maps = [F.relu(conv(x)).squeeze(3) for conv in self.convs]
        pooled = [F.max_pool1d(m, m.size(2)).squeeze(2) for m in maps]
        feat = torch.cat(pooled, 1)
        gate = self.highway(feat)
        gate = torch.sigmoid(gate) * F.relu(gate) + (1. - torch.sigmoid(gate)) * feat
        score = self.feature2out(self.dropout(gate))
        score = torch.sigmoid(score)
        return score
