"""positive [LG005]: intent classifier reshapes the class-index target to (N, 1) with view(-1, 1) before nn.CrossEntropyLoss on (N, 7) logits."""
import torch
import torch.nn as nn


class IntentModel(nn.Module):
    def __init__(self, vocab=30000, dim=200, n_intents=7):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, dim, mode="mean")
        self.hidden = nn.Linear(dim, 128)
        self.out = nn.Linear(128, n_intents)

    def forward(self, tokens, offsets):
        return self.out(torch.relu(self.hidden(self.emb(tokens, offsets))))


def train(model, batches, epochs=10):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        correct, seen = 0, 0
        for tokens, offsets, intents in batches:
            logits = model(tokens, offsets)
            labels = intents.long().view(-1, 1)
            loss = criterion(logits, labels)  # expect: LG005
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            correct += (logits.argmax(1) == labels.view(-1)).sum().item()
            seen += labels.size(0)
        print(f"epoch {epoch} acc {correct / seen:.3f}")


if __name__ == "__main__":
    m = IntentModel()
    print(m(torch.randint(0, 30000, (20,)), torch.tensor([0, 10])).shape)
