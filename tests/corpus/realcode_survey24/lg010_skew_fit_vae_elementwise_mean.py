"""positive [LG010]: the image VAE's Bernoulli and Gaussian log-likelihoods pass `reduction='elementwise_mean'`, the spelling torch 0.4.1 deprecated for 'mean'."""

# Source: aviralkumar2907/CQL@d67dbe9 d4rl/rlkit/torch/vae/conv_vae.py, vae_base.py (re-typed, renamed, cut to the likelihoods)
import torch.nn.functional as F


def bernoulli_log_prob(x, reconstruction):
    return -1 * F.binary_cross_entropy(reconstruction, x, reduction="elementwise_mean")  # expect: LG010


def log_prob(inputs, decoded, image_length, distribution):
    flat = inputs.narrow(start=0, length=image_length, dim=1).contiguous().view(-1, image_length)
    if distribution == "bernoulli":
        return -F.binary_cross_entropy(decoded, flat, reduction="elementwise_mean") * image_length  # expect: LG010
    return -1 * F.mse_loss(flat, decoded, reduction="elementwise_mean")  # expect: LG010
