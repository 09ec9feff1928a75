"""part of look-alike project [LG014, LG018]: the helpers the trainer clears and clips its networks' gradients with, one network list at a time."""

# Source: andi611/ZeroSpeech-TTS-without-T@0fb20fa utils.py (re-typed, renamed, cut to the two gradient helpers)
import torch.nn as nn


def reset_grad(net_list):
    for net in net_list:
        net.zero_grad()


def grad_clip(net_list, max_grad_norm):
    for net in net_list:
        nn.utils.clip_grad_norm_(net.parameters(), max_grad_norm)
