"""part of look-alike project [LG003, LG005, LG006, LG007]: the nn package re-exports SDGNN."""
# Source: SherylHYX/pytorch_geometric_signed_directed at ecdf3fcf, torch_geometric_signed_directed/nn/signed/__init__.py; re-typed, cut to one model.
from .sdgnn import SDGNN
