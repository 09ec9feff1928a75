"""Python statements: assignment, control flow, loops, with, try, match, and binding names."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.dict_sums import comprehension_key, dict_running_sum
from lossguard.static.events import SET_GRAD, Accumulate, LoopSummary, rescales_grad
from lossguard.static.interp.asserts import assume_same_shapes
from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.branch_settings import Outcome, branch_outcome, negated, tag_branch_only
from lossguard.static.interp.buffer_stores import keeps_model
from lossguard.static.interp.choices import SIMPLE, make_choice
from lossguard.static.interp.default_flags import decided_by_default
from lossguard.static.interp.deleted_layers import delete_items
from lossguard.static.interp.frame import (
    FUNCTION_DEFS,
    Env,
    Frame,
    events_dropped,
    is_self,
    join_envs,
    loops_trained,
    pattern_names,
    record_call,
    replace_env,
    same_expr,
)
from lossguard.static.interp.guards import certainly_taken
from lossguard.static.interp.item_replacements import list_store
from lossguard.static.interp.iterators import ITERABLE, iterator_of, next_of, remade_iterators
from lossguard.static.interp.key_tests import refine_key_test
from lossguard.static.interp.keyed_stores import keyed_store_base
from lossguard.static.interp.later_backward import backpropagated_later, holding_graph
from lossguard.static.interp.layer_lists import extended
from lossguard.static.interp.layer_loops import Unrolled, unrolled_targets
from lossguard.static.interp.loss_choices import choose_losses
from lossguard.static.interp.loss_parts import LossParts
from lossguard.static.interp.mode_settings import mode_test
from lossguard.static.interp.model_branches import narrow_models, rejoin
from lossguard.static.interp.model_choices import choose_models
from lossguard.static.interp.no_grad_values import made_without_grad
from lossguard.static.interp.number_tests import refine_number_test
from lossguard.static.interp.numpy_calls import stores_into_numpy
from lossguard.static.interp.outside_stores import changes_nothing
from lossguard.static.interp.parameter_stores import indexed_parameter, keeps_layer, parameter_owner
from lossguard.static.interp.replaced_heads import replaced_head
from lossguard.static.interp.running_means import averaged_side
from lossguard.static.interp.self_classes import self_classes
from lossguard.static.interp.self_effects import decided_by_state
from lossguard.static.interp.self_holders import held_by_self, keeps_items
from lossguard.static.interp.slot_stores import slot_store_base
from lossguard.static.interp.step_returns import note_step_return
from lossguard.static.interp.untaken_settings import flag_written_true, untaken_by_literal
from lossguard.static.tensor_ops import binop, store_into_list
from lossguard.static.values import (
    INT,
    MODEL_VALUES,
    UNKNOWN,
    ClassRef,
    Const,
    DictVal,
    FunctionRef,
    Instance,
    ListOf,
    NumberList,
    QualName,
    Shape,
    Tensor,
    TupleVal,
    Unknown,
    Value,
    Yielded,
    holds_graph_items,
    join,
    without_range_marks,
)

# Context managers that assert their body raises: pytest's and unittest's.
_RAISES = frozenset(("raises", "assertRaises", "assertRaisesRegex", "assertRaisesRegexp"))


def expects_exception(expr: ast.expr) -> bool:
    """``pytest.raises(E)`` / ``raises(E)`` / ``self.assertRaises(E)`` (called with the exception,
    used as a context manager): the block it guards is meant to fail."""
    if not (isinstance(expr, ast.Call) and expr.args):
        return False
    func = expr.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return name in _RAISES


class StatementsMixin(InterpBase):
    """How each statement changes the environment."""

    # ------------------------------------------------------------------ statements
    def exec_block(self, stmts: Iterable[ast.stmt], frame: Frame, env: Env) -> bool:
        """Interpret statements in order; True if the block always ends in return/raise/break/continue."""
        if isinstance(stmts, list) and stmts and id(stmts[0]) not in self._blocks_scanned:
            self._blocks_scanned.add(id(stmts[0]))
            self._graph_later.update(backpropagated_later(stmts))
        tests = len(frame.tests)
        try:
            for stmt in stmts:
                if self.exec_stmt(stmt, frame, env):
                    return True
            return False
        finally:
            # the outcomes an `if` whose other branch left the block holds for the rest of it (_exec_if)
            del frame.tests[tests:]

    def exec_stmt(self, stmt: ast.stmt, frame: Frame, env: Env) -> bool:
        if frame.choices and isinstance(stmt, SIMPLE):
            ended = self.exec_per_choice(stmt, frame, env)
            if ended is not None:
                return ended
        if isinstance(stmt, ast.Assign):
            self._exec_assign(stmt, frame, env)
            return False
        if isinstance(stmt, ast.Expr):
            self.ev(stmt.value, frame, env)
            return False
        if isinstance(stmt, ast.AugAssign):
            current = self.ev(stmt.target, frame, env)
            added = self.ev(stmt.value, frame, env)
            if stores_into_numpy(self, stmt.target, frame, env):
                return False  # NumPy keeps numbers, not graphs: the array stays what it was
            if isinstance(stmt.op, (ast.Add, ast.Sub)):
                self.accumulate(stmt, stmt.target, added, frame)
                self.note_sum(stmt.target, stmt.value, frame, augmented=True)
                self.terms_of_backpropagated(stmt.target, stmt.value, frame, env)
            if isinstance(stmt.target, ast.Attribute) and stmt.target.attr == "grad" and rescales_grad(stmt):
                return False  # p.grad *= 0.01: the gradient rescaled in place, not set (no clearing)
            grown = extended(current, stmt.value, added) if isinstance(stmt.op, ast.Add) else None
            self.bind(stmt.target, grown if grown is not None else binop(current, added, stmt.op), frame, env)
            return False
        if isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.bind(stmt.target, self.ev(stmt.value, frame, env), frame, env)
            return False
        if isinstance(stmt, ast.Return):
            returned = self.ev(stmt.value, frame, env) if stmt.value is not None else Const(None)
            if isinstance(stmt.value, ast.Tuple):
                returned = self.returned_parts(stmt.value, returned, frame)
            frame.returns.append(returned)
            note_step_return(self, stmt, returned, frame, env)
            earlier = frame.returned_at.get(id(stmt))
            frame.returned_at[id(stmt)] = returned if earlier is None else join(earlier, returned)
            return True
        if isinstance(stmt, ast.Delete):
            delete_items(self, stmt, frame, env)  # `del classifier[-1]` (interp.deleted_layers)
            return False
        if isinstance(stmt, ast.Raise):
            if stmt.exc is not None:
                self.ev(stmt.exc, frame, env)
            return True
        if isinstance(stmt, (ast.Break, ast.Continue)):
            return True
        if isinstance(stmt, FUNCTION_DEFS):
            env[stmt.name] = FunctionRef(stmt, frame.module, None)
            if frame.func is not None:
                self._closures[id(stmt)] = dict(env)
                if stmt not in frame.nested:
                    frame.nested.append(stmt)
                if frame.choices:
                    self._closure_choices[id(stmt)] = frame.choices
                else:
                    self._closure_choices.pop(id(stmt), None)
            return False
        if isinstance(stmt, ast.ClassDef):
            env[stmt.name] = ClassRef(stmt, frame.module)
            self.note_local_bases(stmt, frame, env)
            return False
        if isinstance(stmt, ast.If):
            return self._exec_if(stmt, frame, env)
        if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)):
            self._exec_loop(stmt, frame, env)
            return False
        if isinstance(stmt, (ast.With, ast.AsyncWith)):
            return self._exec_with(stmt, frame, env)
        if isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            return self._exec_try(stmt, frame, env)
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname is not None:
                    env[alias.asname] = self._import_value(alias.name, frame.module)
                else:
                    root = alias.name.split(".")[0]
                    env[root] = self._import_value(root, frame.module, imported=alias.name)
            return False
        if isinstance(stmt, ast.ImportFrom):
            self._exec_import_from(stmt, frame, env)
            return False
        if isinstance(stmt, ast.Assert):
            assume_same_shapes(self, stmt, frame, env)
            return False
        if type(stmt).__name__ == "Match":
            self._exec_match(stmt, frame, env)
            return False
        return False  # pass, del, global, nonlocal, type aliases

    def accumulate(self, node: ast.AST, target: ast.expr, value: Value, frame: Frame, keyed: bool = False) -> None:
        """Report ``target += value`` (or an append, or a store at a new key: ``keyed``); one into an attribute
        of ``self`` made outside any loop of this body is kept for the loops of its callers (``meter.update(loss)``)."""
        acc = Accumulate(node, target, value, frame.ctx(), trained=loops_trained(frame), keyed=keyed)
        self.sink(acc)
        if (
            not frame.loops
            and isinstance(frame.self_value, Instance)
            and held_by_self(target, frame)
            and (isinstance(value, Tensor) and value.graph or holds_graph_items(value) and keeps_items(node))
        ):
            frame.self_accs.append(acc)

    def _exec_assign(self, stmt: ast.Assign, frame: Frame, env: Env) -> None:
        rhs = stmt.value
        if isinstance(rhs, ast.BinOp) and isinstance(rhs.op, (ast.Add, ast.Sub)):
            # `acc = acc + x`: an accumulation of x into acc
            left, right = self.ev(rhs.left, frame, env), self.ev(rhs.right, frame, env)
            for t in stmt.targets:
                if stores_into_numpy(self, t, frame, env):
                    continue  # NumPy keeps numbers, not graphs
                if same_expr(rhs.left, t) or isinstance(rhs.op, ast.Add) and _window_of(rhs, t):
                    self.accumulate(stmt, t, right, frame)
                elif same_expr(rhs.right, t):
                    self.accumulate(stmt, t, left, frame)
                elif (added := averaged_side(rhs, t)) is not None:  # `smooth = smooth * 0.99 + loss * 0.01`
                    self.accumulate(stmt, t, right if added is rhs.right else left, frame)
            if isinstance(rhs.op, ast.Add) and isinstance(left, TupleVal) and isinstance(right, TupleVal):
                parts = self.list_with_its_sum(rhs, left, right, frame)  # losses = losses + [sum(losses)]
                value = parts if parts is not None else self.concat(left, right)
            else:
                value = binop(left, right, rhs.op)
        else:
            value = self.ev(rhs, frame, env)
            if isinstance(value, Unknown):
                value = self.passed_through(stmt.targets, rhs, env) or self.reloaded(stmt.targets, rhs, frame.module, env) or value
            value = made_without_grad(rhs, value, frame.no_grad)  # `with torch.no_grad(): pred = model(x)`: no graph
        if id(stmt) in self._graph_later and not frame.no_grad:
            value = holding_graph(value) or value
        for t in stmt.targets:
            if (base := slot_store_base(self, t, value, frame, env)) is not None:
                self.accumulate(stmt, base, value, frame)  # `losses[epoch] = loss` into `torch.zeros(n)`
            elif (base := keyed_store_base(self, t, value, frame, env)) is not None:
                self.accumulate(stmt, base, value, frame, keyed=True)  # `log[step] = loss`, `step += 1`: one more graph per step
            if isinstance(rhs, ast.DictComp) and (added := dict_running_sum(rhs, t)) is not None:
                # `totals = {k: totals[k] + parts[k] for k in totals}`: each item accumulates `parts[k]`
                inner = {**env, comprehension_key(rhs): UNKNOWN}
                self.accumulate(stmt, t, self.ev(added, frame, inner), frame)
            self.bind(t, value, frame, env)
            self.note_sum(t, rhs, frame)
            self.terms_of_backpropagated(t, rhs, frame, env)

    def _exec_if(self, stmt: ast.If, frame: Frame, env: Env) -> bool:
        forced = frame.forced.get(id(stmt)) if frame.forced else None
        if forced is not None:
            # the last iteration of a loop over layers (interp.layer_loops): only the branch it takes runs
            self.ev(stmt.test, frame, env)
            branch_env = dict(env)
            ended = self._exec_branch(stmt.body if forced else stmt.orelse, frame, env, branch_env)
            if not ended:
                replace_env(env, branch_env)
            return ended
        self.ev(stmt.test, frame, env)
        body_env = dict(env)
        else_env = dict(env)
        self.refine_guarded(stmt.test, body_env, else_env, frame)  # `if args.arch == "a":` decides an earlier choice
        self.refine_none(stmt.test, frame, env, body_env, else_env)  # `if self.adv_loss is not None:`
        refine_number_test(stmt.test, frame, body_env)  # `if isinstance(kd_loss, float): total += kd_loss`
        refine_key_test(stmt, env, body_env, else_env)  # `if head == 'hm': self.crit[head](...)`
        same = self.refine_same(stmt.test, frame, env, body_env, else_env)  # `if activation == nn.Softmax:`
        narrowed = narrow_models(stmt.test, frame, env, body_env, else_env)  # `if args.model == "T": out = model(x)`
        decided = self.decided_test(stmt.test, frame, env)
        # `elif expt == "hinton-kd":` in `train(..., expt="attention-kd")`: the branch is another call's (its loss
        # calls are judged there); in `__init__` its events stay, as a flag's do (interp.untaken_settings)
        by_literal = untaken_by_literal(decided, stmt.test, frame)
        # a flag this call writes as a literal: the other branch reports nothing
        by_call = self.decided_flag(stmt.test, frame, env)
        if by_call is None and self._constructed_self(frame, stmt.test):
            # `if self.from_logits:` in the forward of an object the analysed code built with `from_logits=False` and
            # called: the branch this object never takes is another object's, judged at that object's call
            by_call = self.decided_setting(stmt.test, frame, None)
        by_mode = None
        if decided is None:
            decided = self.decided_setting(stmt.test, frame, env)  # `if self.smooth_factor is not None:`, `if net.n_classes > 1:`
            if decided is not None and mode_test(stmt.test, frame):
                by_mode = decided  # `if self.mode == Mode.BINARY:`: the other mode's branch is another object's (interp.mode_settings)
        if decided is None:
            decided = same
        if decided is None and by_call is None:
            # `if self.loss is not None:` after `self.forward(x)` stored a loss there (interp.self_effects): the other
            # branch is a path this call never takes
            decided = by_mode = decided_by_state(self, stmt.test, frame, env)
        returned = len(frame.returns)
        if decided is True and certainly_taken(stmt.test, frame, env) or flag_written_true(by_call, stmt.test, frame):
            frame.taken.add(id(stmt))  # appends in its body are as certain as those outside it (interp.layer_lists)
        outcome = branch_outcome(stmt.test)  # `if task == "cls":` holds in the body, not in the else
        # in `__init__`, and for a flag the call leaves at its default, the untaken branch keeps its events (a loss
        # built there with `size_average=` is still written wrong) and loses its bindings below: the object is this
        # call's alone; the default is this call's value (interp.default_flags), and the rules read the branch as one
        # this call never takes (`frame.dead`: a backward there does not make this call's loop a training loop)
        keeps_events = by_call is not None and (frame.is_init or decided_by_default(stmt.test, frame))
        if keeps_events and not frame.is_init:
            frame.dead.update(id(node) for part in (stmt.body if by_call is False else stmt.orelse) for node in ast.walk(part))
        if by_call is False and not keeps_events or by_mode is False or by_literal is False:
            body_term = self._exec_untaken_branch(stmt.body, frame, env, body_env, outcome)
        else:
            body_term = self._exec_branch(stmt.body, frame, env, body_env, outcome)
        if decided is False:
            del frame.returns[returned:]  # a branch this call never takes returns nothing
            body_term = True
            frame.dead.update(id(node) for part in stmt.body for node in ast.walk(part))
        elif by_call is False:
            del frame.returns[returned:]  # nor does one its literal flag never takes (a factory's `if with_maps: return A()`)
        returned = len(frame.returns)
        if by_call is True and not keeps_events or by_mode is True or by_literal is True:
            else_term = self._exec_untaken_branch(stmt.orelse, frame, env, else_env, outcome and negated(outcome))
        else:
            else_term = self._exec_branch(stmt.orelse, frame, env, else_env, outcome and negated(outcome))
        if decided is True:
            del frame.returns[returned:]
            else_term = True
            frame.dead.update(id(node) for part in stmt.orelse for node in ast.walk(part))
        elif by_call is True:
            del frame.returns[returned:]
        if by_call is not None and (body_term if by_call else else_term) and decided is None:
            return True  # the branch this call takes leaves the function: what follows is not this call's
        live = [e for e, t in ((body_env, body_term), (else_env, else_term)) if not t]
        if by_call is not None and decided is None and not (body_term if by_call else else_term):
            # `if classification:` in the `__init__` of an object made by `Net(..., classification=True)`: the
            # object is that call's (one per set of argument values), built by the branch the literal takes;
            # `if return_atten:` in a forward whose call leaves `return_atten=False`: bound as that default takes; so
            # are the names after `if is_train:` in `preprocessing_data(x, y, device, is_train=True)` (round 32,
            # Sangmin-Bae/Binary-Classification-with-PyTorch: `y = [y[0], y[1]]` there, `y = y[2]` in the else)
            live = [body_env if by_call else else_env]
        if not live:
            return True
        if outcome is not None:
            tag_branch_only(outcome, body_env, not body_term, else_env, not else_term)
            if body_term != else_term:
                # a guard clause (`if self.args.task == "multilabel": return ...`): the rest of the
                # block runs where the other branch's outcome holds (popped at the block's end)
                frame.tests.append(negated(outcome) if body_term else outcome)
        joined = join_envs(live)
        if len(live) == 2:
            choose_losses(stmt.test, body_env, else_env, joined)  # `if args.loss == "BCE": loss_fn = BCELoss() else: ...`
            choose_models(stmt.test, body_env, else_env, joined)  # `if args.model == "mlp": model = MLP() else: ...`
            if narrowed is not None:
                rejoin(narrowed, body_env, else_env, joined)
        choice = make_choice(live, joined) if len(live) == 2 else None
        if choice is not None:
            frame.choices = (*frame.choices, choice)
        replace_env(env, joined)
        _sync_init_attrs(frame, env)
        return False

    def _exec_untaken_branch(self, stmts: list[ast.stmt], frame: Frame, env: Env, branch_env: Env, holds: Outcome | None) -> bool:
        """A branch that a flag this call writes as a literal never takes (``if regression:`` in
        ``train(..., regression=True)``): run with its events dropped, for what it binds; what it
        returns is dropped after it (``_exec_if``). The loss it calls is another call's (``regression=False``),
        judged there; functions first reached here are still analysed on their own."""
        with events_dropped(self):
            return self._exec_branch(stmts, frame, env, branch_env, holds)

    def _exec_branch(self, stmts: list[ast.stmt], frame: Frame, env: Env, branch_env: Env, holds: Outcome | None = None) -> bool:
        """Run one branch in its own copy of ``env``, with the outcome of a setting's test that holds
        in it (``holds``) among the frame's tests. At module level that copy is the module's
        globals while the branch runs: functions it calls (``train()`` in
        ``if __name__ == "__main__":``) see the names it has bound so far."""
        module = frame.module
        if holds is not None:
            frame.tests.append(holds)
        try:
            if frame.func is None and module.globals is env:
                module.globals = branch_env
                try:
                    return self.exec_block(stmts, frame, branch_env)
                finally:
                    module.globals = env
            return self.exec_block(stmts, frame, branch_env)
        finally:
            if holds is not None:
                frame.tests.pop()

    def _exec_loop(self, stmt: ast.For | ast.AsyncFor | ast.While, frame: Frame, env: Env) -> None:
        before = dict(env)
        unrolled = None
        if isinstance(stmt, ast.While):
            self.ev(stmt.test, frame, env)
        else:
            iterated = self.ev(stmt.iter, frame, env)
            unrolled = unrolled_targets(self, stmt, iterated, frame, env) if isinstance(stmt, ast.For) else None
            if unrolled is None:
                self.bind(stmt.target, self.loop_item(stmt.iter, iterated, frame, env), frame, env)
        frame.loops.append(stmt)
        frame.loop_calls.append([])
        unrolling = frame.unrolling
        try:
            if unrolled is None:
                self.exec_block(stmt.body, frame, env)
            else:
                assert isinstance(stmt, ast.For)
                self._run_unrolled(stmt, unrolled, before, frame, env)
        finally:
            frame.unrolling = unrolling
            frame.loops.pop()
            calls = frame.loop_calls.pop()
        if frame.loop_calls:
            frame.loop_calls[-1].extend(calls)
        # branches this call never takes; the classes of `self` (interp.self_classes)
        self.sink(LoopSummary(stmt, tuple(calls), frame.ctx(), extra={**frame.dead_extra(), **self_classes(self, frame, env)}))
        if unrolled is None:  # a loop run once per known item ran at least once
            replace_env(env, join_envs([before, env]))
        _sync_init_attrs(frame, env)
        if stmt.orelse:
            self.exec_block(stmt.orelse, frame, env)

    def _run_unrolled(self, stmt: ast.For, unrolled: Unrolled, before: Env, frame: Frame, env: Env) -> None:
        """``for block in self.blocks: x = block(x)``, one module after another (interp.layer_loops)."""
        frame.unrolling = True
        if unrolled.front is not None:  # the blocks before the known last ones: any number of them
            self.bind(stmt.target, unrolled.front, frame, env)
            self.exec_block(stmt.body, frame, env)
            replace_env(env, join_envs([before, env]))
        for i, target in enumerate(unrolled.targets):
            self.bind(stmt.target, target, frame, env)
            last = i == len(unrolled.targets) - 1 and bool(unrolled.last_tests)
            before_last = not last and unrolled.every and bool(unrolled.last_tests)
            if last:
                frame.forced = dict(unrolled.last_tests)  # the tests for the last index, decided
            elif before_last:  # an iteration known not to be the last (interp.layer_loops._with_last_tests)
                frame.forced = {node: not taken for node, taken in unrolled.last_tests}
            try:
                self.exec_block(stmt.body, frame, env)
            finally:
                if last or before_last:
                    frame.forced = {}

    def loop_item(self, iterable: ast.expr, iterated: Value, frame: Frame, env: Env) -> Value:
        """What each iteration over ``iterable`` (whose value is ``iterated``) binds: an element of a
        tuple or list whose elements agree, a row of a tensor, the values of ``d.values()`` /
        ``d.items()`` for a literal dict, and ``zip`` / ``enumerate`` of those; unknown otherwise."""
        counted = self._wrapped_count(iterable, frame, env)
        if counted is not None:
            iterable = counted  # tqdm(enumerate(loader), desc=...): what enumerate(loader) gives (round 29)
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and _counted(iterable):
            # enumerate(loader, 0), enumerate(xs, start=1) (round 28, the DCGAN reference loop): the count starts
            # elsewhere, the items are the same
            if isinstance(iterated, Yielded):
                return iterated.item  # enumerate of a generator's call (interp.generators)
            if self.lookup("enumerate", frame, env) is UNKNOWN:
                inner = iterable.args[0]
                zipped = self._zipped(inner, frame, env) if isinstance(inner, ast.Call) else None
                # enumerate(zip(xs, ys)) (round 32, Sangmin-Bae/Binary-Classification-with-PyTorch's trainer): the count
                # and one item of each
                return TupleVal((INT, zipped if zipped is not None else self._element_of(inner, frame, env)))
        if isinstance(iterable, ast.Call):
            zipped = self._zipped(iterable, frame, env)
            if zipped is not None:
                return zipped
        if (
            isinstance(iterable, ast.Call)
            and isinstance(iterable.func, ast.Attribute)
            and iterable.func.attr in ("values", "items")
            and not iterable.args
            and not iterable.keywords
            and isinstance(iterable.func.value, ast.Name)
        ):
            d = self.lookup(iterable.func.value.id, frame, env)
            if not isinstance(d, DictVal) or not d.items:
                return UNKNOWN
            item = d.items[0][1]
            for _, v in d.items[1:]:
                item = join(item, v)
            return item if iterable.func.attr == "values" else TupleVal((UNKNOWN, item))
        if _is_iter_call(iterable):
            return self._element_of(iterable, frame, env)
        return element(iterated)

    def _zipped(self, call: ast.Call, frame: Frame, env: Env) -> Value | None:
        """One item of ``zip(a, b)`` (the builtin, no keywords): the tuple of an element of each, unknown with a starred
        argument; None for any other call."""
        if not (isinstance(call.func, ast.Name) and call.func.id == "zip" and call.args and not call.keywords):
            return None
        if self.lookup("zip", frame, env) is not UNKNOWN:
            return None
        if any(isinstance(a, ast.Starred) for a in call.args):
            return UNKNOWN
        return TupleVal(tuple(self._element_of(a, frame, env) for a in call.args))

    def _wrapped_count(self, iterable: ast.expr, frame: Frame, env: Env) -> ast.Call | None:
        """``tqdm(enumerate(loader), desc=..., leave=True)`` (a progress bar around a count, round 29,
        HUST-NingKang-Lab/BGC-Prophet's trainer): the ``enumerate(...)`` call, whose items the wrapper yields as they are;
        None for anything else."""
        if not (isinstance(iterable, ast.Call) and len(iterable.args) == 1 and isinstance(iterable.func, (ast.Name, ast.Attribute))):
            return None
        inner = iterable.args[0]
        if not (isinstance(inner, ast.Call) and _counted(inner)) or any(k.arg is None for k in iterable.keywords):
            return None
        wrapper = self.ev(iterable.func, frame, env)
        return inner if isinstance(wrapper, QualName) and wrapper.name in api.ITERATION_WRAPPERS else None

    def _element_of(self, expr: ast.expr, frame: Frame, env: Env) -> Value:
        """An element of a simple expression (a name, ``self.x``, a literal of names, ``iter()`` of
        one); never re-runs calls."""
        if _is_iter_call(expr) and self.lookup("iter", frame, env) is UNKNOWN:
            expr = expr.args[0]  # type: ignore[attr-defined]  # for i, batch in enumerate(iter(loader))
        if (
            isinstance(expr, ast.Call)
            and len(expr.args) == 1
            and isinstance(expr.func, (ast.Name, ast.Attribute))
            and not any(k.arg is None for k in expr.keywords)
            and isinstance(wrapper := self.ev(expr.func, frame, env), QualName)
            and wrapper.name in api.ITERATION_WRAPPERS
        ):
            expr = expr.args[0]  # for i, batch in enumerate(tqdm(loader, desc=...)): the loader's items (round 29)
        if not all(isinstance(n, (ast.Name, ast.Attribute, ast.Tuple, ast.List, ast.Load, ast.Constant)) for n in ast.walk(expr)):
            return UNKNOWN
        return element(self.ev(expr, frame, env))

    def _exec_with(self, stmt: ast.With | ast.AsyncWith, frame: Frame, env: Env) -> bool:
        if any(expects_exception(item.context_expr) for item in stmt.items):
            # `with pytest.raises(...)`, `with self.assertRaises(...)`: a test of an error the body
            # must raise (a loss refusing mismatched shapes); its calls are not how the code is used
            return False
        no_grad = frame.no_grad
        for item in stmt.items:
            expr = item.context_expr
            callee = self.ev(expr.func if isinstance(expr, ast.Call) else expr, frame, env)
            if isinstance(expr, ast.Call):
                self._args(expr, frame, env)
            if (
                isinstance(callee, QualName)
                and api.turns_off_grad(callee.name)
                or isinstance(callee, FunctionRef)
                and api.turns_off_grad(callee.node.name)
            ):
                no_grad = True  # with torch.no_grad():, with smart_inference_mode():
            if item.optional_vars is not None:
                scaled = self.scaled_loss(item, callee, stmt.body, frame, env)
                self.bind(item.optional_vars, UNKNOWN if scaled is None else scaled, frame, env)
        saved = frame.no_grad
        frame.no_grad = no_grad
        try:
            return self.exec_block(stmt.body, frame, env)
        finally:
            frame.no_grad = saved

    def _exec_try(self, stmt: Any, frame: Frame, env: Env) -> bool:
        for target, source in remade_iterators(stmt.handlers):
            # `try: x = next(it)` / `except StopIteration: it = iter(loader)`: the body reads the handler's iterator
            if isinstance(self.ev(target, frame, env), Unknown):
                self.bind(target, iterator_of(self.ev(source, frame, env)), frame, env)
        before = dict(env)
        body_term = self.exec_block(stmt.body, frame, env)
        outcomes = [] if body_term else [dict(env)]
        if stmt.orelse and not body_term:
            self.exec_block(stmt.orelse, frame, outcomes[0])
        for handler in stmt.handlers:
            h_env = join_envs([before, env])
            if handler.type is not None:
                self.ev(handler.type, frame, h_env)
            if handler.name is not None:
                h_env[handler.name] = UNKNOWN
            if not self.exec_block(handler.body, frame, h_env):
                outcomes.append(h_env)
        terminated = not outcomes
        if outcomes:
            replace_env(env, join_envs(outcomes))
        if stmt.finalbody:
            terminated = self.exec_block(stmt.finalbody, frame, env) or terminated
        return terminated

    def _exec_match(self, stmt: Any, frame: Frame, env: Env) -> None:
        self.ev(stmt.subject, frame, env)
        outcomes = []
        for case in stmt.cases:
            c_env = dict(env)
            for name in pattern_names(case.pattern):
                c_env[name] = UNKNOWN
            if case.guard is not None:
                self.ev(case.guard, frame, c_env)
            if not self.exec_block(case.body, frame, c_env):
                outcomes.append(c_env)
        outcomes.append(dict(env))
        replace_env(env, join_envs(outcomes))

    # ------------------------------------------------------------------ binding
    def bind(self, target: ast.expr, value: Value, frame: Frame, env: Env) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            elements = target.elts
            if isinstance(value, ListOf) and not any(isinstance(e, ast.Starred) for e in elements):
                # tuples of different lengths met (`return d, cls, aux` under one setting, `return d,
                # cls` under the other): unpacking into n names can only have read the n-tuple
                fits = [t for t in value.by_length if len(t.items) == len(elements)]
                if fits:
                    value = fits[0]
            if isinstance(value, TupleVal) and len(value.items) == len(elements) and not any(isinstance(e, ast.Starred) for e in elements):
                items = self.unpacked_parts(elements, value, frame).items if isinstance(value, LossParts) else value.items
                for el, item in zip(elements, items):
                    self.bind(el, item, frame, env)
            else:
                for el in elements:
                    self.bind(el, UNKNOWN, frame, env)
        elif isinstance(target, ast.Attribute):
            if is_self(target.value, frame):
                key = "self." + target.attr
                env[key] = value
                if frame.is_init and isinstance(frame.self_value, Instance):
                    frame.self_value.attrs[target.attr] = value
                elif isinstance(frame.self_value, Instance) and (frame.called or self.counts_as_set(frame, target.attr)):
                    # a setter run by code that calls it (not analysed alone with unknown arguments), or
                    # a method without arguments whose stores are every call's (interp/own_state.py)
                    self.set_later(frame.self_value, target.attr, value)
            elif target.attr == "grad":
                record_call(frame, SET_GRAD, UNKNOWN, target)
            else:
                owner = self.ev(target.value, frame, env)
                stored = parameter_owner(target)
                if stored is not None and keeps_layer(self.ev(stored[0], frame, env), stored[1], value):
                    return  # new numbers for the same layer (m[0].weight = Parameter(...))
                if self._replace_head(target, value, frame, env):
                    return  # model.fc = nn.Sequential(nn.Linear(n, 2), nn.Softmax(dim=1))
                if isinstance(owner, Instance) and keeps_model(self, owner, target.attr):
                    return  # model.r = r into a registered buffer, or through a setter that stores buffers
                if isinstance(owner, Instance) and changes_nothing(owner, target.attr, value):
                    return  # agent.alpha = ... where the agent's methods read self.alpha as unknown already
                if not (isinstance(owner, Instance) and self.unread_attribute(owner.cls, target.attr)):
                    self._forget_modified_model(target.value, frame, env)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, UNKNOWN, frame, env)
        elif isinstance(target, ast.Subscript):
            if self._replace_head(target, value, frame, env):
                return  # model.classifier[6] = nn.Linear(4096, 2)
            base = self.ev(target.value, frame, env)
            index = self.ev(target.slice, frame, env)
            if self.store_through_setitem(target, base, index, value, frame, env):
                return  # stats["loss"] = loss: the class's own __setitem__
            updated: Value | None = self.dict_store(base, index, value)
            if updated is None:
                updated = list_store(base, index, value)  # outs[0] = F.log_softmax(outs[0], dim=1)
            if updated is not None:
                self.rebind_container(target.value, updated, frame, env)  # ret["logits"] = x
            else:
                self.forget_partial_store(target, value, frame, env)
            if not indexed_parameter(target):
                self._forget_modified_model(target.value, frame, env)

    def forget_partial_store(self, target: ast.Subscript, stored: Value | None, frame: Frame, env: Env) -> None:
        """A store into part of a tensor (``out[..., :2] = torch.sigmoid(out[..., :2])``,
        ``out[m].sigmoid_()``, ``out[:, 0].copy_(p)``): the tensor now holds numbers of two kinds,
        so what its last operation said about all of them (raw logits, probabilities) no longer
        holds. A stored number, or a tensor of the same kind, keeps it (``logits[mask] = -1e9``,
        ``probs[:, 0] = 0``); ``stored`` is None for an in-place method on the part."""
        root: ast.expr = target
        while isinstance(root, ast.Subscript) or isinstance(root, ast.Attribute) and root.attr == "data":
            root = root.value  # out.data[:, :2] = ... writes into out too
        if not (isinstance(root, ast.Name) or isinstance(root, ast.Attribute) and is_self(root.value, frame)):
            return
        held = self.ev(root, frame, env)
        if isinstance(held, NumberList):  # labels[i] = v; a slice store can change the length
            self.bind(root, UNKNOWN if isinstance(target.slice, ast.Slice) else store_into_list(held, stored), frame, env)
            return
        if isinstance(held, Tensor) and held.data and not (isinstance(stored, Const) or isinstance(stored, Tensor) and stored.data):
            # numbers made a tensor, then a computed value written into part of it: it may now hold a graph
            held = held.with_(data=False)
            self.bind(root, held, frame, env)
        if isinstance(held, Tensor) and (held.rectified or held.off_range):
            # an activation's output with part of it written (`h[h > 1] = 1`, `h[pad] = -1e4`, `h[:, 0].sigmoid_()`): its
            # numbers may now be bounded, or below 0 (round 30)
            held = without_range_marks(held)
            self.bind(root, held, frame, env)
        if not isinstance(held, Tensor) or held.act is None:
            return
        if stored is not None and (isinstance(stored, Const) or isinstance(stored, Tensor) and stored.act is held.act):
            return
        self.bind(root, held.with_(act=None, act_site=None), frame, env)

    def torch_call_writes(self, qname: str, node: ast.Call, result: Value, frame: Frame, env: Env) -> None:
        """A torch function that writes into a tensor argument (``torch.sigmoid(x, out=x)``,
        ``torch.sigmoid_(out[:, :2])``): the written tensor holds the result, or, when only part
        of it is written, forgets its activation."""
        targets = [k.value for k in node.keywords if k.arg == "out"]
        short = qname.rsplit(".", 1)[-1]
        if short.endswith("_") and not short.startswith("_") and node.args:
            targets.append(node.args[0])
        for target in targets:
            if isinstance(target, ast.Subscript):
                self.forget_partial_store(target, None, frame, env)
            elif isinstance(target, ast.Name) or isinstance(target, ast.Attribute) and is_self(target.value, frame):
                held = self.ev(target, frame, env)
                if isinstance(held, Tensor):
                    # the same tensor refilled (`init.constant_(self.bias, 0)`): still a parameter's own values
                    after = (
                        result if isinstance(result, Tensor) and result.act is not None else held.with_(act=None, act_site=None, weights=held.weights)
                    )
                    self.bind(target, after, frame, env)

    def _replace_head(self, target: ast.Attribute | ast.Subscript, value: Value, frame: Frame, env: Env) -> bool:
        """``model.fc = ...`` / ``model.classifier[6] = ...`` of a torchvision model held by a name or by
        ``self.<attr>``: the model now ends in ``value`` (interp.replaced_heads). False for any other store."""
        root = target.value if isinstance(target, ast.Attribute) else target.value.value if isinstance(target.value, ast.Attribute) else None
        if not (isinstance(root, ast.Name) and root.id != "self" or isinstance(root, ast.Attribute) and is_self(root.value, frame)):
            return False
        replaced = replaced_head(self.ev(root, frame, env), target, value)
        if replaced is None:
            return False
        self.bind(root, replaced, frame, env)
        return True

    def _forget_modified_model(self, expr: ast.expr, frame: Frame, env: Env) -> None:
        """``model.fc = nn.Sequential(...)`` replaces a layer: the model's output is no longer known."""
        root = expr
        owner: ast.expr = expr
        while isinstance(root, (ast.Attribute, ast.Subscript)):
            owner, root = root, root.value
        if isinstance(root, ast.Name) and root.id == "self" and isinstance(owner, ast.Attribute) and frame.self_value is not None:
            # self.backbone.fc = ...: the attribute self.backbone now holds a changed model
            key = "self." + owner.attr
            if (
                isinstance(env.get(key), MODEL_VALUES)
                or isinstance(frame.self_value, Instance)
                and isinstance(frame.self_value.attrs.get(owner.attr), MODEL_VALUES)
            ):
                env[key] = UNKNOWN
                if isinstance(frame.self_value, Instance) and owner.attr in frame.self_value.attrs:
                    frame.self_value.attrs[owner.attr] = UNKNOWN
        elif isinstance(root, ast.Name) and root.id != "self":
            if isinstance(env.get(root.id), MODEL_VALUES):
                env[root.id] = UNKNOWN
            elif frame.module.globals is not None and isinstance(frame.module.globals.get(root.id), MODEL_VALUES):
                frame.module.globals[root.id] = UNKNOWN


def _sync_init_attrs(frame: Frame, env: Env) -> None:
    """After paths meet in ``__init__``, the instance's attributes are what the paths agree on
    (``if probs: self.head = nn.Sequential(..., nn.Softmax())`` leaves ``self.head`` unknown), not
    what the last branch run wrote."""
    owner = frame.self_value
    if not frame.is_init or not isinstance(owner, Instance):
        return
    for key, value in env.items():
        if key.startswith("self.") and key[5:] in owner.attrs:
            owner.attrs[key[5:]] = value


def _is_iter_call(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "iter" and len(expr.args) == 1 and not expr.keywords


def element(container: Value) -> Value:
    """One element of an iterated value: the agreed value of a tuple/list's items, or a row of a
    tensor (a row of a softmax output is still probabilities, a row of a loss is one term)."""
    if isinstance(container, TupleVal) and container.items:
        item = container.items[0]
        for v in container.items[1:]:
            item = join(item, v)
        return item
    if isinstance(container, ListOf):
        return container.item
    if isinstance(container, ITERABLE):  # a loader's items: what ``next`` of an iterator over it gives
        return next_of(container)
    if isinstance(container, Tensor):
        shape = container.shape
        row = Shape(shape.dims[1:]) if shape is not None and shape.rank_known and shape.dims else None
        return Tensor(act=container.act, act_site=container.act_site, dtype=container.dtype, shape=row, graph=container.graph)
    return UNKNOWN


def _window_of(rhs: ast.BinOp, target: ast.expr) -> bool:
    """``values = values[-(n - 1):] + [x]``: a window of the latest values, which keeps the items added
    to it as ``values.append(x)`` does (up to its size; Real-Time-Voice-Cloning's ``ValueWindow``)."""
    kept = rhs.left
    return (
        isinstance(kept, ast.Subscript)
        and isinstance(kept.slice, ast.Slice)
        and same_expr(kept.value, target)
        and isinstance(rhs.right, (ast.List, ast.Tuple))
    )


def _counted(call: ast.Call) -> bool:
    """``enumerate(x)``, ``enumerate(x, <start>)`` or ``enumerate(x, start=<start>)``, nothing starred."""
    if not isinstance(call.func, ast.Name) or call.func.id != "enumerate":
        return False
    args, kws = call.args, call.keywords
    if any(isinstance(a, ast.Starred) for a in args) or not args:
        return False
    return len(args) == 1 and all(k.arg == "start" for k in kws) and len(kws) <= 1 or len(args) == 2 and not kws
