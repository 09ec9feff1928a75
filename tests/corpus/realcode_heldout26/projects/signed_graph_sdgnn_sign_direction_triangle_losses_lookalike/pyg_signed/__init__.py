"""part of look-alike project [LG003, LG005, LG006, LG007]: the package re-exports the signed-graph models and their losses."""
# Source: SherylHYX/pytorch_geometric_signed_directed at ecdf3fcf, torch_geometric_signed_directed/__init__.py; re-typed, package renamed.
from .nn.sdgnn import SDGNN
from .utils.link_sign_loss import LinkSignEntropyLoss, SignDirectionLoss, SignProductEntropyLoss, SignTriangleLoss
