"""part of look-alike project [LG001, LG006, LG013, LG014]: FastText averages embeddings and ends in a Linear layer."""
# Source: PangYunsheng8/Text-Classification-Pytorch at 8973c10c1c7904f4c2e7fa0ba828c0e23d5719cd models/FastText.py (re-typed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class Config(object):
    def __init__(self):
        self.dropout = 0.4
        self.dim_embed = 300
        self.hidden_size = 256
        self.pretrained = False
        self.pretrained_path = None


class FastText(nn.Module):
    def __init__(self, config, vocab_size, num_classes):
        super(FastText, self).__init__()
        self.n_vocab = vocab_size
        self.num_classes = num_classes
        if config.pretrained:
            self.embedding = nn.Embedding.from_pretrained(config.pretrained_path, freeze=False)
        else:
            self.embedding = nn.Embedding(self.n_vocab, config.dim_embed)
        self.dropout = nn.Dropout(config.dropout)
        self.fc1 = nn.Linear(config.dim_embed, config.hidden_size)
        self.fc2 = nn.Linear(config.hidden_size, self.num_classes)

    def forward(self, x):
        x = self.embedding(x)
        x = x.mean(dim=1)
        x = self.dropout(x)
        x = F.relu(self.fc1(x))
        return self.fc2(x)
