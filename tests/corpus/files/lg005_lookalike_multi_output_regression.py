"""look-alike [LG005]: Linear(128, 3) output (32, 3) against a torch.randn(32, 3) target; L1 on flatten() of both sides."""
import torch
import torch.nn as nn
import torch.nn.functional as F

pose_net = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 3))
opt = torch.optim.Adam(pose_net.parameters(), lr=1e-3)

for it in range(1000):
    feats = torch.randn(32, 64)
    xyz = torch.randn(32, 3)
    pred = pose_net(feats)
    mse = F.mse_loss(pred, xyz)
    l1 = F.l1_loss(pred.flatten(), xyz.flatten())
    loss = mse + 0.1 * l1
    opt.zero_grad()
    loss.backward()
    opt.step()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
