"""part of look-alike project [LG003, LG005, LG006, LG007]: the utils package re-exports the link-sign losses."""
# Source: SherylHYX/pytorch_geometric_signed_directed at ecdf3fcf, torch_geometric_signed_directed/utils/signed/__init__.py; re-typed, cut to the losses.
from .link_sign_loss import LinkSignEntropyLoss, SignDirectionLoss, SignProductEntropyLoss, SignTriangleLoss
