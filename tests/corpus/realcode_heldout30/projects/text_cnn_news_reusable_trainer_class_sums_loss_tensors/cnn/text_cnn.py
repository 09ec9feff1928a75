"""part of positive project [LG006]: the TextCNN: an embedding (one-hot trained or pretrained), Conv1d filters of several widths, ReLU, max-pool over time, dropout and a Linear to the classes; forward returns logits."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, cnn/text_cnn.py; re-typed, identifiers renamed; the summary() helper and the module's own
# initilize_model()/train() functions cut.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class TextCNN(nn.Module):
    def __init__(self, vocab_size=None, pretrained_embedding=None, freeze_embedding=False, embedding_dim=None,
                 num_filters=[100, 100, 100], filter_sizes=[3, 4, 5], num_classes=2, dropout=0.5):
        super().__init__()
        self.num_filters = num_filters
        self.filter_sizes = filter_sizes
        self.embedding_dim = embedding_dim
        if pretrained_embedding is not None:
            self.vocab_size, self.embedding_dim = np.shape(pretrained_embedding)
            self.embedding = nn.Embedding.from_pretrained(pretrained_embedding, freeze=freeze_embedding)
        else:
            self.embedding = nn.Embedding(num_embeddings=vocab_size, embedding_dim=embedding_dim)
        self.convs = nn.ModuleList(
            [nn.Conv1d(in_channels=self.embedding_dim, out_channels=self.num_filters[i],
                       kernel_size=self.filter_sizes[i], bias=True) for i in range(len(self.num_filters))])
        self.fc = nn.Linear(in_features=sum(self.num_filters), out_features=num_classes)
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, input_ids):
        emb = self.embedding(input_ids).permute(0, 2, 1)
        convs = [conv(emb) for conv in self.convs]
        acts = [F.relu(c, inplace=True) for c in convs]
        pooled = [F.max_pool1d(a, kernel_size=a.shape[2]) for a in acts]
        x = torch.cat([p.squeeze(dim=2) for p in pooled], dim=1)
        return self.fc(self.dropout(x))
