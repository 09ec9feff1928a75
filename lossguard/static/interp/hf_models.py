"""Hugging Face ``transformers`` models with a task head, and ``Trainer`` subclasses that override ``compute_loss``.

Round 29 (branch hf20; mut19 missed dchartash/n2c2_2022's ``CustomTrainer.compute_loss`` for this reason). Most
fine-tuning scripts and most code posted in issue threads build their model as
``AutoModelForSequenceClassification.from_pretrained(name, num_labels=K)`` (or a named class such as
``BertForTokenClassification``) and read the head's raw scores from what its call returns, a ``ModelOutput``:
``outputs.logits``, ``outputs["logits"]``, ``outputs.get("logits")``, or ``outputs[0]``. What the library documents,
and all that is taken from it:

* ``from_pretrained`` of a class whose name ends in ``ForSequenceClassification``, ``ForTokenClassification``,
  ``ForMultipleChoice``, ``ForCausalLM`` or ``LMHeadModel`` (``AutoModelFor...`` included; ``TF``/``Flax`` classes
  are not torch models) builds a model (:class:`~lossguard.static.values.PretrainedModel` with ``hf_head``).
  ``return_dict=`` or ``torchscript=`` given to it (the call may then return a tuple) leaves it unknown.
* Its call returns an :class:`~lossguard.static.values.HFOutput` whose ``logits`` are raw scores (no activation):
  ``(N, K)`` for sequence classification, ``K`` the literal ``num_labels=`` when given without a ``config=`` (the
  checkpoint's own count otherwise, unknown); ``(N, L, K)`` for token classification; ``(N, C)`` for multiple choice; ``(N, L, V)`` for a
  causal language model.
* ``labels=`` passed (not ``None``): ``loss`` is a scalar that holds the graph (outside ``no_grad``), and
  ``outputs[0]`` is that loss, ``outputs[1]`` the logits (``to_tuple()`` skips fields that are ``None``). Labels
  certainly not passed (no ``**`` argument, no ``labels=``, at most two positional arguments: no head takes labels
  that early): ``outputs[0]`` is the logits. Otherwise (``model(**batch)``: the batch may hold labels) an index
  reads nothing, and ``loss`` is unknown (its ``backward()`` still says it holds a graph).
* A call with ``return_dict=`` anything but ``True`` is unknown; any other field (``hidden_states``,
  ``past_key_values``) is unknown.

A class of the checked code named like one of these (``BertForSequenceClassification(nn.Module)``) is the code's own
class, followed as such: only names that resolve into the ``transformers`` package are read here.

``Trainer`` subclasses: a class of the checked code deriving from ``transformers.Trainer`` (or ``Seq2SeqTrainer``)
that defines ``compute_loss(self, model, inputs, ...)``, built with the model shown (``model=`` or the first
positional argument, when the class keeps the Trainer's ``__init__`` or its own names a ``model`` parameter), has its
``compute_loss`` run with that model and unknown ``inputs`` at the call (the Trainer calls it on every training
batch): what the method feeds its torch loss is judged against what the model returns.
"""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import (
    MODEL_VALUES,
    UNKNOWN,
    Act,
    ClassRef,
    Const,
    Dim,
    Dtype,
    HFOutput,
    Instance,
    PretrainedModel,
    QualName,
    Shape,
    Site,
    Tensor,
    Value,
)

PACKAGE = "transformers."
#: class name suffix -> head
HEADS = (
    ("ForSequenceClassification", "sequence"),
    ("ForTokenClassification", "token"),
    ("ForMultipleChoice", "choice"),
    ("ForCausalLM", "lm"),
    ("LMHeadModel", "lm"),
)
#: ``from_pretrained`` keywords under which the call may return a tuple, not a ``ModelOutput``
TUPLE_SETTINGS = ("return_dict", "torchscript")
TRAINER_BASES = frozenset(
    {
        "transformers.Trainer",
        "transformers.trainer.Trainer",
        "transformers.Seq2SeqTrainer",
        "transformers.trainer_seq2seq.Seq2SeqTrainer",
    }
)


