"""part of look-alike project [LG002, LG016, LG004, LG006]: torchfm/model/lr.py of pytorch-fm (every model's forward ends in torch.sigmoid)."""
# Source: rixwew/pytorch-fm@f74ad19771eda104e99874d19dc892e988ec53fa torchfm/model/lr.py (read as is)
import torch

from torchfm.layer import FeaturesLinear


class LogisticRegressionModel(torch.nn.Module):
    """
    A pytorch implementation of Logistic Regression.
    """

    def __init__(self, field_dims):
        super().__init__()
        self.linear = FeaturesLinear(field_dims)

    def forward(self, x):
        """
        :param x: Long tensor of size ``(batch_size, num_fields)``
        """
        return torch.sigmoid(self.linear(x).squeeze(1))
