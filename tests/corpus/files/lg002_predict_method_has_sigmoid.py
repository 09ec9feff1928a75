"""positive [LG002]: sigmoid only exists in a separate predict() method; forward returns raw Linear output that reaches BCELoss."""
import torch
import torch.nn as nn


class SpamClassifier(nn.Module):
    def __init__(self, vocab_size, emb_dim=64):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab_size, emb_dim)
        self.fc = nn.Linear(emb_dim, 1)

    def forward(self, text, offsets):
        return self.fc(self.emb(text, offsets)).squeeze(-1)

    @torch.no_grad()
    def predict(self, text, offsets):
        return torch.sigmoid(self.forward(text, offsets))


def train(model, loader, epochs=5, lr=4.0):
    criterion = nn.BCELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma=0.9)
    for epoch in range(epochs):
        model.train()
        for label, text, offsets in loader:
            optimizer.zero_grad()
            predicted = model(text, offsets)
            loss = criterion(predicted, label.float())  # expect: LG002
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
            optimizer.step()
        scheduler.step()
