"""positive [LG014]: zero_grad() is called once before the training loop instead of inside it, so gradients add up across every batch."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Recommender(nn.Module):
    def __init__(self, n_users, n_items, dim=64):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.item = nn.Embedding(n_items, dim)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)

    def forward(self, u, i):
        dot = (self.user(u) * self.item(i)).sum(1)
        return dot + self.user_bias(u).squeeze(1) + self.item_bias(i).squeeze(1)


def train(model, loader, epochs=10, lr=5e-3):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    optimizer.zero_grad()
    for epoch in range(epochs):
        total = 0.0
        for users, items, ratings in loader:
            pred = model(users, items)
            loss = F.mse_loss(pred, ratings.float())
            loss.backward()
            optimizer.step()  # expect: LG014
            total += loss.item() * len(users)
        print(f"epoch {epoch}: rmse {(total / len(loader.dataset)) ** 0.5:.4f}")


if __name__ == "__main__":
    m = Recommender(100, 200)
    print(m(torch.tensor([1, 2]), torch.tensor([3, 4])))
