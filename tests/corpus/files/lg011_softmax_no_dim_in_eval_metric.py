"""positive [LG011]: `from torch.nn.functional import softmax` called as softmax(logits) in an evaluation helper."""
import torch
from torch.nn.functional import softmax
from sklearn.metrics import log_loss


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    all_probs, all_labels = [], []
    for images, labels in loader:
        logits = model(images.to(device))
        probs = softmax(logits)  # expect: LG011
        all_probs.append(probs.cpu())
        all_labels.append(labels)
    probs = torch.cat(all_probs).numpy()
    labels = torch.cat(all_labels).numpy()
    return log_loss(labels, probs), (probs.argmax(1) == labels).mean()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
