"""look-alike [LG009, LG015]: reduction='none', then `.sum(dim=1).mean()` (per-sample KL averaged over the batch) before backward."""
import torch
import torch.nn as nn
import torch.nn.functional as F

kl_none = nn.KLDivLoss(reduction="none")


def train_step(model, x, soft_labels, mask, optimizer):
    optimizer.zero_grad()
    log_probs = F.log_softmax(model(x), dim=-1)
    per_elem = kl_none(log_probs, soft_labels)
    per_sample = per_elem.sum(dim=1)
    loss = (per_sample * mask).sum() / mask.sum()
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
