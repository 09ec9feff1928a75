"""part of look-alike project [LG001, LG002, LG016]: `getattr(nn, cfg.loss)(**cfg.loss_kwargs)` builds the criterion from config, so what the loss receives cannot be judged statically."""
import sys

import torch
import torch.nn as nn

from config import load_config
from nets import make_net


def build_loss(cfg):
    loss_cls = getattr(nn, cfg.loss)
    return loss_cls(**cfg.loss_kwargs)


def main(train_loader, in_dim: int):
    cfg = load_config(sys.argv[1])
    out_act = "Sigmoid" if cfg.loss == "BCELoss" else None
    net = make_net(in_dim, cfg.hidden, cfg.n_out, out_act)
    criterion = build_loss(cfg)
    opt = torch.optim.AdamW(net.parameters(), lr=cfg.lr)
    for epoch in range(cfg.epochs):
        for features, target in train_loader:
            pred = net(features)
            loss = criterion(pred, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"[{epoch}] {cfg.loss}={loss.item():.4f}")


if __name__ == "__main__":
    main(None, 64)
