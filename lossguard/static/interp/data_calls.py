"""torch.utils.data's behaviour: datasets, data loaders and the wrappers iterated like them,
followed to the rows and batches a training loop gets."""

from __future__ import annotations

import ast
from typing import Any

from lossguard.static import torch_api as api
from lossguard.static.interp.image_transforms import vision_image
from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.tensor_ops import batched, dataset_row
from lossguard.static.values import (
    INT,
    UNKNOWN,
    Batches,
    Const,
    DatasetRows,
    DictVal,
    Dtype,
    FunctionRef,
    Instance,
    ListOf,
    Shape,
    Tensor,
    TupleVal,
    Value,
)


def _tensor_dataset(interp: Any, c: TorchCallArgs) -> Value:
    """``TensorDataset(x, y)``: item ``i`` is ``(x[i], y[i])``."""
    if c.starred or c.kw or not c.pos or not all(isinstance(p, Tensor) for p in c.pos):
        return UNKNOWN
    return DatasetRows(TupleVal(tuple(dataset_row(p) for p in c.pos)))  # type: ignore[arg-type]


def _vision_classification(interp: Any, c: TorchCallArgs) -> Value:
    """``datasets.ImageFolder(root, transform=...)``, ``datasets.CIFAR10(...)``: item ``i`` is ``(image,
    class index)``, the index a Python int (so the loader's batches hold int64 labels of shape (N,)); the
    image is what the transform makes of it: three axes after a known pipeline ending in ``ToTensor()``
    (round 28, ``interp/image_transforms.py``), unknown otherwise. A ``target_transform`` other than ``None``
    may turn the label into anything: unknown then (round 27, a DarkNet trained on ImageFolder)."""
    if c.starred:
        return UNKNOWN
    given = c.kw.get("target_transform")
    if given is not None and not (isinstance(given, Const) and given.value is None):
        return UNKNOWN
    if len(c.pos) > 2:  # ImageFolder(root, transform, target_transform, ...), MNIST(root, train, transform, ...)
        return UNKNOWN
    # ImageFolder(root, transform): the second argument; the other datasets take `train` or `split` there
    image = vision_image(c, 1 if c.qname.endswith(".ImageFolder") else None)
    return DatasetRows(TupleVal((image, Tensor(dtype=Dtype.INT, shape=Shape(())))))


def _dataset_of_class(interp: Any, dataset: Instance, c: TorchCallArgs) -> Value:
    """An instance of a dataset class of the checked code: its rows are what its ``__getitem__``
    returns for an integer index (``return torch.tensor(x), torch.tensor(float(y))``)."""
    method = interp._find_method(dataset.cls, "__getitem__")
    if method is None:
        return UNKNOWN
    row = interp.call_function(method, [INT], {}, dataset, c.frame.depth + 1)
    return DatasetRows(row) if isinstance(row, (TupleVal, DictVal)) else UNKNOWN


def _data_loader(interp: Any, c: TorchCallArgs) -> Value:
    """``DataLoader(dataset, batch_size=...)`` of a known dataset with the default collation:
    batches of its rows; ``batch_size=None`` turns batching off (the rows themselves)."""
    dataset = c.pos[0] if c.pos else c.kw.get("dataset", UNKNOWN)
    if isinstance(dataset, Instance) and not c.starred:
        dataset = _dataset_of_class(interp, dataset, c)
    if c.starred or not isinstance(dataset, DatasetRows) or len(c.pos) > 2:
        return UNKNOWN
    size = c.pos[1] if len(c.pos) > 1 else c.kw.get("batch_size", Const(1))
    if "collate_fn" in c.kw:
        # batching turned off (`batch_size=None`): the function is given each row, not a list of them (not followed)
        unbatched = isinstance(size, Const) and size.value is None
        return UNKNOWN if unbatched else _collated(interp, c.kw["collate_fn"], dataset, c)
    if isinstance(size, Const) and size.value is None:
        return Batches(dataset.row)
    row = dataset.row
    # batches of one row each (`batch_size=1`, written or the default) are all of size 1; any other
    # size leaves a smaller last batch, and a batch sampler makes batches of its own sizes
    rows = 1 if isinstance(size, Const) and size.value == 1 and type(size.value) is int and "batch_sampler" not in c.kw else None
    if isinstance(row, DictVal) and any(isinstance(v, Tensor) for _, v in row.items):
        # {"x": ..., "y": ...}: each tensor batched, anything else (a string, a number) unknown
        return Batches(DictVal(tuple((k, batched(v, rows) if isinstance(v, Tensor) else UNKNOWN) for k, v in row.items)))
    if not isinstance(row, TupleVal) or not any(isinstance(i, Tensor) for i in row.items):
        return UNKNOWN
    # the default collation batches each place on its own: a place the checker cannot read (a
    # third-party tokenizer's arrays) leaves the others known
    return Batches(TupleVal(tuple(batched(i, rows) if isinstance(i, Tensor) else UNKNOWN for i in row.items)))


