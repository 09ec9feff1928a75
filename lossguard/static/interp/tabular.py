"""pandas tables and scikit-learn's ``train_test_split``: the arrays that table columns give,
followed into the labels a training loop reads (``df["target"].values`` is 1-D)."""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, Const, External, HeadedList, ListOf, NumberList, Shape, Tensor, TupleVal, Value

TABLE = "pandas.DataFrame"
COLUMN = "pandas.Series"
INDEXERS = {f"{TABLE}.iloc", f"{TABLE}.loc"}


def _read_table(interp: Any, c: TorchCallArgs) -> Value:
    """``pd.read_csv(path)``: a table with one row of column names. ``header=[0, 1]`` (columns
    named by pairs, where ``df["a"]`` is a table again) or unknown arguments: unknown."""
    header = c.kw.get("header", Const(0))
    if c.starred or not (isinstance(header, Const) and (header.value is None or type(header.value) is int)):
        return UNKNOWN
    return External(TABLE)


def _split(interp: Any, c: TorchCallArgs) -> Value:
    """``train_test_split(X, y, test_size=0.2)``: ``(X_train, X_test, y_train, y_test)``, each part
    of an array of known rank with that rank and an unknown first size; other parts unknown."""
    if c.starred or not c.pos:
        return UNKNOWN
    parts: list[Value] = []
    for array in c.pos:
        part: Value = UNKNOWN
        if isinstance(array, Tensor) and array.shape is not None and array.shape.rank_known and array.shape.dims:
            part = Tensor(dtype=array.dtype, shape=Shape((None, *array.shape.dims[1:])), numpy=array.numpy, data=array.data)
        elif isinstance(array, Tensor) and array.data:
            part = Tensor(dtype=array.dtype, numpy=array.numpy, data=True)  # rows of numbers made a tensor: no graph
        parts += [part, part]
    return TupleVal(tuple(parts))


def _one(node: ast.expr, value: Value) -> bool | None:
    """Whether an index picks one label or position (``"price"``, ``-1``: True), several (a slice,
    a list, an array: False), or is not known (None)."""
    if isinstance(node, ast.Slice) or isinstance(node, ast.List) or isinstance(value, (ListOf, HeadedList, Tensor)):
        return False
    if isinstance(value, Const) and type(value.value) in (str, int):
        return True
    return None


def table_item(base: External, elements: list[tuple[ast.expr, Value]]) -> Value:
    """``df["label"]`` is a column, ``df[["a", "b"]]`` a table; through ``.iloc`` / ``.loc``,
    ``[:, -1]`` is a column, ``[:, :-1]`` a table, one row label a row (1-D), a slice of rows a table."""
    picks = [_one(node, value) for node, value in elements]
    if None in picks:
        return UNKNOWN
    if base.qname == TABLE and len(picks) == 1:
        node, value = elements[0]
        if isinstance(value, Const) and isinstance(value.value, str):
            return External(COLUMN)
        return External(TABLE) if isinstance(node, ast.List) or isinstance(value, (ListOf, HeadedList)) else UNKNOWN
    if base.qname not in INDEXERS:
        return UNKNOWN
    if len(picks) == 1:
        return External(COLUMN if picks[0] else TABLE)
    if len(picks) == 2 and not (picks[0] and picks[1]):
        return External(TABLE if not picks[0] and not picks[1] else COLUMN)
    return UNKNOWN


def table_attribute(base: External, name: str) -> Value:
    """``.values`` of a column (1-D) or a table (2-D), and a table's ``.iloc`` / ``.loc``."""
    if name == "values":
        return table_array(base)
    if base.qname == TABLE and name in ("iloc", "loc"):
        return External(f"{TABLE}.{name}")
    return UNKNOWN


def table_array(table: External) -> Value:
    """The NumPy array of a column (1-D) or a table (2-D), dtype unknown."""
    if table.qname == COLUMN:
        return Tensor(shape=Shape((None,)), numpy=True)
    if table.qname == TABLE:
        return Tensor(shape=Shape((None, None)), numpy=True)
    return UNKNOWN


def table_method(table: External, name: str, kw: dict[str, Value]) -> Value:
    """``.to_numpy()``; a column's ``.tolist()`` (a list of its scalars, the length and the kind unknown); the methods that give a table or column of the same kind (``dropna()``,
    ``astype(float)``, ``drop(columns=...)``), unless they change it in place (``inplace=True``
    returns None)."""
    if table.qname not in (TABLE, COLUMN):
        return UNKNOWN
    if table.qname == COLUMN and name in api.COLUMN_TO_LIST:
        return NumberList(None, None)  # one Python scalar per row (round 32, mamemo/CNN-Binary-Classification)
    if name in api.TABLE_TO_ARRAY:
        return table_array(table)
    if name in api.TABLE_SAME_KIND and "inplace" not in kw:
        return table
    return UNKNOWN


#: Rows of :data:`~lossguard.static.interp.torch_calls.TORCH_FUNCTIONS`, in its priority order.
TABULAR_ROWS = (
    (api.TABLE_READERS, _read_table),
    (api.ARRAY_SPLITTERS, _split),
)
