"""part of positive project [LG001, LG011]: the Kim-CNN text classifier returns (F.softmax(logits), argmax classes): softmax without dim, probabilities instead of logits."""
# Source: yongjincho/cnn-text-classification-pytorch@c8b9a706dad648503b5b66006babd88db66fd0bb model.py (read as is; its issue #1 "F.softmax(logits) and CrossEntropyLoss() is right?" is open; re-typed, identifiers renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F

import config


class TextCNN(nn.Module):
    def __init__(self, vocab_size, window_sizes=(3, 4, 5)):
        super(TextCNN, self).__init__()
        self.embed = nn.Embedding(vocab_size, config.emb_size)
        self.convs = nn.ModuleList([
            nn.Conv2d(1, config.num_filters, [w, config.emb_size], padding=(w - 1, 0))
            for w in window_sizes
        ])
        self.fc = nn.Linear(config.num_filters * len(window_sizes), config.num_classes)

    def forward(self, x):
        x = self.embed(x)
        x = torch.unsqueeze(x, 1)
        pooled = []
        for conv in self.convs:
            h = F.relu(conv(x))
            h = torch.squeeze(h, -1)
            h = F.max_pool1d(h, h.size(2))
            pooled.append(h)
        x = torch.cat(pooled, 2)
        x = x.view(x.size(0), -1)
        logits = self.fc(x)
        probs = F.softmax(logits)  # expect: LG011
        classes = torch.max(probs, 1)[1]
        return probs, classes
