"""Tensors torch samples, and arithmetic among numbers made tensors: no autograd graph (LG006).

Round 37 (mut26's false alarm on insdout/GMVAE-pytorch ``loss.py:140``): the loss module's ``__main__`` smoke test
builds its inputs with ``torch.bernoulli(torch.full(...))``, ``torch.rand(...)`` and ``2 * torch.stack([...]) - 1``,
calls the loss object and prints what it returns. Numbers made a tensor by a constructor hold no graph
(``Tensor.data``, tensor_ops.constructor), and neither does a loss whose inputs are such numbers; but the sample and
the arithmetic dropped the fact, so the per-component terms the loss appends to a list read as loss tensors holding
their graphs, and the caller that prints the result as one throwing the graphs away (LG006's helper-return reading).
Two rules about code:

* ``torch.bernoulli``, ``torch.poisson`` and ``torch.multinomial`` sample: torch defines no gradient for them, so
  their output never holds a graph, whatever their input (a tensor of the input's shape, floating point; the
  indices ``multinomial`` draws are integers);
* ``+ - * /`` among such tensors and Python numbers (a literal, a number read out of a tensor, a size) give such a
  tensor (tensor_ops.binop): nothing there requires grad.
"""

from __future__ import annotations

from typing import Any

from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import Dtype, Tensor, Value

#: torch's samplers: no gradient is defined for them (their output has no ``grad_fn``)
SAMPLERS = ("torch.bernoulli", "torch.poisson", "torch.multinomial")


def _sampled(interp: Any, c: TorchCallArgs) -> Value:
    x = c.x if not c.starred else None
    if c.qname == "torch.multinomial":
        return Tensor(dtype=Dtype.INT, data=True)
    return Tensor(dtype=Dtype.FLOAT, shape=x.shape if isinstance(x, Tensor) else None, data=True)


#: rows of the torch call table (interp.torch_calls)
SAMPLED_ROWS = ((SAMPLERS, _sampled),)
