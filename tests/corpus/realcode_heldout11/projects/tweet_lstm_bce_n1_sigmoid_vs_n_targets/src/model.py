"""part of positive project [LG005]: TweetClassifier ends in torch.sigmoid(self.fc2(out)) with fc2 an nn.Linear(257, 1): its output has shape (N, 1)."""
# Source: FernandoLpz/Text-Classification-LSTMs-PyTorch@2f8bada8190b76ca9bbe8f0694fb79da2c2a4d46 src/model.py (read as is; its issue #9 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at main.py line 89; re-typed, identifiers renamed)
import torch
import torch.nn as nn


class TweetClassifier(nn.ModuleList):

    def __init__(self, args):
        super(TweetClassifier, self).__init__()
        self.batch_size = args.batch_size
        self.hidden_dim = args.hidden_dim
        self.n_layers = args.lstm_layers
        self.vocab = args.max_words
        self.dropout = nn.Dropout(0.5)
        self.embedding = nn.Embedding(self.vocab, self.hidden_dim, padding_idx=0)
        self.lstm = nn.LSTM(input_size=self.hidden_dim, hidden_size=self.hidden_dim, num_layers=self.n_layers, batch_first=True)
        self.fc1 = nn.Linear(in_features=self.hidden_dim, out_features=257)
        self.fc2 = nn.Linear(257, 1)

    def forward(self, x):
        h = torch.zeros((self.n_layers, x.size(0), self.hidden_dim))
        c = torch.zeros((self.n_layers, x.size(0), self.hidden_dim))
        torch.nn.init.xavier_normal_(h)
        torch.nn.init.xavier_normal_(c)
        out = self.embedding(x)
        out, (hidden, cell) = self.lstm(out, (h, c))
        out = self.dropout(out)
        out = torch.relu_(self.fc1(out[:, -1, :]))
        out = self.dropout(out)
        out = torch.sigmoid(self.fc2(out))
        return out
