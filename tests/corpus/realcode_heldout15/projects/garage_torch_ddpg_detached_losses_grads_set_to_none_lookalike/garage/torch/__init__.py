"""part of look-alike project [LG006, LG014, LG005]: the torch package re-exports its helpers."""
# Source: rlworkgroup/garage at 2d594803, src/garage/torch/__init__.py; re-typed, cut to three helpers.
from garage.torch._functions import as_torch_dict, torch_to_np, zero_optim_grads
