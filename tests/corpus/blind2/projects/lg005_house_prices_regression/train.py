"""part of positive project [LG005]: the (N, 1) prediction of PriceRegressor is compared by MSELoss with a target flattened to (N,), which broadcasts to (N, N)."""
import torch
import torch.nn as nn

from model import PriceRegressor


def fit(train_loader, n_numeric, cards, epochs=40, lr=1e-3):
    reg = PriceRegressor(n_numeric, cards)
    mse = nn.MSELoss()
    opt = torch.optim.Adam(reg.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    for ep in range(epochs):
        running = 0.0
        for batch in train_loader:
            log_price = batch["log_price"].view(-1)
            pred = reg(batch["numeric"], batch["categorical"])
            loss = mse(pred, log_price)  # expect: LG005
            opt.zero_grad()
            loss.backward()
            opt.step()
            running += loss.item() * log_price.size(0)
        sched.step()
        print(f"epoch {ep:02d} rmse {(running / len(train_loader.dataset)) ** 0.5:.4f}")
