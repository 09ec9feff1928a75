"""positive [LG010]: a 2018-era sentiment repo builds CrossEntropyLoss(size_average=False) and a multi-line NLLLoss(size_average=True)."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class SentimentLSTM(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_dim, n_classes, class_weights):
        super(SentimentLSTM, self).__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, num_layers=2, dropout=0.3)
        self.fc = nn.Linear(hidden_dim, n_classes)
        self.criterion = nn.CrossEntropyLoss(size_average=False)  # expect: LG010
        self.aux_criterion = nn.NLLLoss(  # expect: LG010
            weight=class_weights,
            size_average=True,
        )

    def forward(self, text):
        embedded = self.embed(text)
        output, (hidden, cell) = self.lstm(embedded)
        return self.fc(hidden[-1])

    def loss(self, text, label):
        logits = self.forward(text)
        main = self.criterion(logits, label) / label.size(0)
        aux = self.aux_criterion(F.log_softmax(logits, dim=1), label)
        return main + 0.1 * aux


def train(model, iterator, optimizer):
    model.train()
    epoch_loss = 0
    for batch in iterator:
        text, label = Variable(batch.text), Variable(batch.label)
        optimizer.zero_grad()
        loss = model.loss(text, label)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    return epoch_loss / len(iterator)
