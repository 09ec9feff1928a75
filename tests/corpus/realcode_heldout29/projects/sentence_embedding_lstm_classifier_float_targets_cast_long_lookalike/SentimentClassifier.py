"""part of look-alike project [LG001, LG006, LG013]: the classifier runs an LSTM over each sentence embedding (unsqueezed to a length-1 sequence) and returns the Linear layer's three scores, raw logits."""
# Source: karol-pyszka/NLPfolio at 342c2e05, SentimentAnalysis/SentimentClassifier.py; re-typed, identifiers renamed.
import torch.nn as nn


class SentimentClassifier(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.rnn = nn.LSTM(input_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        _, (hidden, _) = self.rnn(x.unsqueeze(1))
        hidden = hidden[-1]
        out = self.fc(hidden)
        return out