def _collated(interp: Any, collate: Value, dataset: DatasetRows, c: TorchCallArgs) -> Value:
    """``DataLoader(dataset, collate_fn=collate_batch)`` with a plain function of the checked code: its batches are
    what that function returns for a list of the dataset's rows (``texts, labels = zip(*batch)``, ``for (label, text) in
    batch: ...``, then ``torch.stack`` / ``torch.tensor`` of the pieces). Any other collation (a lambda, a method, a
    ``functools.partial``, an object) leaves the batches unknown, as does a function whose result holds no known tensor."""
    if (
        not isinstance(collate, FunctionRef)
        or collate.owner is not None
        or collate.node.args.args[1:]
        and len(collate.node.args.defaults) < len(collate.node.args.args) - 1
    ):
        return UNKNOWN
    batch = interp.call_function(collate, [ListOf(dataset.row)], {}, None, c.frame.depth + 1)
    if isinstance(batch, TupleVal) and any(isinstance(i, Tensor) for i in batch.items):
        return Batches(batch)
    if isinstance(batch, DictVal) and any(isinstance(v, Tensor) for _, v in batch.items):
        return Batches(batch)
    return UNKNOWN


def _iteration_wrapper(interp: Any, c: TorchCallArgs) -> Value:
    """``tqdm(loader)``: iterates over the same items."""
    return c.pos[0] if len(c.pos) == 1 and not c.starred and isinstance(c.pos[0], (Batches, DatasetRows)) else UNKNOWN


def _subset(interp: Any, c: TorchCallArgs) -> Value:
    """``Subset(dataset, indices)``: some of ``dataset``'s rows, each as it was (round 28,
    nkdatascientist/pyfreeguy: ``Subset(ImageFolder(...), list(range(100)))``)."""
    dataset = c.pos[0] if c.pos else c.kw.get("dataset", UNKNOWN)
    if isinstance(dataset, Instance) and not c.starred:
        dataset = _dataset_of_class(interp, dataset, c)
    return dataset if isinstance(dataset, DatasetRows) and not c.starred else UNKNOWN


def _random_split(interp: Any, c: TorchCallArgs) -> Value:
    """``random_split(dataset, [n_train, n_val])``: one dataset of ``dataset``'s rows per length
    written in the list (a list of unknown length: unknown)."""
    dataset = c.pos[0] if c.pos else c.kw.get("dataset", UNKNOWN)
    if isinstance(dataset, Instance) and not c.starred:
        dataset = _dataset_of_class(interp, dataset, c)
    node = c.node.args[1] if len(c.node.args) > 1 else None
    if (
        c.starred
        or not isinstance(dataset, DatasetRows)
        or not isinstance(node, (ast.List, ast.Tuple))
        or any(isinstance(e, ast.Starred) for e in node.elts)
    ):
        return UNKNOWN
    return TupleVal(tuple(dataset for _ in node.elts))


#: Rows of :data:`~lossguard.static.interp.torch_calls.TORCH_FUNCTIONS`, in its priority order.
DATA_ROWS = (
    (api.TENSOR_DATASETS, _tensor_dataset),
    (api.VISION_CLASSIFICATION_DATASETS, _vision_classification),
    (api.DATA_LOADERS, _data_loader),
    (api.ITERATION_WRAPPERS, _iteration_wrapper),
    (("torch.utils.data.Subset", "torch.utils.data.dataset.Subset"), _subset),
    (("torch.utils.data.random_split", "torch.utils.data.dataset.random_split"), _random_split),
)
