"""part of positive project [LG002]: trains ChurnNet (Linear output) with the BCELoss from losses.build_criterion; targets are unsqueezed to (N, 1) to match."""
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

from losses import build_criterion
from model import ChurnNet

NUM_COLS = ["tenure", "monthly_charges", "total_charges"]
CAT_COLS = ["contract", "payment_method", "internet_service"]


def load(path):
    df = pd.read_csv(path)
    x_num = torch.tensor(df[NUM_COLS].values, dtype=torch.float32)
    x_cat = torch.tensor(df[CAT_COLS].apply(lambda s: s.astype("category").cat.codes).values, dtype=torch.long)
    y = torch.tensor((df["Churn"] == "Yes").values, dtype=torch.float32)
    cards = [int(x_cat[:, i].max()) + 1 for i in range(len(CAT_COLS))]
    return TensorDataset(x_num, x_cat, y), cards


def main(path="telco.csv", epochs=30):
    ds, cards = load(path)
    loader = DataLoader(ds, batch_size=256, shuffle=True)
    model = ChurnNet(len(NUM_COLS), cards)
    criterion = build_criterion()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for x_num, x_cat, y in loader:
            optimizer.zero_grad()
            out = model(x_num, x_cat)
            loss = criterion(out, y.unsqueeze(1))  # expect: LG002
            loss.backward()
            optimizer.step()
            total += loss.item() * y.size(0)
        print(f"epoch {epoch}: {total / len(ds):.4f}")


if __name__ == "__main__":
    main()
