"""positive [LG010]: the autoregressive autoencoder's training step sums binary cross-entropy over the batch with `size_average=False` and divides by the batch size itself."""

# Source: karpathy/pytorch-made@81886cc run.py (re-typed, renamed, cut to the epoch)
import torch
import torch.nn.functional as F


def run_epoch(model, data, opt, split, batch_size=100):
    model.train(split == "train")
    n = data.size(0)
    losses = []
    for step in range(n // batch_size):
        xb = data[step * batch_size : (step + 1) * batch_size]
        xbhat = model(xb)
        loss = F.binary_cross_entropy_with_logits(xbhat, xb, size_average=False) / batch_size  # expect: LG010
        losses.append(loss.item())
        if split == "train":
            opt.zero_grad()
            loss.backward()
            opt.step()
    return sum(losses) / len(losses)
