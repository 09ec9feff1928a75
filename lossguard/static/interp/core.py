"""The abstract interpreter: follows values through statements, calls, classes and files.

It runs each function body once per distinct abstract input (memoised), keeps what every
path agrees on (see :func:`values.join`), and reports events to the rules as it goes. It
never executes user code and never imports torch.

The class is assembled from one part per job: Python statements, expressions, calls, classes
and imports (:mod:`.statements`, :mod:`.expressions`, :mod:`.calls`, :mod:`.classes`,
:mod:`.imports`), torch's behaviour (:mod:`.torch_calls`, with :mod:`.tensor_methods`,
:mod:`.numpy_calls` and :mod:`.data_calls`, reading the tables of :mod:`lossguard.static.torch_api`) and training-code conventions (:mod:`.training`), with
functions an ``if`` binds together (:mod:`.choices`), nested functions nothing calls
(:mod:`.nested`) and loss terms returned with their total (:mod:`.loss_parts`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lossguard.static.events import LossCall
from lossguard.static.interp.calls import CallsMixin
from lossguard.static.interp.choices import ChoicesMixin
from lossguard.static.interp.classes import ClassesMixin, replaced_later
from lossguard.static.interp.closure_lists import ClosureListsMixin
from lossguard.static.interp.expressions import ExpressionsMixin
from lossguard.static.interp.frame import Env, Frame, Sink, all_functions, is_static
from lossguard.static.interp.guards import GuardsMixin
from lossguard.static.interp.handed_objects import HandedObjectsMixin
from lossguard.static.interp.imports import ImportsMixin
from lossguard.static.interp.item_stores import ItemStoresMixin
from lossguard.static.interp.loss_choices import LossChoicesMixin
from lossguard.static.interp.loss_parts import LossPartsMixin
from lossguard.static.interp.model_agreement import ModelAgreementMixin
from lossguard.static.interp.nested import NestedMixin
from lossguard.static.interp.own_calls import runs_subclass_forward
from lossguard.static.interp.own_state import OwnStateMixin
from lossguard.static.interp.passed_holders import PassedHoldersMixin
from lossguard.static.interp.pytest_fixtures import Fixture, PytestFixturesMixin
from lossguard.static.interp.result_sites import Site
from lossguard.static.interp.sequences import SequencesMixin
from lossguard.static.interp.settings import SettingsMixin
from lossguard.static.interp.sibling_stores import ClassStores
from lossguard.static.interp.statements import StatementsMixin
from lossguard.static.interp.top_level_steps import top_level_step
from lossguard.static.interp.torch_calls import TorchCallsMixin
from lossguard.static.interp.trainers import TrainersMixin
from lossguard.static.interp.training import TrainingMixin
from lossguard.static.project import ModuleInfo, Project
from lossguard.static.values import ClassRef, FunctionRef, Instance, Value


class Interpreter(
    StatementsMixin,
    ChoicesMixin,
    ExpressionsMixin,
    CallsMixin,
    ClassesMixin,
    ImportsMixin,
    TorchCallsMixin,
    TrainingMixin,
    SequencesMixin,
    GuardsMixin,
    LossChoicesMixin,
    NestedMixin,
    LossPartsMixin,
    TrainersMixin,
    SettingsMixin,
    ItemStoresMixin,
    PassedHoldersMixin,
    OwnStateMixin,
    ModelAgreementMixin,
    ClosureListsMixin,
    HandedObjectsMixin,
    PytestFixturesMixin,
):
    def __init__(self, project: Project, sink: Sink) -> None:
        self.project = project
        self.sink = sink
        self._mixins_run: set[int] = set()  # class nodes whose mixin methods ran (_run_mixin_methods)
        self._memo: dict[tuple, Value] = {}
        self._effects: dict[tuple, dict[int | str, Value]] = {}  # dicts a call changed in place, by argument
        self._wrapped: dict[int, Site | None] = {}  # a running thin wrapper's returned call -> its result site
        self._forwarded: dict[tuple, list[LossCall]] = {}  # a thin wrapper's own loss calls, by call key (see call_function)
        self._last_effects: dict[int | str, Value] = {}
        self._grad_calls: dict[tuple, tuple] = {}  # the gradient calls a call made (Frame.grad_calls), by call key
        self._last_grad_calls: tuple = ()
        self._self_accs: dict[tuple, tuple] = {}  # a call's accumulations into attributes of self (Frame.self_accs), by call key
        self._last_self_accs: tuple = ()
        self._param_accs: dict[tuple, tuple] = {}  # the same for objects a call was given (Frame.param_accs)
        self._last_param_accs: tuple = ()
        self._free_growth: dict[tuple, dict[str, Value]] = {}  # what a nested function appended to free names (interp.closure_lists)
        self._last_free_growth: dict[str, Value] = {}
        self._self_sets: dict[tuple, dict[str, Value] | None] = {}  # what a call on self certainly set (interp.self_effects)
        self._last_self_sets: dict[str, Value] | None = None
        self._self_effect_facts: dict[tuple, frozenset[str] | None] = {}  # per class and method (interp.self_effects)
        self._bound_by_fn: dict[int, frozenset[str]] = {}  # function node id -> the names its body binds
        self._in_progress: set[tuple] = set()
        # (function node id, events dropped) -> contexts analysed (interp.calls.MAX_CONTEXTS)
        self._contexts: dict[tuple[int, bool], int] = {}
        self.spent = 0  # analyses in new contexts for the file being checked (interp.calls.CONTEXT_BUDGET)
        self.covered: set[int] = set()  # ids of function nodes interpreted in some context
        self._later_reads: set[int] = set()  # values read ahead (interp.later_bindings, interp.sibling_stores)
        self._graph_later: set[int] = set()  # assignments back-propagated later in their block (interp.later_backward)
        self._blocks_scanned: set[int] = set()  # the blocks looked at for them, by their first statement's id
        self._sibling_stores: dict[
            tuple[int, int, str, str], tuple[ast.expr, list[ast.ImportFrom]] | None
        ] = {}  # interp.sibling_stores, by class, reader, name, attribute
        self._class_stores: dict[int, ClassStores] = {}  # interp.sibling_stores.ClassStores, by class
        self._default_instances: dict[int, Instance] = {}
        self._fixture_tables: dict[int, dict[str, Fixture]] = {}  # interp.pytest_fixtures, by test module
        self._unbuilt_models: dict[tuple[int, str], Value] = {}  # interp.unbuilt_models, by module and name
        self._local_bases: dict[int, tuple[Value, ...] | None] = {}  # class statements run in functions: their bases (classes.note_local_bases)
        self._volatile_attrs: dict[int, frozenset[str]] = {}
        self._defaults: dict[int, dict[str, Value]] = {}
        self._closures: dict[int, Env] = {}
        self._closure_choices: dict[int, tuple] = {}  # the choices (interp.choices) a nested function sees
        self._names_read: dict[int, frozenset[str]] = {}  # statement id -> the names it reads (interp.choices)
        self._starred_seqs: dict[int, Value] = {}  # call id -> the list its only `*name` unpacks (interp.layer_lists)
        self._model_candidates: dict[int, list[ClassRef]] = {}
        self._models_by_method: dict[tuple[int, str], ClassRef | None] = {}  # see model_with_method
        self._class_envs: dict[int, Env] = {}
        self._instances: dict[tuple, Instance] = {}
        self._lazy: dict[tuple, Value] = {}
        self._own_state: dict[int, dict[str, bool]] = {}  # per class: attribute -> set only by methods without arguments
        self._late_attrs: dict[tuple[int, str], Value] = {}  # attributes set outside __init__ (see set_later)
        self._self_calls_by_method: dict[int, dict[str, frozenset[str]]] = {}  # per class: method -> self.<m>() it calls
        self._stored_attrs: dict[
            str, tuple[re.Pattern[str], set[int], list[bool]]
        ] = {}  # attribute -> (its store, files read, found; interp.settings)

    # ------------------------------------------------------------------ modules
    def module_globals(self, info: ModuleInfo) -> Env:
        """Interpret a module's top level once, and return its global names."""
        if info.globals is not None:
            return info.globals
        env: Env = {}
        info.globals = env  # visible (partially) to import cycles
        info.analyzing = True
        frame = Frame(info, None)
        try:
            self.exec_block(info.module.body, frame, env)
        finally:
            info.analyzing = False
        if frame.grad_calls and (summary := top_level_step(info.module, frame)) is not None:
            self.sink(summary)
        return env

    @staticmethod
    def drives_training(fn: ast.FunctionDef | ast.AsyncFunctionDef, info: ModuleInfo) -> bool:
        """``fn`` runs ``backward()``, itself or through a function of its module it calls by name
        (``ChexnetTrainer.train`` calling ``ChexnetTrainer.epochTrain``): it cannot be running under
        ``no_grad``, so a body analysed alone for it counts as called."""
        facts = info.facts
        return facts.function(fn).calls_backward or facts.drives(fn, facts.trainers(info.module))

    def _run_mixin_methods(self, owner: ast.ClassDef, info: ModuleInfo, env: Env, checked: set[Path] | None = None) -> None:
        """The methods a module class inherits from a plain base class of the checked code (a mixin:
        knoxAI's ``SharedStepsMixin.training_step``, which calls ``self(batch)`` and ``self.loss_fn``),
        run on an instance of the module class, whose forward and attributes they use (round 27)."""
        cls_val = self._class_value(owner, info, env)
        if cls_val is None:
            return
        methods = self.mixin_methods(cls_val)
        if checked is not None:
            methods = [m for m in methods if Path(m.module.path).resolve() in checked]
        if not methods:
            return
        self_value = self._default_instance(cls_val)
        for ref in methods:
            self.call_function(ref, [], {}, self_value=self_value, depth=0, standalone=not ref.module.facts.function(ref.node).calls_backward)

    def mixin_names(self, checked: set[Path]) -> set[str]:
        """The names of the plain classes (no base, or ``object``) with methods in the checked files analysed:
        the mixins a module class may inherit; and of the classes with bases and no ``forward`` whose methods call
        the object itself (``self(x)``: interp.own_calls)."""
        out: set[str] = set()
        for info in self.project.loaded():
            if Path(info.path).resolve() not in checked:
                continue
            for node in info.module.body:
                plain = all(isinstance(b, ast.Name) and b.id == "object" for b in node.bases) if isinstance(node, ast.ClassDef) else False
                if plain and isinstance(node, ast.ClassDef) and any(isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) for m in node.body):
                    out.add(node.name)
                elif isinstance(node, ast.ClassDef) and node.bases and runs_subclass_forward(node):
                    out.add(node.name)  # a module class whose methods call the subclass's forward (interp.own_calls)
        return out

    def run_mixins_of_loaded(self, checked: set[Path]) -> None:
        """After the files are analysed: the module classes of every module the run loaded (a model file
        only imported, never analysed on its own) whose mixin methods (see :meth:`_run_mixin_methods`)
        are written in a checked file."""
        for info in list(self.project.loaded()):
            env: Env | None = None
            for node in info.module.body:
                if not isinstance(node, ast.ClassDef) or id(node) in self._mixins_run or not node.bases:
                    continue
                self._mixins_run.add(id(node))
                env = env if env is not None else self.module_globals(info)
                self._run_mixin_methods(node, info, env, checked)

    def analyze_module(self, info: ModuleInfo) -> None:
        """Interpret the module, then every function and method no call has reached."""
        env = self.module_globals(info)
        for fn, owner in all_functions(info.module):
            if owner is not None and id(owner) not in self._mixins_run:
                self._mixins_run.add(id(owner))
                self._run_mixin_methods(owner, info, env)
            if id(fn) in self.covered or owner is not None and replaced_later(owner.body, fn):
                continue
            if owner is not None:
                cls_val = self._class_value(owner, info, env)
                if cls_val is None:
                    continue
                self_value: Value | None = self._default_instance(cls_val) if not is_static(fn) else None
                if isinstance(self_value, Instance):
                    # an override that an inherited method calls (`MSNLoss.forward` calls
                    # `self.regularization_loss(mean_anchor_probs=...)`, which `PMSNLoss` overrides):
                    # run the inherited method on this class, so the override gets its arguments.
                    # One that reaches, on this class, a method that back-propagates (a runner's
                    # `train_step`) is a training loop: counted as called (interp.classes.template_trains)
                    for caller in self.inherited_callers(cls_val, fn.name):
                        self.call_function(caller, [], {}, self_value=self_value, depth=0, standalone=not self.template_trains(cls_val, caller))
                    if id(fn) in self.covered:
                        continue
                ref = FunctionRef(fn, info, cls_val)
            else:
                self_value = None
                ref = FunctionRef(fn, info, None)
            # a function that calls backward(), itself or through a function of this module it calls,
            # cannot be running under no_grad: treat it as called. A test or a fixture gets its fixtures
            fixtures = self.fixture_arguments(fn, info, owner)
            self.call_function(ref, [], fixtures, self_value=self_value, depth=0, standalone=not self.drives_training(fn, info), entry=True)
