"""look-alike [LG002, LG016]: the classifier's forward ends in torch.sigmoid, so BCELoss receives probabilities; the sigmoid is in the model, not next to the loss."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class ReviewDataset(Dataset):
    def __init__(self, encodings, labels):
        self.encodings = encodings
        self.labels = labels

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        return torch.tensor(self.encodings[idx]), torch.tensor(self.labels[idx], dtype=torch.float32)


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size, emb=100, hidden=128):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, x):
        emb = self.embedding(x)
        _, (h, _) = self.lstm(emb)
        out = self.fc(h[-1])
        return torch.sigmoid(out).squeeze(1)


def train(encodings, labels, vocab_size, epochs=5):
    loader = DataLoader(ReviewDataset(encodings, labels), batch_size=64, shuffle=True)
    model = LSTMClassifier(vocab_size)
    criterion = nn.BCELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        losses = []
        for x, y in loader:
            optimizer.zero_grad()
            output = model(x)
            loss = criterion(output, y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5)
            optimizer.step()
            losses.append(loss.item())
        print(f"epoch {epoch}: {sum(losses) / len(losses):.4f}")
    return model
