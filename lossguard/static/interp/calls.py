"""Python calls: arguments, dispatch on the callee, user functions, lambdas, parameters."""

from __future__ import annotations

import ast
import dataclasses

from lossguard.static import torch_api as api
from lossguard.static.events import CALLEE, LoopSummary, LossCall, forwarding_call
from lossguard.static.facts import parameter_defaults
from lossguard.static.interp.asserted_classes import parameter_class
from lossguard.static.interp.autograd_functions import AutogradApply
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.class_tests import excluded_by_class_test
from lossguard.static.interp.detached_args import note_detached_args
from lossguard.static.interp.distributions import CategoricalDist, distribution_method
from lossguard.static.interp.flag_choices import split_flag_call
from lossguard.static.interp.frame import (
    LIST_MUTATORS,
    MAX_DEPTH,
    MODULE_MUTATORS,
    MODULE_SELF_METHODS,
    RESHAPES_IN_PLACE,
    Env,
    Frame,
    LambdaRef,
    SuperRef,
    drop,
    events_dropped,
    fold_callee_calls,
    has_decorator,
    is_self,
    is_static,
    loops_trained,
    record_call,
    rewrites_values,
)
from lossguard.static.interp.generators import enumerated, generator_call
from lossguard.static.interp.global_namesakes import namesake_assigned_once
from lossguard.static.interp.guards import GuardedChoice, guarded_returns, leave_holder, through_self
from lossguard.static.interp.hf_models import hf_output, output_item, run_compute_loss
from lossguard.static.interp.image_transforms import ImageTransform, apply_image_transform
from lossguard.static.interp.iterators import iterator_of, next_of
from lossguard.static.interp.keyed_criteria import keyed_choice
from lossguard.static.interp.keyed_models import built_with_conditions
from lossguard.static.interp.layer_lists import starred_sequence
from lossguard.static.interp.lightning_fit import RUNS as LIGHTNING_RUNS
from lossguard.static.interp.lightning_fit import run_fit
from lossguard.static.interp.loss_choices import loss_factory_returns
from lossguard.static.interp.loss_parts import with_graph
from lossguard.static.interp.loss_terms import returns_loss_term
from lossguard.static.interp.manual_steps import keras_apply_calls, keras_torch_train_step, manual_training_step, step_calls
from lossguard.static.interp.mapping_args import filled_keywords, mapping_only
from lossguard.static.interp.message_passing import propagated
from lossguard.static.interp.metric_collections import MetricGroup, group_method, metric_update, run_metric_method, update_without_grad
from lossguard.static.interp.model_choices import outputs_per_option
from lossguard.static.interp.named_models import named_model
from lossguard.static.interp.no_grad_returns import no_grad_returns
from lossguard.static.interp.open_constructions import forget_self_attributes, open_keywords, updates_own_dict
from lossguard.static.interp.optimizer_networks import with_networks
from lossguard.static.interp.optimizer_subclasses import optimizer_instance
from lossguard.static.interp.receiver_state import carried_in, note_call
from lossguard.static.interp.repeated_blocks import RepeatedBlock, repeated_items, repeated_output
from lossguard.static.interp.replaced_heads import classifier_features
from lossguard.static.interp.result_sites import remember_wrapper, result_site
from lossguard.static.interp.self_effects import apply_after_call, carried_state, left_set, seed
from lossguard.static.interp.sequence_args import filled_positionals, sequence_last
from lossguard.static.interp.sequences import SEQUENCE_BUILTINS, NamedTupleClass, transposed, unzips
from lossguard.static.interp.sequential_subclasses import LAYERS, SequentialInit, add_module, added_module, keep_layers, own_layers
from lossguard.static.interp.stored_locals import LocalsDict, locals_dict, passes_on, stores_locals
from lossguard.static.interp.unbuilt_models import MODEL_NAMES
from lossguard.static.project import ModuleInfo
from lossguard.static.tensor_ops import apply_layer, sizes_shape
from lossguard.static.values import (
    INT,
    MODEL_VALUES,
    NUMBER,
    PARAM,
    UNKNOWN,
    Act,
    BoundMethod,
    ClassRef,
    Const,
    DictVal,
    Dtype,
    Either,
    External,
    FunctionRef,
    HeadedList,
    HFOutput,
    Instance,
    Layer,
    ListOf,
    LossSpec,
    MaybeNone,
    NumberList,
    Optimizer,
    ParamUnknown,
    Partial,
    PretrainedModel,
    QualName,
    SequentialVal,
    Site,
    Tensor,
    TupleVal,
    Unknown,
    Value,
    join,
    without_range_marks,
)

#: the most contexts (argument values, receiver) one function is analysed in; a call in a further
#: context gets the function's context-free summary (:meth:`CallsMixin._context_free`). 8, not 4:
#: at 4 a test module that builds a speech model nine ways lost a true LG001 (sooftware/kospeech's
#: ``test/test_transformer.py``: the decoder's forward, reached in more contexts, gave only its summary);
#: neural_prophet's test module costs 3.1 CPU s at 8 against 2.2 at 4 and 6.0 unbounded.
MAX_CONTEXTS = 8

#: the analyses in new contexts (live or dropped) that checking one file may spend with the cap
#: above; past it, a function already analysed in :data:`SPENT_CONTEXTS` contexts gets its
#: context-free summary. A count of work, never a clock, so the findings do not depend on the
#: machine. The slowest files of the surveys (a test module building a forecasting library's model
#: sixty ways: neural_prophet's ``tests/test_integration.py``, 964 analyses; darts' test modules,
#: up to 1,360) spend most of theirs on second and later contexts of the library's plotting and
#: data-frame helpers; every finding of the surveys and corpora comes within the budget (docs/checker.md).
CONTEXT_BUDGET = 250
SPENT_CONTEXTS = 1
#: further contexts, past :data:`MAX_CONTEXTS`, for a live call given a loss that still holds its graph
#: (directly, or as an item of a list or tuple): a meter's ``update`` called with a different list by each
#: of a project's seven runners got its summary (events dropped) for the one list that carried a loss
#: (round 27, zyh16143998882/MViewNet)
GRAPH_CONTEXTS = 4


