"""part of positive project [LG011]: the news-title LSTM classifier maps the last hidden state to the categories and ends in self.softmax = nn.LogSoftmax() built without dim, applied to the squeezed (batch, categories) scores."""
# Source: kenmaro3/pytorch_practice at 59e75c4f (read as is), lstm_livedoor/model.py;
# re-typed, identifiers renamed; the shape comments shortened.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class LSTMClassifier(nn.Module):
    def __init__(self, embedding_dim, hidden_dim, vocab_size, target_size):
        super(LSTMClassifier, self).__init__()
        self.hidden_dim = hidden_dim
        self.embed = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim, batch_first=True)
        self.to_tags = nn.Linear(hidden_dim, target_size)
        self.softmax = nn.LogSoftmax()  # expect: LG011

    def forward(self, sentence):
        emb = self.embed(sentence)
        _, (h_n, c_n) = self.lstm(emb)
        tag_space = self.to_tags(h_n)  # (1, batch, tags)
        return self.softmax(tag_space.squeeze())
