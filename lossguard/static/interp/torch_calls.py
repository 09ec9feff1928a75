"""torch's behaviour: what each torch function, loss and tensor method does to an abstract value."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from lossguard.static import torch_api as api
from lossguard.static.events import Accumulate, Arg, Backward, LossCall, TorchCall
from lossguard.static.project import ModuleInfo, Project, canonical, resolve_relative
from lossguard.static.tensor_ops import (
    KEEP_DTYPE,
    constructor,
    conversion_target,
    ctor_options,
    dim_of,
    dtype_of,
    functional_options,
    reshape,
    tensor_of,
    has_star,
)
from lossguard.static.values import (
    UNKNOWN,
    Act,
    Const,
    Dim,
    Dtype,
    External,
    INT,
    Instance,
    Layer,
    LossSpec,
    Optimizer,
    PretrainedModel,
    SequentialVal,
    Shape,
    Site,
    Tensor,
    TupleVal,
    Value,
    join,
)
from lossguard.static.interp.frame import Env, Frame

if TYPE_CHECKING:  # pragma: no cover
    from lossguard.static.interp.core import Interpreter


class TorchCallsMixin:
    """Calls into torch."""

    # ------------------------------------------------------------------ torch calls
    def _torch_call(self, qname: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame) -> Value:
        qname = api.FUNCTION_ALIASES.get(qname, qname)
        if qname.startswith("torch"):
            self.sink(TorchCall(node, qname, frame.ctx(), tuple(pos)))
        elif qname in ("super",):
            return UNKNOWN
        site = lambda what: Site(node, frame.scope, what, frame.module)  # noqa: E731
        x = pos[0] if pos else kw.get("input", UNKNOWN)
        if qname in api.SOFTMAX_FUNCS:
            act = Act.LOG_PROBS if qname.endswith("log_softmax") else Act.PROBS
            return tensor_of(x).with_(act=act, act_site=site(qname.replace("torch.nn.functional.", "F.")), graph=False, unreduced=False)
        if qname == "torch.nn.functional.sigmoid":
            return tensor_of(x).with_(act=Act.SIGMOID, act_site=site("sigmoid"), graph=False, unreduced=False)
        if qname in api.LOSS_FUNCTIONS:
            sig = api.LOSS_FUNCTIONS[qname]
            reduction, log_target = functional_options(sig, pos, kw)
            return self._loss_call(qname, sig.family, sig, node, pos, kw, frame, reduction, log_target)
        if qname in api.LOSS_CLASSES:
            if starred:
                return UNKNOWN
            reduction, log_target = ctor_options(qname, pos, kw)
            return LossSpec(qname, api.LOSS_CLASSES[qname].family, reduction, log_target)
        if qname == "torch.nn.Sequential":
            if starred or not pos:
                return UNKNOWN
            return SequentialVal(tuple(pos))
        if qname in api.LAYER_EFFECTS:
            effect = api.LAYER_EFFECTS[qname]
            out: Dim = None
            if effect == "linear":
                out = dim_of(pos[1] if len(pos) > 1 else kw.get("out_features", UNKNOWN), node.args[1] if len(node.args) > 1 and not has_star(node) else None)
            return Layer(qname, effect, out, Site(node, frame.scope, f"{qname.replace('torch.nn.', 'nn.')} layer", frame.module, explicit=False))
        if qname.startswith(api.PRETRAINED_PREFIXES) and qname.count(".") == 2 and not any(x_ in qname for x_ in api.PRETRAINED_EXCLUDE) and qname.rsplit(".", 1)[-1][:1].islower():
            return PretrainedModel(qname)
        if qname in api.PRETRAINED_FUNCS:
            return PretrainedModel(qname)
        if qname in api.MODULE_WRAPPERS:
            return pos[0] if pos and isinstance(pos[0], (Instance, SequentialVal, PretrainedModel, Layer)) else UNKNOWN
        if qname in api.GRAD_SCALERS or qname in api.ACCELERATORS or qname == "torch.device":
            return External(qname)
        if (qname.startswith(api.OPTIMIZER_PREFIXES) and qname.count(".") == 2 and qname.rsplit(".", 1)[-1][:1].isupper()) or qname in api.OPTIMIZER_FUNCS:
            return Optimizer(qname)
        if qname in ("torch.log",):
            t = tensor_of(x)
            if t.act is Act.PROBS:
                return t.with_(act=Act.LOG_PROBS, act_site=t.act_site)
            return Tensor(dtype=t.dtype)
        if qname in ("torch.exp",):
            t = tensor_of(x)
            if t.act is Act.LOG_PROBS:
                return t.with_(act=Act.PROBS)
            return Tensor(dtype=t.dtype)
        if qname in ("torch.clamp", "torch.clip"):
            t = tensor_of(x)
            if t.act in (Act.PROBS, Act.SIGMOID):
                return t.with_(graph=False)
            return Tensor(dtype=t.dtype, shape=t.shape)
        if qname in api.VALUE_KEEPING_FUNCS:
            t = tensor_of(x)
            return reshape(t, qname.rsplit(".", 1)[-1], pos[1:], kw, node, frame)
        if qname == "torch.nn.functional.one_hot":
            t = tensor_of(x)
            return Tensor(dtype=Dtype.INT, shape=None if t.shape is None or not t.shape.rank_known else Shape((*t.shape.dims, dim_of(pos[1] if len(pos) > 1 else kw.get("num_classes", UNKNOWN)))))
        if qname in ("torch.argmax", "torch.argmin", "torch.randperm", "torch.bucketize", "torch.searchsorted"):
            return Tensor(dtype=Dtype.INT)
        if qname in api.SIZED_CONSTRUCTORS or qname in api.FLOAT_CONSTRUCTORS or qname in api.INT_CONSTRUCTORS or qname in ("torch.tensor", "torch.as_tensor", "torch.arange", "torch.full"):
            return constructor(qname, node, pos, kw)
        if qname in ("torch.zeros_like", "torch.ones_like", "torch.empty_like", "torch.rand_like", "torch.randn_like", "torch.full_like"):
            t = tensor_of(x)
            if "dtype" in kw:
                dtype = dtype_of(kw["dtype"])  # None when the dtype is a variable
            else:
                dtype = Dtype.FLOAT if qname in ("torch.rand_like", "torch.randn_like") else t.dtype
            return Tensor(dtype=dtype, shape=t.shape)
        if qname in ("torch.cat", "torch.stack", "torch.concat"):
            parts = [i for i in x.items if isinstance(i, Tensor)] if isinstance(x, TupleVal) else []
            if parts and len(parts) == len(x.items):  # type: ignore[attr-defined]
                graph = any(p.graph for p in parts)
                acc: Value = Tensor(act=parts[0].act, act_site=parts[0].act_site, dtype=parts[0].dtype, graph=graph)
                for p in parts[1:]:
                    acc = join(acc, Tensor(act=p.act, act_site=p.act_site, dtype=p.dtype, graph=graph))
                return acc
            return Tensor()
        if qname.startswith(("torch.", "torch")) and qname.split(".")[-1][:1].islower() and not qname.startswith(("torch.nn.", "torch.optim", "torch.utils", "torch.distributed", "torch.cuda", "torch.backends", "torch.autograd", "torch.jit", "torch.compile", "torch.manual_seed", "torch.save", "torch.load", "torch.set_", "torch.device", "torch.no_grad", "torch.inference_mode", "torch.enable_grad", "torch.amp", "torch.autocast")):
            return Tensor()
        return UNKNOWN

    def _loss_call(
        self,
        qname: str,
        family: str,
        sig: api.LossSignature,
        node: ast.Call,
        pos: list[Value],
        kw: dict[str, Value],
        frame: Frame,
        reduction: str | None,
        log_target: bool | None,
    ) -> Value:
        args: dict[str, Arg] = {}
        if has_star(node):
            return Tensor(graph=not frame.no_grad)
        for i, a in enumerate(node.args):
            if i < len(sig.positional):
                args[sig.positional[i]] = Arg(a, pos[i] if i < len(pos) else UNKNOWN)
        for k in node.keywords:
            if k.arg in sig.keywords:
                args[sig.keywords[k.arg]] = Arg(k.value, kw.get(k.arg, UNKNOWN))
        self.sink(LossCall(node, qname, family, args, reduction, log_target, frame.ctx()))
        unreduced = reduction == "none"
        return Tensor(dtype=Dtype.FLOAT, shape=None if unreduced else Shape(()), graph=not frame.no_grad, unreduced=unreduced)

    def _value_method(self, recv: Value, name: str, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Frame, env: Env) -> Value:
        """A method called on a tensor (or on a value of unknown type that may be a tensor)."""
        t = recv if isinstance(recv, Tensor) else None
        site = lambda what: Site(node, frame.scope, what, frame.module)  # noqa: E731
        if name == "backward":
            self.sink(Backward(node, recv, bool(node.args or node.keywords), frame.ctx()))
            return Const(None)
        if name in ("append", "extend", "add_") and not isinstance(recv, Tensor) and pos:
            target = node.func.value  # type: ignore[attr-defined]
            self.sink(Accumulate(node, target, pos[0], frame.ctx()))
            return Const(None)
        if isinstance(recv, (Const, TupleVal)):
            return UNKNOWN
        base = t if t is not None else Tensor()
        if name in ("softmax", "log_softmax"):
            act = Act.PROBS if name == "softmax" else Act.LOG_PROBS
            return base.with_(act=act, act_site=site(f".{name}()"), graph=False, unreduced=False)
        if name in ("sigmoid", "sigmoid_"):
            return base.with_(act=Act.SIGMOID, act_site=site(".sigmoid()"), graph=False, unreduced=False)
        if t is None:
            if name == "size" and pos and isinstance(pos[0], Const):
                return INT
            if name in api.INT_METHODS:
                return Tensor(dtype=Dtype.INT)
            if name in api.FLOAT_METHODS:
                return Tensor(dtype=Dtype.FLOAT)
            if name in api.INT_RESULT_METHODS:
                return Tensor(dtype=Dtype.INT)
            if name == "bool":
                return Tensor(dtype=Dtype.BOOL)
            if name in ("to", "type") and (pos or kw):
                target = conversion_target(pos, kw)
                return Tensor(dtype=target) if isinstance(target, Dtype) else UNKNOWN
            if name in ("log",):
                return UNKNOWN
            if name in ("view", "reshape", "flatten", "squeeze", "unsqueeze"):
                return reshape(Tensor(), name, pos, kw, node, frame)
            return UNKNOWN
        if name in ("size", "dim", "numel") and (pos or name != "size"):
            return INT
        if name in ("item", "tolist", "numpy", "size", "__len__"):
            return UNKNOWN
        if name in ("detach", "detach_"):
            return t.with_(graph=False)
        if name in api.INT_METHODS or (name == "bool"):
            return Tensor(dtype=Dtype.INT if name != "bool" else Dtype.BOOL, shape=t.shape)
        if name in api.INT_RESULT_METHODS:
            return Tensor(dtype=Dtype.INT)
        if name in ("to", "type"):
            target = conversion_target(pos, kw)
            if target is KEEP_DTYPE:
                return t  # .to(device), .cuda(): values and dtype unchanged
            dt = target if isinstance(target, Dtype) else None
            if dt is Dtype.FLOAT:
                return t.with_(dtype=dt)
            return Tensor(dtype=dt, shape=t.shape, graph=t.graph)
        if name in api.FLOAT_METHODS:
            return t.with_(dtype=Dtype.FLOAT)
        if name in api.VALUE_KEEPING_METHODS:
            return reshape(t, name, pos, kw, node, frame)
        if name == "mean" and (pos or kw) and t.act is Act.PROBS:
            return Tensor(act=t.act, act_site=t.act_site, dtype=t.dtype, graph=t.graph)  # averaged distributions: still probabilities
        if name in api.REDUCING_METHODS:
            return Tensor(dtype=t.dtype if t.dtype is not Dtype.INT else None, graph=t.graph, shape=Shape(()) if not pos and not kw else None)
        if name == "log":
            if t.act is Act.PROBS:
                return t.with_(act=Act.LOG_PROBS)
            return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)
        if name == "exp":
            if t.act is Act.LOG_PROBS:
                return t.with_(act=Act.PROBS)
            return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)
        if name in ("clamp", "clip", "clamp_", "clip_"):
            if t.act in (Act.PROBS, Act.SIGMOID):
                return t
            return Tensor(dtype=t.dtype, shape=t.shape, graph=t.graph)
        return Tensor(graph=False)


