"""part of look-alike project [LG002, LG004, LG005, LG016]: the DCGAN discriminator ends its nn.Sequential in nn.Sigmoid() and flattens the (B, 1, 1, 1) map to (B,)."""
# Source: lordleeber/ML2022-Spring-pytorch@717528b6ead7786e483cd7b66783db38b93fec53 HW06/discriminator.py (read as is, a student copy of the ML2022 Spring HW06 sample code; re-typed, identifiers renamed, the WGAN notes shortened)
from torch import nn
import utils


class Discriminator(nn.Module):
    def __init__(self, in_dim, feature_dim=64):
        super(Discriminator, self).__init__()
        # Remove the last sigmoid layer for WGAN
        self.l1 = nn.Sequential(
            nn.Conv2d(in_dim, feature_dim, kernel_size=4, stride=2, padding=1),
            nn.LeakyReLU(0.2),
            self.conv_bn_lrelu(feature_dim, feature_dim * 2),
            self.conv_bn_lrelu(feature_dim * 2, feature_dim * 4),
            self.conv_bn_lrelu(feature_dim * 4, feature_dim * 8),
            nn.Conv2d(feature_dim * 8, 1, kernel_size=4, stride=1, padding=0),
            nn.Sigmoid()
        )
        self.apply(utils.weights_init)

    def conv_bn_lrelu(self, in_dim, out_dim):
        return nn.Sequential(
            nn.Conv2d(in_dim, out_dim, 4, 2, 1),
            nn.BatchNorm2d(out_dim),
            nn.LeakyReLU(0.2),
        )

    def forward(self, x):
        y = self.l1(x)
        y = y.view(-1)
        return y
