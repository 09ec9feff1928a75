"""positive [LG010]: `from torch.nn import L1Loss` with both reduce= and size_average= on a multi-line constructor."""
import torch
from torch.nn import L1Loss

pixel_loss = L1Loss(  # expect: LG010
    size_average=False,
    reduce=True,
)


def train(generator, loader, optimizer, epochs=10):
    for epoch in range(epochs):
        for lr_img, hr_img in loader:
            optimizer.zero_grad()
            sr = generator(lr_img)
            loss = pixel_loss(sr, hr_img) / hr_img.numel()
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
