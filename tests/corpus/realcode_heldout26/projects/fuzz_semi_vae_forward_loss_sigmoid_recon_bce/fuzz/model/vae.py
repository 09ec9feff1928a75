"""part of positive project [LG016]: the VAE base class supplies the reparameterised sampling and the decoder check."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/model/vae.py; re-typed, cut to the two helpers used.
import torch

from ..core.module import Module


class VAE(Module):
    def sample_z(self, z_mu, z_logvar):
        eps = torch.randn_like(z_mu)
        return z_mu + torch.exp(z_logvar / 2) * eps

    def check_decoder(self):
        if self.decoder_struct is None:
            self.decoder_struct = self.struct[::-1]
        if self.decoder_func is None:
            self.decoder_func = self.hidden_func[::-1]
