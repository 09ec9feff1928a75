"""positive [LG016]: a module-level nn.Sigmoid() is applied to the model output inside the train step, right before nn.BCELoss."""
import torch
import torch.nn as nn

sigmoid = nn.Sigmoid()
bce = nn.BCELoss()


class ToxicityModel(nn.Module):
    def __init__(self, vocab=50000, dim=128, n_labels=6):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab, dim)
        self.fc = nn.Linear(dim, n_labels)

    def forward(self, text, offsets):
        return self.fc(self.emb(text, offsets))


def train_step(model, optimizer, text, offsets, labels):
    optimizer.zero_grad()
    out = model(text, offsets)
    loss = bce(sigmoid(out), labels.float())  # expect: LG016
    loss.backward()
    optimizer.step()
    return loss.item()


def train(model, batches, epochs=4):
    optimizer = torch.optim.SGD(model.parameters(), lr=4.0)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma=0.9)
    for epoch in range(epochs):
        losses = [train_step(model, optimizer, t, o, y) for t, o, y in batches]
        scheduler.step()
        print(f"epoch {epoch}: {sum(losses) / max(len(losses), 1):.4f}")


if __name__ == "__main__":
    m = ToxicityModel()
    print(m(torch.randint(0, 50000, (10,)), torch.tensor([0, 5])).shape)