def _carries_graph(pos: list[Value], kw: dict[str, Value]) -> bool:
    """An argument is a tensor holding a graph, or a list or tuple with one among its items."""
    for value in (*pos, *kw.values()):
        items = value.items if isinstance(value, TupleVal) else (value.item,) if isinstance(value, ListOf) else (value,)
        if any(isinstance(item, Tensor) and item.graph for item in items):
            return True
    return False


class CallsMixin(InterpBase):
    """Calls of every kind of callee."""

    # ------------------------------------------------------------------ calls
    def _args(self, node: ast.Call, frame: Frame, env: Env) -> tuple[list[Value], dict[str, Value], bool]:
        pos: list[Value] = []
        kw: dict[str, Value] = {}
        starred = False
        for a in node.args:
            if isinstance(a, ast.Starred):
                starred = True
                inner = self.ev(a.value, frame, env)  # what ev(a) evaluates, kept for `*[layers]`
                scope = frame.scope_node
                unpacked = self.lookup(a.value.id, frame, env) if isinstance(a.value, ast.Name) else inner
                seq = starred_sequence(node, unpacked, scope)
                if seq is None:
                    seq = repeated_items(node, inner)  # *(Block(d) for _ in range(n)) (interp.repeated_blocks)
                if seq is not None:
                    self._starred_seqs[id(node)] = seq
            else:
                pos.append(self.ev(a, frame, env))
        for k in node.keywords:
            val = self.ev(k.value, frame, env)
            if k.arg is None:
                if isinstance(val, LocalsDict) and not any(name in kw for name, _ in val.items):
                    kw.update(val.items)  # `create_resnet(**locals())`: the function's parameters, each by name
                else:
                    starred = True
            else:
                kw[k.arg] = val
        return pos, kw, starred

    def ev_call(self, node: ast.Call, frame: Frame, env: Env) -> Value:
        func = node.func
        if node.args and frame.self_value is not None and stores_locals(self, node, frame, env):
            return Const(None)  # set_attributes(self, locals()): each parameter kept as self.<name>
        if updates_own_dict(node, frame):
            forget_self_attributes(node.func.value.value, frame, env)  # type: ignore[attr-defined]  # self.__dict__.update(cfg)
        if isinstance(func, ast.Attribute) and not self._reads_sibling_store(func, frame, env):
            if (
                isinstance(func.value, ast.Call)
                and isinstance(func.value.func, ast.Name)
                and func.value.func.id == "super"
                and frame.owner is not None
                and frame.self_value is not None
            ):
                receiver: Value = SuperRef(frame.owner, frame.self_value)
            else:
                receiver = self.ev(func.value, frame, env)
            name = func.attr
            record_call(frame, name, receiver, node)
            if type(receiver) is ParamUnknown:
                model = self.model_with_method(frame.module, name)
                if model is not None:
                    receiver = self._default_instance(model)  # self.net.get_loss(...) of the file's model
            if (
                isinstance(receiver, (Tensor, Unknown, Const, TupleVal, NumberList))
                or isinstance(receiver, (ListOf, HeadedList))
                and name in LIST_MUTATORS
            ):
                pos, kw, starred = self._args(node, frame, env)
                if name in LIGHTNING_RUNS and type(receiver) is Unknown and (pos or kw) and not starred:
                    run_fit(self, node, pos, kw, frame, name)  # trainer.fit(lightning_module, ...)
                result = self._value_method(receiver, name, node, pos, kw, frame, env)
                if (
                    isinstance(receiver, Tensor)
                    and rewrites_values(name)
                    and (isinstance(func.value, ast.Name) or isinstance(func.value, ast.Attribute) and is_self(func.value.value, frame))
                ):
                    # target.fill_(...), .scatter_(...): the tensor now holds other numbers
                    after = result if name in ("sigmoid_",) else receiver.with_(act=None, act_site=None)
                    self.bind(func.value, after, frame, env)
                elif isinstance(receiver, Tensor) and rewrites_values(name) and isinstance(func.value, ast.Subscript):
                    self.forget_partial_store(func.value, None, frame, env)  # out[:, :2].sigmoid_()
                elif isinstance(receiver, Tensor) and rewrites_values(name) and isinstance(func.value, ast.Attribute) and func.value.attr == "data":
                    # h.data.clamp_(0, 1): the numbers `h` names are rewritten; no longer an activation's (round 30)
                    owner = func.value.value
                    if isinstance(owner, ast.Name) or isinstance(owner, ast.Attribute) and is_self(owner.value, frame):
                        rewritten = self.ev(owner, frame, env)
                        if isinstance(rewritten, Tensor) and (rewritten.rectified or rewritten.off_range):
                            self.bind(owner, without_range_marks(rewritten), frame, env)
                # `real.data.resize_(batch_size)`: the sizes written give the axes (a size read from another tensor,
                # `resize_(images.size())`, does not: unknown)
                resized = sizes_shape(node, pos) if name == "resize_" and not starred else None
                if (
                    name in RESHAPES_IN_PLACE
                    and isinstance(receiver, Tensor)
                    and receiver.shape != resized
                    and (isinstance(func.value, ast.Name) or isinstance(func.value, ast.Attribute) and is_self(func.value.value, frame))
                ):
                    # imgs.resize_(n, 784): the same numbers, other axes (those written, when every size is; else unknown)
                    self.bind(func.value, receiver.with_(shape=resized, act=receiver.act, act_site=receiver.act_site, acts=receiver.acts), frame, env)
                if name in RESHAPES_IN_PLACE and isinstance(func.value, ast.Attribute) and func.value.attr == "data":
                    # data.data.resize_(images.size()): the tensor behind `.data` may be the one `data` names
                    # (torch 0.3's Variable; sunshineatnoon/Paper-Implementations' VAE), so its axes are unknown too
                    owner = func.value.value
                    held = (
                        self.ev(owner, frame, env)
                        if isinstance(owner, ast.Name) or isinstance(owner, ast.Attribute) and is_self(owner.value, frame)
                        else None
                    )
                    if isinstance(held, Tensor) and held.shape != resized:
                        self.bind(owner, held.with_(shape=resized, act=held.act, act_site=held.act_site, acts=held.acts), frame, env)
                return result
            if isinstance(receiver, External):
                pos, kw, starred = self._args(node, frame, env)
                if name in LIGHTNING_RUNS and (pos or kw) and not starred:
                    run_fit(self, node, pos, kw, frame, name)
                return self.external_method(receiver, name, node, pos, kw, starred, frame)
            if isinstance(receiver, MetricGroup):
                pos, kw, starred = self._args(node, frame, env)
                return group_method(self, receiver, name, node, pos, kw, starred, frame)  # metrics.update(probs, y)
            if isinstance(receiver, CategoricalDist):
                self._args(node, frame, env)
                return distribution_method(receiver, name)  # Categorical(logits=x).log_prob(actions)
            if name == "add_module" and isinstance(receiver, Instance) and LAYERS in receiver.attrs and is_self(func.value, frame):
                pos, kw, starred = self._args(node, frame, env)
                add_module(receiver, node, pos, bool(kw), starred, frame.func.body if frame.is_init and frame.func is not None else None)
                return Const(None)  # a subclass of nn.Sequential filling itself (interp.sequential_subclasses)
            if (
                name in ("add_module", "append")
                and isinstance(receiver, SequentialVal)
                and (isinstance(func.value, ast.Name) or isinstance(func.value, ast.Attribute) and is_self(func.value.value, frame))
            ):
                # seq = nn.Sequential(); seq.add_module("fc", nn.Linear(...)): the layers in order
                pos, kw, starred = self._args(node, frame, env)
                added = None if starred else added_module(name, pos, kw)
                if added is not None:
                    self.bind(func.value, SequentialVal((*receiver.layers, added)), frame, env)
                    return Const(None)
                self._forget_modified_model(
                    func.value if not isinstance(func.value, ast.Name) else ast.Attribute(value=func.value, attr=name, ctx=ast.Load()), frame, env
                )
                return Const(None)
            if (
                name in MODULE_MUTATORS
                and isinstance(receiver, MODEL_VALUES)
                # a plain class of the project with its own `append` (a window of recent values) runs it
                and not (
                    isinstance(receiver, Instance) and not self._is_nn_module(receiver.cls) and self._find_method(receiver.cls, name) is not None
                )
            ):
                self._args(node, frame, env)
                self._forget_modified_model(
                    func.value if not isinstance(func.value, ast.Name) else ast.Attribute(value=func.value, attr=name, ctx=ast.Load()), frame, env
                )
                return Const(None)
            if name == "get" and isinstance(receiver, DictVal) and len(node.args) == 1 and not node.keywords:
                chosen = keyed_choice(receiver, node.args[0], frame.loops)  # {...}.get(cfg.loss) (interp.keyed_criteria)
                if chosen is not None:
                    self._args(node, frame, env)
                    return chosen
            if name == "get" and isinstance(receiver, HFOutput) and len(node.args) == 1 and not node.keywords:
                pos, kw, starred = self._args(node, frame, env)
                return output_item(receiver, pos[0]) if pos and isinstance(pos[0], Const) and isinstance(pos[0].value, str) else UNKNOWN
            if name in MODULE_SELF_METHODS and isinstance(receiver, GuardedChoice):
                self._args(node, frame, env)
                return receiver  # model.train() of a model chosen by a setting: still that choice
            if name in MODULE_SELF_METHODS and isinstance(receiver, (*MODEL_VALUES, Layer, LossSpec)):
                if not (isinstance(receiver, Instance) and self._find_method(receiver.cls, name) is not None):
                    self._args(node, frame, env)
                    return receiver  # model.to(device), model.train(), ... return the module itself
            if name in api.WRAPPER_COPY_METHODS and self._wrapper_copy(receiver):
                self._args(node, frame, env)
                return receiver  # l2l.MAML(model).clone(): the same model, wrapped again
            if name == "propagate" and isinstance(receiver, Instance) and (features := _features_arg(node)) is not None:
                passed = propagated(self, receiver.cls, self.ev(features, frame, env))
                if passed is not None:
                    self._args(node, frame, env)
                    return passed  # a MessagePassing layer of the project: what it aggregates (interp.message_passing)
            # layer.forward(x), seq.forward(x), criterion.forward(out, y): the module's own call
            if is_self(func.value, frame) and "self." + name in env:
                callee = env["self." + name]  # what this method bound, or a test narrowed (`if self.crit is not None:`)
            else:
                callee = (
                    receiver
                    if name == "forward" and isinstance(receiver, (SequentialVal, Layer, LossSpec))
                    else self.attribute(receiver, name, frame)
                )
        else:
            callee = self.ev(func, frame, env)
            if isinstance(func, ast.Name) and func.id == "setattr" and callee is UNKNOWN and len(node.args) == 3 and not node.keywords:
                self._setattr(node, frame, env)
                return Const(None)
            if isinstance(func, ast.Name) and func.id == "getattr" and callee is UNKNOWN and len(node.args) in (2, 3) and not node.keywords:
                named = self.ev(node.args[1], frame, env)
                if isinstance(named, Const) and isinstance(named.value, str):
                    # getattr(models, "Net"), or getattr(torch.nn, name, None) with `name` a string the caller
                    # gave: what it names (a default stands only for a missing attribute, unknown here)
                    return self.attribute(self.ev(node.args[0], frame, env), named.value, frame)
            if isinstance(func, ast.Name) and func.id == "locals" and callee is UNKNOWN:
                return locals_dict(node, frame, env) or UNKNOWN  # `create_resnet(**locals())`
            if isinstance(func, ast.Name) and func.id == "len" and callee is UNKNOWN:
                self._args(node, frame, env)
                return INT
            if isinstance(func, ast.Name) and func.id == "float" and callee is UNKNOWN:
                # a Python number, never a tensor, whatever it is given: `loss = float(loss.data)` after the
                # backward leaves no graph for a later `losses.append(loss)` (as `loss.item()` leaves none)
                self._args(node, frame, env)
                return NUMBER
            if isinstance(func, ast.Name) and func.id == "int" and callee is UNKNOWN:
                # an integer, never a tensor (`total += int(loss.data) * n` keeps no graph), as `float` is
                self._args(node, frame, env)
                return INT
            if isinstance(func, ast.Name) and func.id in ("iter", "next") and callee is UNKNOWN:
                pos, kw, starred = self._args(node, frame, env)
                if starred or kw or len(pos) != 1:
                    return UNKNOWN
                return iterator_of(pos[0]) if func.id == "iter" else next_of(pos[0])  # `next(iter(loader))`
            if isinstance(func, ast.Name) and func.id == "enumerate" and callee is UNKNOWN:
                pos, kw, starred = self._args(node, frame, env)
                counted = None if starred else enumerated(pos, kw)
                return UNKNOWN if counted is None else counted  # `enumerate(batch_loader(...))` (interp.generators)
            if isinstance(func, ast.Name) and func.id == "zip" and callee is UNKNOWN and unzips(node):
                return transposed(self.ev(node.args[0].value, frame, env))  # type: ignore[attr-defined]  # zip(*batch)
            if isinstance(func, ast.Name) and func.id in SEQUENCE_BUILTINS and callee is UNKNOWN:
                pos, kw, starred = self._args(node, frame, env)
                return self.sequence_builtin(func.id, node, pos, kw, starred)
            if isinstance(func, ast.Name):
                record_call(frame, func.id, callee, node)
        if self.is_namedtuple_factory(callee):
            self._args(node, frame, env)
            return self.namedtuple_class(node)
        pos, kw, starred = self._args(node, frame, env)
        self._last_effects = {}
        self._last_grad_calls = ()
        self._last_self_accs = ()
        self._last_param_accs = ()
        self._last_free_growth = {}
        result = self.apply(callee, node, pos, kw, starred, frame, env)
        fold_callee_calls(frame, self._last_grad_calls)
        if self._last_self_accs and isinstance(func, ast.Attribute):
            self._outlived_accumulations(node, func.value, self._last_self_accs, frame)
        if self._last_param_accs and not starred:
            self.pass_to_arguments(node, callee, self._last_param_accs, frame)  # collect(..., stats): stats.update(loss) inside
        if self._last_effects and not starred:
            self.apply_effects(node, self._last_effects, frame, env)  # predictor(feat, ret): ret["x"] = ... inside
        if self._last_free_growth:
            self.grow_enclosing(callee, self._last_free_growth, frame, env)  # decode(step, out): outputs.append(out) inside
        return result

    def _outlived_accumulations(self, node: ast.Call, receiver: ast.expr, accs: tuple, frame: Frame) -> None:
        """``meter.update(loss)`` whose method adds a graph-holding value to ``self.sum``: inside a
        loop, each is an accumulation across the loop's iterations (reported where the method adds,
        with the loop's context); outside any loop, through ``self`` or an object it holds, it is
        this method's own, for its callers' loops. The object may be reached through attributes of
        a name (``metrics.losses_track.update(loss)``)."""
        root = receiver
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return  # Meter().update(loss): a fresh object
        if frame.loops:
            # the method's own backward() (`self.train_step(x, y)`) is folded into the loops' calls by now
            trained = loops_trained(frame)
            for acc in accs:
                self.sink(dataclasses.replace(acc, outer=(frame.ctx(), receiver, node), outer_trained=trained))
        elif isinstance(frame.self_value, Instance) and is_self(root, frame):
            frame.self_accs.extend(accs)
        else:
            self.keep_for_callers(root, accs, frame)  # an object this body was given

    def apply(self, callee: Value, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame, env: Env) -> Value:
        if isinstance(callee, NamedTupleClass):
            return self.build_namedtuple(callee, node, pos, kw, starred, frame, env)
        if isinstance(callee, QualName):
            result = self._torch_call(callee.name, node, pos, kw, starred, frame)
            if isinstance(result, Optimizer):
                result = with_networks(self, result, node, frame, env)  # Adam(self.parameters()): which objects
            if callee.name.endswith("_") or node.keywords:
                self.torch_call_writes(callee.name, node, result, frame, env)  # torch.sigmoid(x, out=x)
            return result
        if isinstance(callee, LossSpec):
            sink = self.sink
            if excluded_by_class_test(callee, node, frame.scope_node, lambda cls: self.ev(cls, frame, env)):
                self.sink = drop  # a branch this criterion never takes (interp.class_tests)
            try:
                return self._loss_call(
                    callee.qname, callee.family, api.LOSS_CLASSES[callee.qname], node, pos, kw, frame, callee.reduction, callee.log_target
                )
            finally:
                self.sink = sink
        if isinstance(callee, Layer):
            return apply_layer(callee, pos[0] if pos else UNKNOWN, node, frame, explicit=True)
        if isinstance(callee, SequentialVal):
            val = pos[0] if pos else UNKNOWN
            for layer in callee.layers:
                if isinstance(layer, Layer):
                    val = apply_layer(layer, val, node, frame, explicit=False)
                elif isinstance(layer, RepeatedBlock):
                    val = repeated_output(val, self.apply(layer.block, node, [val], {}, False, frame, env))
                else:
                    val = self.apply(layer, node, [val], {}, False, frame, env)
            return val
        if isinstance(callee, PretrainedModel) and callee.hf_head:
            return hf_output(callee, node, pos, kw, starred, frame)  # a Hugging Face model's ModelOutput (interp.hf_models)
        if isinstance(callee, PretrainedModel):
            logits = Tensor(act=Act.LOGITS, act_site=Site(node, frame.scope, f"{callee.qname} model output", frame.module), dtype=Dtype.FLOAT)
            # the layer the code put in place of its last one, on its features
            out = logits if callee.head is None else self.apply(callee.head, node, [classifier_features(callee, pos)], {}, False, frame, env)
            # a dict of outputs (a segmentation model's "out" and "aux"): the head makes "out"
            return DictVal(tuple((key, out if key == "out" else logits) for key in callee.outputs)) if callee.outputs else out
        if isinstance(callee, FunctionRef):
            if starred:
                filled = (
                    filled_keywords(callee.node, len(pos), kw, method=False, open_kwargs=True)
                    if mapping_only(node)
                    else filled_positionals(callee.node, len(pos), kw, method=False)
                    if sequence_last(node)
                    else None
                )
                if filled is None:
                    return UNKNOWN  # left to the function's standalone analysis
                kw = filled  # f(a, **kwargs): every parameter the mapping may give, unknown
            depth = frame.depth + (0 if passes_on(callee.node) else 1)  # `return create_resnet(**locals())` costs no level
            result = self.call_function(
                callee, pos, kw, self_value=None, depth=depth, no_grad=frame.no_grad, called=frame.called, callsite=(frame.module, node)
            )
            if not starred:
                note_detached_args(self, callee, None, node, frame)
            return result
        if isinstance(callee, BoundMethod):
            if starred:
                filled = (
                    filled_keywords(callee.func.node, len(pos), kw, open_kwargs=True)
                    if mapping_only(node)
                    else filled_positionals(callee.func.node, len(pos), kw, method=True)
                    if sequence_last(node)
                    else None
                )
                if filled is None:
                    return UNKNOWN
                kw = filled
            owner = callee.self_value
            own = isinstance(owner, Instance) and owner is frame.self_value  # self.m(...): state carried in and out
            result = self.call_function(
                callee.func,
                pos,
                kw,
                self_value=owner,
                depth=frame.depth + 1,
                is_init=callee.func.node.name == "__init__" or (frame.is_init and owner is frame.self_value),
                no_grad=frame.no_grad or update_without_grad(self, callee.func, owner),
                called=frame.called,
                callsite=(frame.module, node),
                self_state=carried_state(self, frame, env, owner, callee.func.node, node)  # type: ignore[arg-type]
                if own
                else carried_in(self, frame, owner, callee.func.node, node)  # `model.get_loss(...)` (interp.receiver_state)
                if isinstance(owner, Instance)
                else (),
            )
            if own:
                apply_after_call(self, frame, env, owner, callee.func.node, self._last_self_sets)  # type: ignore[arg-type]
            elif isinstance(owner, Instance):
                note_call(frame, owner, node, self._last_self_sets)
            if not frame.no_grad and isinstance(owner, Instance) and returns_loss_term(callee.func.node, owner):
                return with_graph(result)  # `criterion._show_dice(...)`: a term of its loss
            return result
        if isinstance(callee, ClassRef):
            split = None if starred else split_flag_call(node)
            if split is not None:
                # Net(classification=True if args.task == "classification" else False): one instance per
                # option, kept as the choice of models the setting makes (interp.flag_choices)
                test, first, second = split
                return self.guarded_choice(test, self.ev_call(first, frame, env), self.ev_call(second, frame, env))
            optimizer = optimizer_instance(self, callee, node, frame)
            if optimizer is not None:
                return optimizer  # `RAdam(net.parameters())` of a vendored optimizer class
            init = self._find_method(callee, "__init__") if starred and mapping_only(node) else None
            filled = filled_keywords(init.node, len(pos), kw) if init is not None else None  # `Head(**cfg)`
            if filled is None and init is not None:
                filled = open_keywords(init.node, len(pos), kw)  # `SAC(**params)`, `__init__(self, **config)` (interp.open_constructions)
            instance = self.instantiate(
                callee,
                pos,
                filled if filled is not None else kw,
                starred and filled is None,
                frame.depth + 1,
                callsite=None if starred else (frame.module, node),
            )
            trainer = None if starred else self.trainer_base(callee)
            if trainer is not None:
                self.run_trainer_subclass(callee, trainer, node, pos, kw, frame, env)  # a skorch wrapper
            if not starred:
                run_compute_loss(self, callee, instance, node, pos, kw, frame)  # a Hugging Face Trainer subclass
            return instance
        if isinstance(callee, LambdaRef):
            return self._call_lambda(callee, pos, kw, starred, frame)
        if isinstance(callee, AutogradApply):
            if starred:
                return UNKNOWN
            return self.call_function(
                callee.forward, [UNKNOWN, *pos], kw, self_value=None, depth=frame.depth + 1, no_grad=frame.no_grad, called=frame.called
            )
        if isinstance(callee, ImageTransform):
            return apply_image_transform(callee, pos, kw, starred)  # self.transform(img) in a dataset
        if isinstance(callee, MetricGroup):
            return group_method(self, callee, "forward", node, pos, kw, starred, frame)
        if isinstance(callee, SequentialInit):
            keep_layers(callee, pos, bool(kw), starred)
            return Const(None)
        if isinstance(callee, Instance):
            method = self._find_method(callee.cls, "forward") or self._find_method(callee.cls, "__call__")
            if method is None and (layers := own_layers(callee)) is not None:
                return self.apply(layers, node, pos, kw, starred, frame, env)  # a subclass of nn.Sequential
            if method is None:
                update = None if starred else metric_update(self, callee)  # metric(preds, target): its update
                return run_metric_method(self, callee, update, node, pos, kw, frame) if update is not None else UNKNOWN
            if starred:
                # model(**batch): the arguments are unknown, but what forward does to them is not
                return self.call_function(
                    method,
                    [],
                    {},
                    self_value=callee,
                    depth=frame.depth + 1,
                    no_grad=frame.no_grad,
                    called=frame.called,
                    callsite=(frame.module, node),
                    opaque=True,
                )
            own = callee is frame.self_value  # self(x): the object's own forward, state carried in and out
            result = self.call_function(
                method,
                pos,
                kw,
                self_value=callee,
                depth=frame.depth + 1,
                no_grad=frame.no_grad,
                called=frame.called,
                callsite=(frame.module, node),
                self_state=carried_state(self, frame, env, callee, method.node, node) if own else carried_in(self, frame, callee, method.node, node),
            )
            if own:
                apply_after_call(self, frame, env, callee, method.node, self._last_self_sets)
            else:
                note_call(frame, callee, node, self._last_self_sets)
            note_detached_args(self, callee, method, node, frame)
            return result
        if isinstance(callee, Either):
            return self._apply_each(callee, node, pos, kw, starred, frame, env)
        if isinstance(callee, GuardedChoice) and not starred:
            chosen = self.apply_loss_choice(callee, node, pos, kw, frame, env)  # a criterion chosen by a setting
            if chosen is not None:
                return chosen
        if isinstance(callee, Partial):
            return self.apply(callee.func, node, pos, {**dict(callee.keywords), **kw}, starred, frame, env)
        if isinstance(callee, ParamUnknown) and (pos or kw) and not starred:
            models = self.fitting_models(frame.module, len(pos), set(kw))
            if len(models) == 1 and not self.contains_class(models[0], frame.owner):
                return self.apply(self._default_instance(models[0]), node, pos, kw, starred, frame, env)
            named = named_model(models, node.func)  # `decoder(x, h)` beside an EncoderRNN that takes them too
            if named is not None and not self.contains_class(named, frame.owner):
                return self.apply(self._default_instance(named), node, pos, kw, starred, frame, env)
            agreed = self.agreed_output(models, node, pos, kw, frame, env)  # several: what they all return
            if agreed is not None:
                return agreed
        if isinstance(callee, ParamUnknown) and starred and mapping_only(node) and _model_name(node.func):
            # `model(**batch)`: any forward takes the mapping, so only a file with one model at all says which, and
            # only for a parameter named as a model (a `factory(**kwargs)` is no model; round 32)
            only = self.only_model(frame.module)
            if only is not None and not self.contains_class(only, frame.owner):
                return self.apply(self._default_instance(only), node, pos, kw, starred, frame, env)
        if isinstance(callee, MaybeNone) and isinstance(callee.value, Instance) and not starred:
            # an object or None by the path: where the call runs it is the object (calling None raises); only the
            # arguments its forward cuts are taken from it (interp.detached_args), the result stays unknown
            note_detached_args(self, callee.value, self._find_method(callee.value.cls, "forward"), node, frame)
        return UNKNOWN

    def _call_lambda(self, ref: LambdaRef, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame) -> Value:
        params = ref.node.args
        if starred or frame.depth > MAX_DEPTH or params.vararg is not None:
            return UNKNOWN
        env: Env = dict(ref.closure.env)
        names = [p.arg for p in (*params.posonlyargs, *params.args)]
        for i, name in enumerate(names):
            env[name] = pos[i] if i < len(pos) else kw.get(name, PARAM)
        for p in params.kwonlyargs:
            env[p.arg] = kw.get(p.arg, PARAM)
        if params.kwarg is not None:
            env[params.kwarg.arg] = UNKNOWN
        inner = Frame(ref.module, frame.func, frame.self_value, no_grad=frame.no_grad, depth=frame.depth + 1, owner=frame.owner, called=frame.called)
        inner.scope = frame.scope
        return self.ev(ref.node.body, inner, env)

    # ------------------------------------------------------------------ user functions and classes
    def call_function(
        self: InterpBase,
        ref: FunctionRef,
        pos: list[Value],
        kw: dict[str, Value],
        self_value: Value | None,
        depth: int,
        is_init: bool = False,
        standalone: bool = False,
        no_grad: bool = False,
        called: bool = True,
        callsite: tuple[ModuleInfo, ast.Call] | None = None,
        opaque: bool = False,
        summary: bool = False,
        entry: bool = False,
        self_state: tuple[tuple[str, Value], ...] = (),
    ) -> Value:
        fn = ref.node
        self._last_self_sets = None  # what a call on self certainly set: unknown unless its body runs (interp.self_effects)
        if depth > MAX_DEPTH:
            return UNKNOWN
        if not through_self(callsite):
            pos = [leave_holder(v) for v in pos]
            kw = {k: leave_holder(v) for k, v in kw.items()}
        key = (
            id(fn),
            self_value if not isinstance(self_value, Instance) else id(self_value),
            tuple(pos),
            tuple(sorted(kw.items(), key=lambda kv: kv[0])),
            no_grad,
            called and not standalone,
            opaque,
            summary,
            self_state,
        )
        try:
            hash(key)
        except TypeError:
            return UNKNOWN
        if key in self._memo:
            self._last_effects = self._effects.get(key, {})
            self._last_grad_calls = self._grad_calls.get(key, ())
            self._last_self_accs = self._self_accs.get(key, ())
            self._last_param_accs = self._param_accs.get(key, ())
            self._last_free_growth = self._free_growth.get(key, {})
            self._last_self_sets = self._self_sets.get(key)
            for event in self._forwarded.get(key, ()):
                if callsite is not None and event.ctx.callsite != callsite:
                    # a thin wrapper called again with the same values: its loss call is this caller's too
                    self.sink(dataclasses.replace(event, ctx=dataclasses.replace(event.ctx, callsite=callsite)))
            return self._memo[key] if through_self(callsite) else leave_holder(self._memo[key])
        if any(k[0] == id(fn) for k in self._in_progress):
            return UNKNOWN  # recursion: give up on this call rather than iterate
        if not (summary or standalone):
            # live analyses (events reported) and dropped ones (inside a summary or another analysis
            # whose events are dropped) have a budget each: dropped analyses spending it first left a
            # method's own findings unreported (a Kaggle notebook's MSELoss(size_average=False) in a
            # sklearn-style estimator's training method, reached four times with its events dropped)
            counted = (id(fn), self.sink is drop)
            seen = self._contexts.get(counted, 0)
            limit = MAX_CONTEXTS if self.spent < CONTEXT_BUDGET else SPENT_CONTEXTS
            if seen >= limit and limit == MAX_CONTEXTS and self.sink is not drop and _carries_graph(pos, kw):
                limit += GRAPH_CONTEXTS  # a loss handed on: what the body does with it is what LG006 asks
            if seen >= limit:
                summarised = self._context_free(ref, len(pos), tuple(kw), self_value, depth, is_init, no_grad, called, callsite, opaque)
                return summarised if through_self(callsite) else leave_holder(summarised)
            self._contexts[counted] = seen + 1
            self.spent += 1
        self._in_progress.add(key)
        self.covered.add(id(fn))
        try:
            env = self._bind_params(ref, pos, kw, self_value, opaque)
            own_no_grad = any(
                api.turns_off_grad(_written_name(d)) or api.turns_off_grad(self.decorator_qualname(d, ref.module)) for d in fn.decorator_list
            )
            no_grad = no_grad or own_no_grad
            frame = Frame(
                ref.module, fn, self_value, is_init=is_init, no_grad=no_grad, depth=depth, owner=ref.owner, called=called and not standalone
            )
            frame.callsite = callsite
            frame.result_site = result_site(self._wrapped, callsite)
            remember_wrapper(self._wrapped, fn, frame.result_site)
            frame.choices = self._closure_choices.get(id(fn), ())
            seed(frame, env, self_state)  # the caller's bindings of self attributes this body reads
            if forwarding_call(fn) is None:
                self.exec_block(fn.body, frame, env)
            else:
                self._exec_recording_loss_calls(key, fn, frame, env)
            if frame.nested:
                self.run_uncalled_nested(frame, env)
            if manual_training_step(fn, self_value):
                self.sink(LoopSummary(fn, step_calls(frame), frame.ctx(), extra=frame.dead_extra()))
            elif keras_torch_train_step(fn, self_value, frame, self.resolve_base):
                extra: dict[str, object] = {"keras": True, **frame.dead_extra()}
                self.sink(LoopSummary(fn, step_calls(frame) + keras_apply_calls(fn), frame.ctx(), extra=extra))
            elif entry and frame.grad_calls:
                # a function no checked call reaches that back-propagates (an agent's `learn()`, a posted `train_step`)
                self.sink(LoopSummary(fn, step_calls(frame), frame.ctx(), extra={"one_step": True, **frame.dead_extra()}))
            effects = self.param_effects(ref, pos, kw, self_value, env, frame)
            if effects:
                self._effects[key] = effects
            self._last_effects = effects
            if frame.grad_calls:
                self._grad_calls[key] = (*frame.grad_calls, (CALLEE, UNKNOWN, fn, ref.module))
            self._last_grad_calls = self._grad_calls.get(key, ())
            if frame.self_accs:
                self._self_accs[key] = tuple(frame.self_accs)
            self._last_self_accs = self._self_accs.get(key, ())
            if frame.param_accs:
                self._param_accs[key] = tuple(frame.param_accs)
            self._last_param_accs = self._param_accs.get(key, ())
            if frame.free_growth:
                self._free_growth[key] = dict(frame.free_growth)
            self._last_free_growth = self._free_growth.get(key, {})
            self._self_sets[key] = left_set(self, self_value, fn, env, is_init)
            if ref.module.facts.function(fn).is_generator:
                result: Value = generator_call(frame.yields)  # a `yield` fixture's value too (interp.pytest_fixtures)
            elif frame.returns:
                result = frame.returns[0]
                for r in frame.returns[1:]:
                    result = join(result, r)
                result = guarded_returns(fn, frame, result)
                result = loss_factory_returns(fn, frame, result)  # `if name in table: return BCELoss()`
                if own_no_grad:
                    result = no_grad_returns(fn, result)  # `@torch.no_grad()`: what it made holds no graph
            else:
                result = Const(None)
        finally:
            self._in_progress.discard(key)
        self._last_self_sets = self._self_sets.get(key)
        self._memo[key] = result
        return result if through_self(callsite) else leave_holder(result)

    def _context_free(
        self: InterpBase,
        ref: FunctionRef,
        n_pos: int,
        kw_names: tuple[str, ...],
        self_value: Value | None,
        depth: int,
        is_init: bool,
        no_grad: bool,
        called: bool,
        callsite: tuple[ModuleInfo, ast.Call] | None,
        opaque: bool,
    ) -> Value:
        """A function already analysed in :data:`MAX_CONTEXTS` contexts (a test file building its
        model 44 times with other arguments, each call of the library's ``fit`` another receiver):
        the function analysed once more with every argument and its receiver unknown, memoised,
        its events dropped. What it returns and the gradient calls it makes hold in any context;
        what only this context would have shown is not reported (silent, never a guess). An
        ``nn.Module``'s receiver is kept (and an instance's own ``__init__``'s): what a model's
        forward returns comes from the layers it holds, whatever its inputs (a network called from
        many places in a large project)."""
        model = isinstance(self_value, Instance) and self._is_nn_module(self_value.cls)
        with events_dropped(self):
            return self.call_function(
                ref,
                [UNKNOWN] * n_pos,
                dict.fromkeys(kw_names, UNKNOWN),
                self_value=self_value if is_init or self_value is None or model else UNKNOWN,
                depth=depth,
                is_init=is_init,
                no_grad=no_grad,
                called=called,
                callsite=callsite,
                opaque=opaque,
                summary=True,
            )

    def _exec_recording_loss_calls(self: InterpBase, key: tuple, fn: ast.FunctionDef | ast.AsyncFunctionDef, frame: Frame, env: Env) -> None:
        """Run a thin wrapper's body, keeping the loss calls it makes itself for its later callers."""
        sink = self.sink
        own: list[LossCall] = []

        def record(event: object) -> None:
            if isinstance(event, LossCall) and event.ctx.func is fn:
                own.append(event)
            sink(event)

        self.sink = record
        try:
            self.exec_block(fn.body, frame, env)
        finally:
            self.sink = sink
        if own:
            self._forwarded[key] = own

    def _bind_params(self, ref: FunctionRef, pos: list[Value], kw: dict[str, Value], self_value: Value | None, opaque: bool = False) -> Env:
        fn = ref.node
        params = fn.args
        env: Env = {}
        positional = [p.arg for p in (*params.posonlyargs, *params.args)]
        defaults = self._param_defaults(ref)
        args = list(pos)
        if self_value is not None and positional:
            env[positional[0]] = self_value
            positional = positional[1:]
        elif ref.owner is not None and positional and not is_static(fn) and (not (args or kw) or has_decorator(fn, "classmethod")):
            # a method analysed on its own, or a classmethod: the first parameter is bound, unknown.
            # `ChexnetTrainer.epochVal(model, ...)` / `Base.forward(self, x)` read from the class pass
            # the first parameter themselves
            env[positional[0]] = UNKNOWN
            positional = positional[1:]
        for i, name in enumerate(positional):
            if i < len(args):
                env[name] = args[i]
            elif name in kw:
                env[name] = kw[name]
            else:
                env[name] = defaults.get(name, PARAM)
        for p in params.kwonlyargs:
            env[p.arg] = kw.get(p.arg, defaults.get(p.arg, PARAM))
        if params.vararg is not None:
            env[params.vararg.arg] = UNKNOWN
        if params.kwarg is not None:
            env[params.kwarg.arg] = UNKNOWN
        if opaque:
            for name in list(env):
                if env[name] is not self_value:
                    env[name] = UNKNOWN
        return env

    def _param_defaults(self, ref: FunctionRef) -> dict[str, Value]:
        cached = self._defaults.get(id(ref.node))
        if cached is not None:
            return cached
        result: dict[str, Value] = {}
        self._defaults[id(ref.node)] = result
        glob = self.module_globals(ref.module)
        frame = Frame(ref.module, None)
        params = ref.node.args
        positional = [*params.posonlyargs, *params.args]
        for p, default in parameter_defaults(params):
            result[p.arg] = self.ev(default, frame, dict(glob))
        for p in (*positional, *params.kwonlyargs):
            declared_as = parameter_class(ref.node, p) if p.arg not in result else None
            if declared_as is not None:
                declared = self._declared_model(declared_as, frame, glob)
                if declared is not None:
                    result[p.arg] = declared
            elif p.arg not in result and ref.owner is None:
                namesake = glob.get(p.arg)  # `def train(dataloader, model, loss_fn, ...)` beside `loss_fn = ...` (interp.global_namesakes)
                if namesake is None or not (isinstance(namesake, LossSpec) or self._is_model_value(namesake)):
                    continue
                if namesake_assigned_once(ref.module, ref.node, p.arg):
                    result[p.arg] = namesake
        return result

    def _is_model_value(self, value: Value | None) -> bool:
        """A model: a ``Sequential``, a library model, one of several models, or an instance of an
        ``nn.Module`` class of the checked code."""
        if isinstance(value, Instance):
            return self._is_nn_module(value.cls)
        return isinstance(value, MODEL_VALUES)

    def _declared_model(self, annotation: ast.expr, frame: Frame, glob: Env) -> Value | None:
        """The model a parameter annotated with a module class of the checked code holds when no
        caller passes it (``encoder: LocationEncoder`` in a LightningModule's ``__init__``, built
        from a config): an instance of that class, as built with its own defaults. Any other
        annotation (a torch class, ``Optional[...]``, a string) says nothing here."""
        if not all(isinstance(n, (ast.Name, ast.Attribute, ast.Load)) for n in ast.walk(annotation)):
            return None
        cls = self.ev(annotation, frame, dict(glob))
        if not isinstance(cls, ClassRef) or not self._is_nn_module(cls):
            return None
        return self._default_instance(cls)

    def resolve_base(self, expr: ast.expr, module: ModuleInfo) -> Value:
        """What a class's base expression names in its module (a class of the checked code, a library's qualified name)."""
        return self.ev(expr, Frame(module, None), dict(self.module_globals(module)))

    def decorator_qualname(self, d: ast.expr, module: ModuleInfo) -> str:
        expr = d.func if isinstance(d, ast.Call) else d
        glob = self.module_globals(module)
        val = self.ev(expr, Frame(module, None), dict(glob))
        return val.name if isinstance(val, QualName) else ""

    def _setattr(self, node: ast.Call, frame: Frame, env: Env) -> None:
        """``setattr(self, "name", value)``: the same as ``self.name = value`` when the name is a literal."""
        obj, name, value = node.args
        val = self.ev(value, frame, env)
        self.ev(obj, frame, env)
        key = self.ev(name, frame, env)
        if isinstance(key, Const) and isinstance(key.value, str) and key.value.isidentifier() and not isinstance(obj, ast.Starred):
            self.bind(ast.Attribute(value=obj, attr=key.value, ctx=ast.Store()), val, frame, env)
        else:
            forget_self_attributes(obj, frame, env)  # any attribute of self may be the one replaced (interp.open_constructions)

    def _wrapper_copy(self, receiver: Value) -> bool:
        """``receiver`` is a model of the checked code (each option of a choice too) whose class,
        an ``nn.Module``, defines no method of :data:`api.WRAPPER_COPY_METHODS` itself."""
        options = receiver.options if isinstance(receiver, Either) else (receiver,)
        return all(
            isinstance(o, Instance) and self._is_nn_module(o.cls) and not any(self._find_method(o.cls, m) for m in api.WRAPPER_COPY_METHODS)
            for o in options
        )

    def _apply_each(self, callee: Either, node: ast.Call, pos: list[Value], kw: dict[str, Value], starred: bool, frame: Frame, env: Env) -> Value:
        """Call each of several models and keep what their results agree on. Events are not reported
        from these calls: each model is also analysed on its own, and a finding that holds for one
        option only would be about a path the program may never take. A model of the checked code
        whose forward cannot take these arguments is left out: on that path the call raises
        TypeError (two models chosen by a setting, called in the methods written for each)."""
        with events_dropped(self):
            options = callee.options if starred else fitting_options(self, callee.options, len(pos), set(kw))
            results = [self.apply(option, node, pos, kw, starred, frame, env) for option in options]
        built = built_with_conditions(callee, options, results)
        if built is not None:
            return built  # MODELS[args.model](args): each model with its class's condition (interp.keyed_models)
        result = results[0]
        for r in results[1:]:
            result = join(result, r)
        return outputs_per_option(callee, options, results, result)  # each model's output, with its condition

    def set_later(self, inst: Instance, attr: str, value: Value) -> None:
        """``self.attr = value`` outside ``__init__`` (a setter such as ``model.add_loss_op(loss)``):
        reads of an attribute ``__init__`` never sets see what every such assignment agrees on."""
        key = (id(inst), attr)
        seen = self._late_attrs.get(key)
        self._late_attrs[key] = value if seen is None else join(seen, value)

    def late_attribute(self, inst: Instance, attr: str) -> Value | None:
        return self._late_attrs.get((id(inst), attr))


