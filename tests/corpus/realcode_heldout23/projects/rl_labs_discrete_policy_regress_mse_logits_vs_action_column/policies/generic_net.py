"""part of positive project [LG005]: the base class of every policy and critic network; update() zeroes the gradients, back-propagates loss.sum() and steps the network's own optimizer."""
# Source: osigaud/Basic-Policy-Gradient-Labs at d190ef16 (the parent of 3ea1463c, "Fix regress loss", PR #7), policies/generic_net.py;
# re-typed, identifiers renamed; the save / load helpers shortened.
import torch
import torch.nn as nn


class GenericNet(nn.Module):
    def __init__(self):
        super(GenericNet, self).__init__()
        self.loss_func = torch.nn.MSELoss()

    def save_model(self, filename) -> None:
        torch.save(self, filename)

    def update(self, loss) -> None:
        self.optimizer.zero_grad()
        loss.sum().backward()
        self.optimizer.step()
