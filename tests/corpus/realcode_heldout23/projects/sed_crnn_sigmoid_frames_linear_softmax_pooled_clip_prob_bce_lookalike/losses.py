"""part of look-alike project [LG002, LG006, LG016]: the course project's loss module; BceLoss reads the clip probabilities and the float targets out of the output dict the runner builds and calls F.binary_cross_entropy on them."""
# Source: Furudo-E-rika/sjtu_Course_Projects at 0e2831ef (read as is), APracticalCourceToIntelligentPerceptionAndCognition/sound_event_detection/losses.py;
# re-typed, identifiers renamed.
import torch
import torch.nn as nn


class BceLoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, out):
        return nn.functional.binary_cross_entropy(input=out["clip_prob"], target=out["target"])
