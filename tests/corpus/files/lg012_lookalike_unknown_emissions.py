"""look-alike [LG012]: CTC input is the output of a project model imported from another package (unknown); never reported."""
import torch
import torch.nn as nn

from asr_toolkit.models import build_acoustic_model

model = build_acoustic_model("conformer_small")
criterion = nn.CTCLoss(blank=0)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def train(loader):
    for feats, feat_lens, targets, target_lens in loader:
        optimizer.zero_grad()
        log_probs, out_lens = model(feats, feat_lens)
        loss = criterion(log_probs, targets, out_lens, target_lens)
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
