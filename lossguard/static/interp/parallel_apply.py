"""``torch.nn.parallel``'s functional data parallelism: the model's output, gathered.

Round 26 (CorentinJ/Real-Time-Voice-Cloning's synthesizer): on several GPUs ``train()`` calls
``data_parallel_workaround(model, texts, mels, embeds)``, a helper of the project that runs
``replicas = torch.nn.parallel.replicate(model, device_ids)``, ``inputs = torch.nn.parallel.scatter(input,
device_ids)``, ``outputs = torch.nn.parallel.parallel_apply(replicas, inputs)`` and returns
``torch.nn.parallel.gather(outputs, output_device)``; otherwise ``model(texts, mels, embeds)``. The helper's
result was unknown, so the join of the two paths was. What these functions do is fixed by torch:
``replicate`` copies the module (a list of copies), ``scatter`` splits the inputs (pieces not followed),
``parallel_apply`` calls each copy on its piece (a list of the module's outputs), ``gather`` concatenates the
pieces of one output (the output), and ``data_parallel(module, inputs)`` does all four. The module is called
with arguments of unknown value; what its ``forward`` ends in does not depend on them.
"""

from __future__ import annotations

from typing import Any

from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import MODEL_VALUES, UNKNOWN, Layer, ListOf, Tensor, Value

_REPLICATE = ("torch.nn.parallel.replicate",)
_APPLY = ("torch.nn.parallel.parallel_apply",)
_GATHER = ("torch.nn.parallel.gather",)
_DATA_PARALLEL = ("torch.nn.parallel.data_parallel",)


def _module_output(interp: Any, module: Value, c: TorchCallArgs) -> Value:
    """``module(*pieces)``: the module's output for arguments of unknown value."""
    if not isinstance(module, (*MODEL_VALUES, Layer)):
        return UNKNOWN
    return interp.apply(module, c.node, [], {}, True, c.frame, {})


def _replicate(interp: Any, c: TorchCallArgs) -> Value:
    module = c.pos[0] if c.pos else c.kw.get("network", UNKNOWN)
    return ListOf(module) if isinstance(module, (*MODEL_VALUES, Layer)) and not c.starred else UNKNOWN


def _parallel_apply(interp: Any, c: TorchCallArgs) -> Value:
    modules = c.pos[0] if c.pos else c.kw.get("modules", UNKNOWN)
    if c.starred or not isinstance(modules, ListOf):
        return UNKNOWN
    out = _module_output(interp, modules.item, c)
    return UNKNOWN if out is UNKNOWN else ListOf(out)


def _gather(interp: Any, c: TorchCallArgs) -> Value:
    outputs = c.pos[0] if c.pos else c.kw.get("outputs", UNKNOWN)
    return outputs.item if isinstance(outputs, ListOf) and not c.starred else UNKNOWN


def _data_parallel(interp: Any, c: TorchCallArgs) -> Value:
    """``data_parallel(module, inputs, device_ids)``: the module's output; (round 28) for one input tensor split and
    gathered along the first axis (no ``dim``, no ``module_kwargs``), the output of the module called on it, so its shape
    too (the DCGAN reference's ``nn.parallel.data_parallel(self.main, input, range(self.ngpu))``, the other branch of
    ``if input.is_cuda and self.ngpu > 1:``)."""
    module = c.pos[0] if c.pos else c.kw.get("module", UNKNOWN)
    if c.starred:
        return UNKNOWN
    given = c.pos[1] if len(c.pos) > 1 else c.kw.get("inputs")
    if isinstance(given, Tensor) and len(c.pos) <= 4 and not set(c.kw) - {"inputs", "device_ids", "output_device"}:
        if isinstance(module, (*MODEL_VALUES, Layer)):
            return interp.apply(module, c.node, [given], {}, False, c.frame, {})
    return _module_output(interp, module, c)


PARALLEL_ROWS = ((_REPLICATE, _replicate), (_APPLY, _parallel_apply), (_GATHER, _gather), (_DATA_PARALLEL, _data_parallel))
