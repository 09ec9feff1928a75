"""lossguard.static.tensor_ops: shapes and dtypes of lists, concatenations and integer arithmetic.

Each helper answers only when the answer is certain; anything else must come back unknown
(``None`` / ``UNKNOWN``), since LG005, LG004 and LG013 report on what these return.
"""

from __future__ import annotations

import ast

from lossguard.static.tensor_ops import (
    array_of,
    batched,
    binop,
    concat_shape,
    constructor,
    dataset_row,
    number_items,
    number_list_shape,
    repeat_list,
    sizes_shape,
    store_into_list,
)
from lossguard.static.values import INT, UNKNOWN, Act, Const, Dtype, IntVal, ListOf, NumberList, QualName, Shape, Tensor, TupleVal


def _name(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


def test_list_repetition_has_a_known_length_and_the_items_dtype():
    ones = TupleVal((Const(1),))
    assert repeat_list(ones, Const(16), _name("16")) == NumberList(16, Dtype.INT)
    assert repeat_list(ones, UNKNOWN, _name("batch_size")) == NumberList("batch_size", Dtype.INT)
    assert repeat_list(TupleVal((Const(0), Const(1.0))), Const(3), _name("3")) == NumberList(6, Dtype.FLOAT)
    # two items times an unknown count: one axis, size unknown
    assert repeat_list(TupleVal((Const(0), Const(1))), INT, _name("n")) == NumberList(None, Dtype.INT)


def test_list_repetition_of_anything_but_numbers_is_unknown():
    assert repeat_list(TupleVal((Const("a"),)), Const(3), _name("3")) is UNKNOWN
    assert repeat_list(TupleVal((Const(True),)), Const(3), _name("3")) is UNKNOWN
    assert repeat_list(TupleVal((Tensor(),)), Const(2.5), _name("2.5")) is UNKNOWN
    assert repeat_list(TupleVal(()), Const(3), _name("3")) is UNKNOWN
    assert repeat_list(ListOf(Const(1)), Const(3), _name("3")) is UNKNOWN
    assert repeat_list(TupleVal((Const(1),)), Const(2.5), _name("2.5")) is UNKNOWN  # a TypeError in Python


def test_list_repetition_of_tensors_is_a_list_of_those_tensors():
    # `outs.extend([stop] * self.r)` (round 26, Real-Time-Voice-Cloning's Tacotron): a list of unknown length
    logits = Tensor(act=Act.LOGITS)
    assert repeat_list(TupleVal((logits,)), Const(3), _name("3")) == ListOf(logits)
    assert repeat_list(TupleVal((logits,)), UNKNOWN, _name("r")) == ListOf(logits)
    assert repeat_list(TupleVal((logits, Const(1))), Const(3), _name("3")) is UNKNOWN


def test_torch_tensor_of_a_list_variable():
    assert number_list_shape(NumberList("n", Dtype.INT)) == (Shape(("n",)), Dtype.INT)
    assert number_list_shape(NumberList(None, None)) == (Shape((None,)), None)
    # a literal list in a variable may have been appended to: not trusted
    assert number_list_shape(TupleVal((Const(0), Const(2), Const(1)))) == (None, None)
    assert number_list_shape(TupleVal((Tensor(), Tensor()))) == (None, None)
    assert number_list_shape(UNKNOWN) == (None, None)


def test_a_store_keeps_the_length_and_keeps_the_dtype_only_when_it_cannot_change():
    ints = NumberList(8, Dtype.INT)
    assert store_into_list(ints, Const(3)) == ints
    assert store_into_list(ints, Const(0.5)) == NumberList(8, None)
    assert store_into_list(ints, Tensor()) == NumberList(8, None)
    floats = NumberList(8, Dtype.FLOAT)
    assert store_into_list(floats, Const(1)) == floats
    assert store_into_list(floats, UNKNOWN) == NumberList(8, None)


def test_cat_adds_up_the_joined_axis_and_stack_adds_one():
    a, b = Tensor(shape=Shape(("n",))), Tensor(shape=Shape(("m",)))
    assert concat_shape([a, b], True, Const(0), stack=False) == Shape((None,))
    assert concat_shape([Tensor(shape=Shape((2, 5))), Tensor(shape=Shape((3, 5)))], True, Const(0), stack=False) == Shape((5, 5))
    assert concat_shape([Tensor(shape=Shape((4, 2))), Tensor(shape=Shape((4, 3)))], True, Const(-1), stack=False) == Shape((4, 5))
    assert concat_shape([Tensor(shape=Shape((4, 2)))], False, Const(0), stack=False) == Shape((None, 2))  # a list of unknown length
    assert concat_shape([a, a], True, Const(1), stack=True) == Shape(("n", 2))
    assert concat_shape([a], False, Const(0), stack=True) == Shape((None, "n"))


def test_cat_is_unknown_when_ranks_or_the_axis_are_not_known():
    known, partial = Tensor(shape=Shape((4, 1))), Tensor(shape=Shape((1,), rank_known=False))
    assert concat_shape([known, partial], True, Const(0), stack=False) is None
    assert concat_shape([known, Tensor()], True, Const(0), stack=False) is None
    assert concat_shape([known, Tensor(shape=Shape((4,)))], True, Const(0), stack=False) is None
    assert concat_shape([known, known], True, UNKNOWN, stack=False) is None
    assert concat_shape([known, known], True, Const(2), stack=False) is None
    assert concat_shape([Tensor(shape=Shape(()))], True, Const(0), stack=False) is None  # torch rejects 0-d


def test_integer_arithmetic_stays_an_integer():
    sub = ast.Sub()
    assert binop(IntVal(), IntVal(), sub) == INT
    assert binop(IntVal(), Const(1), ast.Add()) == INT
    assert binop(Const(2), Const(3), ast.Mult()) == INT
    assert binop(IntVal(), Const(2), ast.Div()) is not INT  # true division gives a float
    assert binop(IntVal(), Const(0.5), ast.Mult()) is not INT
    assert binop(Const(True), Const(1), ast.Add()) is not INT


def test_dataset_rows_drop_the_first_axis_and_batches_add_an_unknown_one():
    labels = Tensor(dtype=Dtype.INT, shape=Shape((2,)))
    assert dataset_row(labels) == Tensor(dtype=Dtype.INT, shape=Shape(()))
    assert batched(dataset_row(labels)) == Tensor(dtype=Dtype.INT, shape=Shape((None,)))
    images = Tensor(dtype=Dtype.FLOAT, shape=Shape((2, 1, 4, 4)))
    assert batched(dataset_row(images)) == Tensor(dtype=Dtype.FLOAT, shape=Shape((None, 1, 4, 4)))
    # an unknown or partly known shape stays unknown; the dtype is kept
    assert dataset_row(Tensor(dtype=Dtype.FLOAT)) == Tensor(dtype=Dtype.FLOAT)
    assert dataset_row(Tensor(shape=Shape((1,), rank_known=False))) == Tensor()
    assert batched(Tensor(dtype=Dtype.INT)) == Tensor(dtype=Dtype.INT)
    # round 26: batches of one row each (`batch_size=1`) have a first axis of 1
    assert batched(dataset_row(labels), 1) == Tensor(dtype=Dtype.INT, shape=Shape((1,)))


def _call(text: str) -> tuple[ast.Call, list]:
    node = ast.parse(text, mode="eval").body
    assert isinstance(node, ast.Call)
    return node, [Const(a.value) if isinstance(a, ast.Constant) else UNKNOWN for a in node.args]


def test_sizes_as_arguments_or_as_one_shape():
    assert sizes_shape(*_call("np.random.rand(64, 1)")) == Shape((64, 1))
    assert sizes_shape(*_call("np.zeros(64)"), count=1) == Shape((64,))
    node, pos = _call("np.ones((64, 1), dtype)")
    assert sizes_shape(node, [TupleVal((Const(64), Const(1))), UNKNOWN], count=1) == Shape((64, 1))
    assert sizes_shape(*_call("np.zeros(shape)")) is None  # a variable may be a tuple


def test_normal_draws_have_the_size_they_name_or_the_mean_s_shape():
    # round 39 (smashHit3/pytorch-deep-learning's d2l linear regression): torch.normal(mean, std, size) is not
    # torch.randn(*sizes); its third argument (or `size=`) is the shape
    node, _ = _call("torch.normal(0, 1, (64, 2))")
    drawn = constructor("torch.normal", node, [Const(0), Const(1), TupleVal((Const(64), Const(2)))], {})
    assert drawn.shape == Shape((64, 2)) and drawn.dtype is Dtype.FLOAT
    node, _ = _call("torch.normal(0.0, 0.01, size=(n, 1))")
    assert constructor("torch.normal", node, [Const(0.0), Const(0.01)], {"size": TupleVal((INT, Const(1)))}).shape == Shape(("n", 1))
    mean = Tensor(shape=Shape((8, 3)))
    node, _ = _call("torch.normal(mu, 0.01)")
    assert constructor("torch.normal", node, [mean, Const(0.01)], {}).shape == Shape((8, 3))
    node, _ = _call("torch.normal(mu, sigma)")
    assert constructor("torch.normal", node, [mean, Tensor(shape=Shape((8, 3)))], {}).shape == Shape((8, 3))
    # a std of another shape broadcasts; a size held in a variable may be anything
    assert constructor("torch.normal", node, [mean, Tensor(shape=Shape((1, 3)))], {}).shape is None
    node, _ = _call("torch.normal(0, 1, shape)")
    assert constructor("torch.normal", node, [Const(0), Const(1), UNKNOWN], {}).shape is None


def test_a_list_of_one_number_per_item_is_one_dimensional():
    # round 26: literals, or the builtin int / float of one argument, per item of a comprehension or a map
    assert number_items(_name("[1 for _ in range(n)]")) is Dtype.INT
    assert number_items(_name("[int(v) for v in column]")) is Dtype.INT
    assert number_items(_name("[float(v) for v in row]")) is Dtype.FLOAT
    assert number_items(_name("list(map(int, fields))")) is Dtype.INT
    assert number_items(_name("list(map(float, fields))")) is Dtype.FLOAT
    assert number_items(_name("[1 if label == 'positive' else 0 for label in labels]")) is Dtype.INT
    assert number_items(_name("[1.0 if hit else 0 for hit in hits]")) is Dtype.FLOAT
    # anything else says nothing of the items: nested lists, other functions, a shadowed int, a list of the map
    for text in (
        "[[0, 1] for _ in range(n)]",
        "[f(v) for v in column]",
        "[int(v, 2) for v in column]",
        "[int(*v) for v in column]",
        "[int(v) for int, v in pairs]",
        "[1 if hit else None for hit in hits]",
        "[[1] if hit else [0] for hit in hits]",
        "[True if hit else 0 for hit in hits]",
        "list(map(str, fields))",
        "list(map(lambda v: int(v), fields))",
        "list(fields)",
        "map(int, fields)",
    ):
        assert number_items(_name(text)) is None, text


def test_numpy_array_of_numbers_or_of_an_array():
    def array(text: str, *pos: object) -> Tensor | None:
        return array_of(_name(text), list(pos))  # type: ignore[arg-type]

    assert array("np.array([int(v) for v in column])", UNKNOWN) == Tensor(dtype=Dtype.INT, shape=Shape((None,)), numpy=True)
    assert array("np.array([[0, 1], [1, 0]])", UNKNOWN) == Tensor(dtype=Dtype.INT, shape=Shape((2, 2)), numpy=True)
    assert array("np.asarray(labels)", NumberList(8, Dtype.FLOAT)) == Tensor(dtype=Dtype.FLOAT, shape=Shape((8,)), numpy=True)
    grid = Tensor(dtype=Dtype.FLOAT, shape=Shape((4, 3)), numpy=True)
    assert array("np.array(grid)", grid) == grid
    # conversions by the builtins in a literal list (a Siamese pair's label): their kind
    assert array("np.array([int(a != b)])", UNKNOWN) == Tensor(dtype=Dtype.INT, shape=Shape((1,)), numpy=True)
    assert array("np.array([float(x), 0])", UNKNOWN) == Tensor(dtype=Dtype.FLOAT, shape=Shape((2,)), numpy=True)
    # a dtype keeps the shape and gives its kind where it names one, unknown where not
    label = Tensor(dtype=Dtype.FLOAT, shape=Shape((1,)), numpy=True)
    assert array_of(_name("np.array([int(a != b)], dtype=np.float32)"), [UNKNOWN], {"dtype": QualName("numpy.float32")}) == label  # type: ignore[arg-type]
    assert array_of(_name("np.array([0, 1], dtype=kind)"), [UNKNOWN], {"dtype": UNKNOWN}) == label.with_(dtype=None, shape=Shape((2,)))  # type: ignore[arg-type]
    # a list of arrays, a list in a name, a torch tensor, another keyword: unknown
    assert array("np.array([a, b])", UNKNOWN) is None
    assert array("np.array([int(a), b])", UNKNOWN) is None
    assert array("np.array([[int(a)], [1]])", UNKNOWN) is None
    assert array("np.array(labels)", ListOf(Const(1))) is None
    assert array("np.array(t)", Tensor(dtype=Dtype.FLOAT, shape=Shape((4,)))) is None
    assert array("np.array([0, 1], copy=False)", UNKNOWN) is None
