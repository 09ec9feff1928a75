"""positive [LG005]: BCEWithLogitsLoss on (N, 1) logits vs a flattened (N,) float target: torch raises a size error."""
import torch
import torch.nn as nn


class SentimentLSTM(nn.Module):
    def __init__(self, vocab, emb=100, hidden=128):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, ids):
        out, (h, c) = self.lstm(self.emb(ids))
        return self.fc(h[-1])


model = SentimentLSTM(vocab=25000)
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters())


def train(iterator):
    model.train()
    for text, label in iterator:
        optimizer.zero_grad()
        predictions = model(text)
        loss = criterion(predictions, label.float().flatten())  # expect: LG005
        loss.backward()
        optimizer.step()
