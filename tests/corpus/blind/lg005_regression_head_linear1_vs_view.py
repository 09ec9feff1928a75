"""positive [LG005]: house-price regressor's head is nn.Linear(64, 1) -> (N, 1), the target is flattened with view(-1) -> (N,), and both reach nn.MSELoss."""
import torch
import torch.nn as nn


class PriceNet(nn.Module):
    def __init__(self, n_num=12, n_cat=8, emb_dim=4):
        super().__init__()
        self.cat_emb = nn.Embedding(200, emb_dim)
        self.body = nn.Sequential(
            nn.Linear(n_num + n_cat * emb_dim, 128), nn.ReLU(),
            nn.Linear(128, 64), nn.ReLU(),
        )
        self.head = nn.Linear(64, 1)

    def forward(self, x_num, x_cat):
        h = torch.cat([x_num, self.cat_emb(x_cat).flatten(1)], dim=1)
        return self.head(self.body(h))


def fit(model, loader, epochs=100, lr=1e-3):
    mse = nn.MSELoss()
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=1e-5)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    for epoch in range(epochs):
        model.train()
        tot, n = 0.0, 0
        for x_num, x_cat, price in loader:
            pred = model(x_num, x_cat)
            target = torch.log1p(price).view(-1)
            loss = mse(pred, target)  # expect: LG005
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item() * x_num.size(0)
            n += x_num.size(0)
        sched.step()
        print(f"epoch {epoch:3d} rmse(log) {(tot / n) ** 0.5:.4f}")


if __name__ == "__main__":
    m = PriceNet()
    print(m(torch.randn(4, 12), torch.randint(0, 200, (4, 8))).shape)