def _head(qname: str) -> str:
    parts = qname.split(".")
    if len(parts) < 3 or parts[-1] != "from_pretrained":
        return ""
    cls = parts[-2]
    if cls.startswith(("TF", "Flax")):
        return ""
    return next((head for suffix, head in HEADS if cls.endswith(suffix)), "")


def is_hf_model(qname: str) -> bool:
    """``transformers.AutoModelForSequenceClassification.from_pretrained`` and the like."""
    return qname.startswith(PACKAGE) and bool(_head(qname))


def hf_model(interp: Any, c: TorchCallArgs) -> Value:
    if c.starred or any(k in c.kw for k in TUPLE_SETTINGS):
        return UNKNOWN
    labels = c.kw.get("num_labels")
    known = isinstance(labels, Const) and type(labels.value) is int and labels.value > 0 and "config" not in c.kw
    k: Dim = labels.value if known else None  # type: ignore[union-attr]
    return PretrainedModel(c.qname.rsplit(".", 1)[0], hf_head=_head(c.qname), num_labels=k)


def _logits_shape(model: PretrainedModel) -> Shape:
    if model.hf_head == "sequence":
        return Shape((None, model.num_labels))
    if model.hf_head == "token":
        return Shape((None, None, model.num_labels))
    if model.hf_head == "choice":
        return Shape((None, None))
    return Shape((None, None, None))


def hf_output(model: PretrainedModel, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Any) -> Value:
    """What ``model(...)`` returns (see the module docs)."""
    if "return_dict" in kw and kw["return_dict"] != Const(True):
        return UNKNOWN
    short = model.qname.rsplit(".", 1)[-1]
    site = Site(node, frame.scope, f"{short} logits", frame.module, explicit=False)
    logits = Tensor(act=Act.LOGITS, act_site=site, dtype=Dtype.FLOAT, shape=_logits_shape(model))
    given = kw.get("labels")
    if given is not None and not (isinstance(given, Const) and given.value is None):
        loss = Tensor(dtype=Dtype.FLOAT, shape=Shape(()), graph=not frame.no_grad)
        return HFOutput((("logits", logits), ("loss", loss)), (loss, logits))
    if not starred and given is None and len(pos) <= 2:
        return HFOutput((("logits", logits),), (logits,))
    return HFOutput((("logits", logits),))


def output_field(base: HFOutput, name: str) -> Value:
    return dict(base.fields).get(name, UNKNOWN)


def output_item(base: HFOutput, index: Value) -> Value:
    """``outputs["logits"]``, ``outputs[0]``."""
    if isinstance(index, Const) and isinstance(index.value, str):
        return output_field(base, index.value)
    if isinstance(index, Const) and type(index.value) is int and base.positions is not None and 0 <= index.value < len(base.positions):
        return base.positions[index.value]
    return UNKNOWN


def is_hf_trainer(interp: Any, cls: ClassRef) -> bool:
    return any(isinstance(b, QualName) and b.name in TRAINER_BASES for b in interp._bases(cls)[1:])


def run_compute_loss(interp: Any, cls: ClassRef, instance: Value, node: ast.Call, pos: list[Value], kw: dict[str, Value], frame: Any) -> None:
    """At ``MyTrainer(model=model, ...)``: run ``compute_loss(model, inputs)`` (see the module docs)."""
    method = interp._find_method(cls, "compute_loss")  # its own, or a checked-code base's
    if method is None or not is_hf_trainer(interp, cls):
        return
    init = interp._find_method(cls, "__init__")
    model: Value = UNKNOWN
    if init is None:
        model = kw.get("model", pos[0] if pos else UNKNOWN)
    else:
        params = [a.arg for a in (*init.node.args.posonlyargs, *init.node.args.args)][1:]
        if "model" in params:
            at = params.index("model")
            model = kw.get("model", pos[at] if at < len(pos) else UNKNOWN)
    if not isinstance(model, MODEL_VALUES):
        return
    params = method.node.args
    n = len(params.posonlyargs) + len(params.args) - 1  # without self
    if n < 2:
        return
    self_value = instance if isinstance(instance, Instance) else UNKNOWN
    interp.call_function(
        method,
        [model, UNKNOWN],
        {},
        self_value=self_value,
        depth=frame.depth + 1,
        no_grad=frame.no_grad,
        called=frame.called,
        callsite=(frame.module, node),
    )
