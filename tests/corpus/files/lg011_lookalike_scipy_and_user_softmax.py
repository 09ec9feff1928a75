"""look-alike [LG011]: scipy.special.softmax(x) and a project helper `softmax(x)` (no dim) are not torch calls."""
import numpy as np
import torch
from scipy.special import softmax as sp_softmax

from utils.math import softmax


def ensemble_predict(models, x):
    logits = np.stack([m(torch.as_tensor(x)).detach().numpy() for m in models])
    per_model = sp_softmax(logits, axis=-1)
    averaged = per_model.mean(axis=0)
    temperature_scaled = softmax(averaged / 0.7)
    return temperature_scaled.argmax(-1), sp_softmax(logits.mean(0))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    print(f"config: epochs={args.epochs} lr={args.lr} seed={args.seed}")
