"""part of positive project [LG013]: the batch labels are made a float tensor only when the batch has them."""

# Source: syuoni/text-classification-pytorch@16751e5297 utils.py (cast_to_tensor, re-typed; docstring cut)
# Mutation: batch_y built with dtype=torch.float32 (was torch.int64)
import torch


def cast_batch(batch, device):
    tokens, labels, lengths = batch
    longest = max(lengths)
    tokens = [seq + [0] * (longest - len(seq)) for seq in tokens]
    tokens = torch.tensor(tokens, dtype=torch.int64, device=device)
    if labels is not None:
        labels = torch.tensor(labels, dtype=torch.float32, device=device)
    lengths = torch.tensor(lengths, dtype=torch.int64, device=device)
    return tokens, labels, lengths
