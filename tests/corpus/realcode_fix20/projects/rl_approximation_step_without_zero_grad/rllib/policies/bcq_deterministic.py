"""part of positive project [LG014]: the BCQ perturbation policy is a function approximation over a network that adds a bounded tanh perturbation to the VAE's action."""

# Source: syuntoku14/pytorch-rl-il@5f29ca1ab8 rlil/policies/bcq_deterministic.py, fixed in e1c6f865c4 (cut, renamed)
import torch
import torch.nn as nn

from rllib.approximation import FunctionApproximation


class PerturbationPolicy(FunctionApproximation):
    def __init__(self, model, optimizer, space, phi=0.05, name='policy', **kwargs):
        model = PerturbationNetwork(model, space, phi)
        super().__init__(model, optimizer, name=name, **kwargs)


class PerturbationNetwork(nn.Module):
    def __init__(self, model, space, phi=0.05):
        super().__init__()
        self.model = model
        self._tanh_scale = torch.tensor((space.high - space.low) / 2, dtype=torch.float32)
        self._tanh_mean = torch.tensor((space.high + space.low) / 2, dtype=torch.float32)
        self.phi = phi

    def forward(self, states, vae_actions):
        x = torch.cat((states, vae_actions), dim=1)
        actions = self.model(x)
        actions = self.phi * (torch.tanh(actions) * self._tanh_scale + self._tanh_mean)
        return vae_actions + actions
