"""part of look-alike project [LG007, LG006, LG014]: the variational CNN returns log_softmax scores and the summed KL of its reparameterized layers."""
# Source: IntelLabs/bayesian-torch at aa7e57b3 (read as is), bayesian_torch/models/bayesian/simple_cnn_variational.py;
# re-typed, identifiers renamed; the layer arguments shortened to the prior and posterior settings.
import torch
import torch.nn as nn
import torch.nn.functional as F

from bayesian_torch.layers import Conv2dReparameterization
from bayesian_torch.layers import LinearReparameterization

PRIOR_MU = 0.0
PRIOR_SIGMA = 1.0
POST_MU = 0.0
POST_RHO = -3.0


def _conv(cin, cout):
    return Conv2dReparameterization(in_channels=cin, out_channels=cout, kernel_size=3, stride=1,
                                    prior_mean=PRIOR_MU, prior_variance=PRIOR_SIGMA,
                                    posterior_mu_init=POST_MU, posterior_rho_init=POST_RHO)


def _linear(fin, fout):
    return LinearReparameterization(in_features=fin, out_features=fout,
                                    prior_mean=PRIOR_MU, prior_variance=PRIOR_SIGMA,
                                    posterior_mu_init=POST_MU, posterior_rho_init=POST_RHO)


class BayesSmallCNN(nn.Module):
    def __init__(self):
        super(BayesSmallCNN, self).__init__()
        self.conv1 = _conv(1, 32)
        self.conv2 = _conv(32, 64)
        self.drop1 = nn.Dropout2d(0.25)
        self.drop2 = nn.Dropout2d(0.5)
        self.fc1 = _linear(9216, 128)
        self.fc2 = _linear(128, 10)

    def forward(self, x):
        kl_total = 0
        x, kl = self.conv1(x)
        kl_total += kl
        x = F.relu(x)
        x, kl = self.conv2(x)
        kl_total += kl
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.drop1(x)
        x = torch.flatten(x, 1)
        x, kl = self.fc1(x)
        kl_total += kl
        x = F.relu(x)
        x = self.drop2(x)
        x, kl = self.fc2(x)
        kl_total += kl
        out = F.log_softmax(x, dim=1)
        return out, kl_total
