"""pandas tables and scikit-learn's ``train_test_split``: the arrays that table columns give,
followed into the labels a training loop reads (``df["target"].values`` is 1-D)."""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, Const, External, HeadedList, ListOf, Shape, Tensor, TupleVal, Value

TABLE = "pandas.DataFrame"
COLUMN = "pandas.Series"


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
            part = Tensor(dtype=array.dtype, shape=Shape((None, *array.shape.dims[1:])), numpy=array.numpy)
        parts += [part, part]
    return TupleVal(tuple(parts))


def table_item(table: External, index: Value, index_node: ast.expr) -> Value:
    """``df["label"]`` is a column, ``df[["a", "b"]]`` (or a list of names) a table."""
    if table.qname != TABLE:
        return UNKNOWN
    if isinstance(index, Const) and isinstance(index.value, str):
        return External(COLUMN)
    if isinstance(index_node, ast.List) or isinstance(index, (ListOf, HeadedList)):
        return External(TABLE)
    return UNKNOWN


def table_array(table: External) -> Value:
    """``.values`` / ``.to_numpy()`` of a column (1-D) or a table (2-D), dtype unknown."""
    if table.qname == COLUMN:
        return Tensor(shape=Shape((None,)), numpy=True)
    if table.qname == TABLE:
        return Tensor(shape=Shape((None, None)), numpy=True)
    return UNKNOWN


#: Rows of :data:`~lossguard.static.interp.torch_calls.TORCH_FUNCTIONS`, in its priority order.
TABULAR_ROWS = (
    (api.TABLE_READERS, _read_table),
    (api.ARRAY_SPLITTERS, _split),
)
