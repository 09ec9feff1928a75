"""look-alike [LG010, LG015]: modern reduction='none' / 'sum' / 'mean' everywhere, per-sample loss reduced before backward."""
import torch
import torch.nn as nn

ce_none = nn.CrossEntropyLoss(reduction="none")
mse_sum = nn.MSELoss(reduction="sum")
bce_mean = nn.BCEWithLogitsLoss(reduction="mean")


def train(model, loader, optimizer, size_average=True):
    for x, y_cls, y_reg, y_bin, w in loader:
        optimizer.zero_grad()
        cls_out, reg_out, bin_out = model(x)
        cls = (ce_none(cls_out, y_cls) * w).mean()
        reg = mse_sum(reg_out, y_reg)
        reg = reg / x.size(0) if size_average else reg
        loss = cls + reg + bce_mean(bin_out, y_bin)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
