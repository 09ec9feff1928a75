"""part of positive project [LG001, LG006]: BiLSTM text classifier; its forward returns nn.Softmax(dim=1) probabilities."""
import torch
import torch.nn as nn


class TextRNN(nn.Module):
    def __init__(self, vocab_size, embed_dim=200, hidden=256, num_classes=5, dropout=0.3):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden, num_layers=2, batch_first=True,
                            bidirectional=True, dropout=dropout)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden * 2, num_classes)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, tokens):
        emb = self.dropout(self.embedding(tokens))
        out, _ = self.lstm(emb)
        pooled = torch.cat([out[:, -1, :out.size(2) // 2], out[:, 0, out.size(2) // 2:]], dim=1)
        logits = self.fc(self.dropout(pooled))
        return self.softmax(logits)

    def attention_weights(self, tokens):
        out, _ = self.lstm(self.embedding(tokens))
        scores = out.sum(-1)
        return torch.softmax(scores, dim=-1)