def fitting_options(interp: InterpBase, options: tuple[Value, ...], n_pos: int, kw_names: set[str]) -> tuple[Value, ...]:
    """The options of a choice a call with these arguments can run: a model of the checked code
    whose forward does not accept them is left out; all of them when none would."""
    kept = tuple(
        o
        for o in options
        if not (isinstance(o, Instance) and interp._find_method(o.cls, "forward") is not None and not interp._forward_accepts(o.cls, n_pos, kw_names))
    )
    return kept or options


def _written_name(d: ast.expr) -> str:
    """The name a decorator is written with: ``smart_inference_mode`` for ``@smart_inference_mode()``."""
    expr = d.func if isinstance(d, ast.Call) else d
    return expr.attr if isinstance(expr, ast.Attribute) else expr.id if isinstance(expr, ast.Name) else ""


def _features_arg(node: ast.Call) -> ast.expr | None:
    """The plain ``x=<name>`` argument of ``self.propagate(...)``: the node features it spreads."""
    for k in node.keywords:
        if k.arg == "x" and isinstance(k.value, (ast.Name, ast.Attribute)):
            return k.value
    return None


def _model_name(func: ast.expr) -> bool:
    """``model(...)``, ``self.net(...)``: the callee is named as a model (``unbuilt_models.MODEL_NAMES``)."""
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return name in MODEL_NAMES
