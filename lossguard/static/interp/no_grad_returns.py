"""What a function decorated ``@torch.no_grad()`` (or ``@torch.inference_mode()``) returns holds no graph when the
function made it (session 27, fixhist27's false alarm on lucidrains/ppo at efe9f214, ``train_world_model.py:771``).

An RL rollout often samples its actions through a helper that runs the policy without grad::

    @torch.no_grad()
    def state_to_pred_action_and_value(state, prev_action, prev_reward):
        ...
        action_probs, values, _, _, cache = model.forward_eval(normed_state, ...)
        action_probs = rearrange(action_probs, '1 1 d -> d')
        return action_probs, values

    action_probs, value = state_to_pred_action_and_value(state, prev_action, prev_reward)
    dist = Categorical(action_probs)
    memories.append(Memory(state, action, dist.log_prob(action), value))

The model and ``rearrange`` are not known, so the returned values were unknown, and a ``Categorical`` of an unknown is
presumed to hold a graph: LG006 reported the memories. Every tensor an operation makes under ``no_grad`` has
``requires_grad=False`` (views included), so a returned value the function computed itself holds no graph: each
returned expression (each item of a returned tuple display) that is a call or an operation, or a name every binding of
which in the function assigns one, is made graph-free (an unknown becomes a tensor without graph). A parameter, an
attribute (``self.x``), an item of a container or a name bound any other way (a loop target, ``with ... as``) is
returned as it came in, with whatever graph it holds, and keeps its value.
"""

from __future__ import annotations

import ast

from lossguard.static.scope_nodes import own_nodes
from lossguard.static.values import Tensor, TupleVal, Unknown, Value

#: expressions that compute a new value (under no_grad, without graph)
_MADE = (ast.Call, ast.BinOp, ast.UnaryOp)


def no_grad_returns(fn: ast.FunctionDef | ast.AsyncFunctionDef, result: Value) -> Value:
    """``result`` with the items ``fn`` (run without grad) made itself graph-free (module docstring)."""
    returns = [n.value for n in own_nodes(fn.body) if isinstance(n, ast.Return) and n.value is not None]
    if not returns:
        return result
    made = _made_names(fn)
    if isinstance(result, TupleVal) and all(isinstance(r, ast.Tuple) and len(r.elts) == len(result.items) for r in returns):
        items = [
            _graph_free(item) if all(_made(r.elts[i], made) for r in returns if isinstance(r, ast.Tuple)) else item
            for i, item in enumerate(result.items)
        ]
        return TupleVal(tuple(items))
    if all(_made(r, made) for r in returns):
        return _graph_free(result)
    return result


def _graph_free(value: Value) -> Value:
    if isinstance(value, Tensor):
        return value.with_(graph=False) if value.graph else value
    if type(value) is Unknown:
        return Tensor(graph=False)
    return value


def _made(expr: ast.expr, made: set[str]) -> bool:
    return isinstance(expr, _MADE) or isinstance(expr, ast.Name) and expr.id in made


def _made_names(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The names every binding of which in ``fn`` assigns a call's or an operation's result (a tuple target of such a
    value too); parameters, loop targets and any other binding disqualify a name."""
    args = fn.args
    bad = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
    bad |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    good: set[str] = set()
    for node in own_nodes(fn.body):
        if isinstance(node, ast.Assign):
            names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            simple = all(isinstance(t, (ast.Name, ast.Tuple)) for t in node.targets)
            (good if simple and isinstance(node.value, _MADE) else bad).update(names)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.withitem, ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.comprehension)):
            target = getattr(node, "target", None) or getattr(node, "optional_vars", None)
            if target is not None:
                bad.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            bad.update(node.names)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bad.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Delete):
            bad.update(n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name))
    return good - bad
