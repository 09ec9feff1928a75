"""What the checker knows about the torch API, as plain tables (torch itself is never imported)."""

from __future__ import annotations

from dataclasses import dataclass

NN = "torch.nn."
F = "torch.nn.functional."


@dataclass(frozen=True)
class LossSignature:
    """How a loss takes its arguments: the role of each position and keyword."""

    family: str
    positional: tuple[str, ...]  # roles of the positional arguments of the call
    keywords: dict[str, str]  # keyword name -> role
    # for functionals: positions of the options that are also constructor arguments
    option_positions: dict[str, int] | None = None


# Loss families grouped by what their target is (the checker's rules and the watcher's checks):
# class indices (or soft labels of the input's shape), binary labels, values of the input's shape.
CLASS_INDEX_FAMILIES = frozenset({"ce", "nll"})
BINARY_FAMILIES = frozenset({"bce", "bce_logits"})
ELEMENTWISE_FAMILIES = frozenset({"elementwise", *BINARY_FAMILIES})
# Families that apply the sigmoid to their input themselves (LG003): BCEWithLogitsLoss, and
# MultiLabelSoftMarginLoss (the mean over classes of the same binary cross-entropy on logits).
SIGMOID_INSIDE_FAMILIES = frozenset({"bce_logits", "multilabel_logits"})
# Families whose loss is never below 0 with inputs of the right kind (mean or sum reduction): the
# watcher's least value of a loss (LG107). MultiLabelSoftMarginLoss too (0/1 targets): given the
# -1/1 targets of MultiLabelMarginLoss (a common mix-up) it goes below 0, which LG107 reports with
# the targets' range (the watcher's value checks see it).
NON_NEGATIVE_FAMILIES = frozenset({*CLASS_INDEX_FAMILIES, *ELEMENTWISE_FAMILIES, "kl", "ctc", "multilabel_logits"})

_PAIR = ("input", "target")
_PAIR_KW = {"input": "input", "target": "target"}

# Loss modules: family and how their forward() takes arguments.
LOSS_CLASSES: dict[str, LossSignature] = {
    NN + "CrossEntropyLoss": LossSignature("ce", _PAIR, _PAIR_KW),
    NN + "NLLLoss": LossSignature("nll", _PAIR, _PAIR_KW),
    NN + "NLLLoss2d": LossSignature("nll", _PAIR, _PAIR_KW),
    NN + "BCELoss": LossSignature("bce", _PAIR, _PAIR_KW),
    NN + "BCEWithLogitsLoss": LossSignature("bce_logits", _PAIR, _PAIR_KW),
    NN + "KLDivLoss": LossSignature("kl", _PAIR, _PAIR_KW),
    NN + "CTCLoss": LossSignature(
        "ctc",
        ("input", "target", "input_lengths", "target_lengths"),
        {"log_probs": "input", "targets": "target", "input_lengths": "input_lengths", "target_lengths": "target_lengths"},
    ),
    NN + "MSELoss": LossSignature("elementwise", _PAIR, _PAIR_KW),
    NN + "L1Loss": LossSignature("elementwise", _PAIR, _PAIR_KW),
    NN + "SmoothL1Loss": LossSignature("elementwise", _PAIR, _PAIR_KW),
    NN + "HuberLoss": LossSignature("elementwise", _PAIR, _PAIR_KW),
    NN + "SoftMarginLoss": LossSignature("other", _PAIR, _PAIR_KW),
    NN + "MultiLabelSoftMarginLoss": LossSignature("multilabel_logits", _PAIR, _PAIR_KW),
    NN + "MultiLabelMarginLoss": LossSignature("other", _PAIR, _PAIR_KW),
    NN + "MultiMarginLoss": LossSignature("other", _PAIR, _PAIR_KW),
    NN + "PoissonNLLLoss": LossSignature("other", ("input", "target"), {"log_input": "input", "target": "target"}),
    NN + "GaussianNLLLoss": LossSignature("other", ("input", "target", "var"), {"input": "input", "target": "target", "var": "var"}),
    NN + "HingeEmbeddingLoss": LossSignature("other", _PAIR, _PAIR_KW),
    NN + "CosineEmbeddingLoss": LossSignature("other", ("input1", "input2", "target"), {}),
    NN + "MarginRankingLoss": LossSignature("other", ("input1", "input2", "target"), {}),
    NN + "TripletMarginLoss": LossSignature("other", ("anchor", "positive", "negative"), {}),
    NN + "TripletMarginWithDistanceLoss": LossSignature("other", ("anchor", "positive", "negative"), {}),
}

# Functional losses: family, roles of positional arguments, and where reduction-type options sit.
LOSS_FUNCTIONS: dict[str, LossSignature] = {
    F + "cross_entropy": LossSignature("ce", _PAIR, _PAIR_KW, {"size_average": 3, "reduce": 5, "reduction": 6}),
    F + "nll_loss": LossSignature("nll", _PAIR, _PAIR_KW, {"size_average": 3, "reduce": 5, "reduction": 6}),
    F + "binary_cross_entropy": LossSignature("bce", _PAIR, _PAIR_KW, {"size_average": 3, "reduce": 4, "reduction": 5}),
    F + "binary_cross_entropy_with_logits": LossSignature("bce_logits", _PAIR, _PAIR_KW, {"size_average": 3, "reduce": 4, "reduction": 5}),
    F + "kl_div": LossSignature("kl", _PAIR, _PAIR_KW, {"size_average": 2, "reduce": 3, "reduction": 4, "log_target": 5}),
    F + "ctc_loss": LossSignature(
        "ctc",
        ("input", "target", "input_lengths", "target_lengths"),
        {"log_probs": "input", "targets": "target"},
        {"reduction": 5},
    ),
    F + "mse_loss": LossSignature("elementwise", _PAIR, _PAIR_KW, {"size_average": 2, "reduce": 3, "reduction": 4}),
    F + "l1_loss": LossSignature("elementwise", _PAIR, _PAIR_KW, {"size_average": 2, "reduce": 3, "reduction": 4}),
    F + "smooth_l1_loss": LossSignature("elementwise", _PAIR, _PAIR_KW, {"size_average": 2, "reduce": 3, "reduction": 4}),
    F + "huber_loss": LossSignature("elementwise", _PAIR, _PAIR_KW, {"reduction": 2}),
    F + "soft_margin_loss": LossSignature("other", _PAIR, _PAIR_KW, {"size_average": 2, "reduce": 3, "reduction": 4}),
    F + "multilabel_soft_margin_loss": LossSignature("multilabel_logits", _PAIR, _PAIR_KW, {"reduction": 5}),
    F + "poisson_nll_loss": LossSignature("other", _PAIR, _PAIR_KW, {"reduction": 6}),
    F + "margin_ranking_loss": LossSignature("other", ("input1", "input2", "target"), {}, {"reduction": 6}),
    F + "cosine_embedding_loss": LossSignature("other", ("input1", "input2", "target"), {}, {"reduction": 6}),
    F + "hinge_embedding_loss": LossSignature("other", _PAIR, _PAIR_KW, {"reduction": 5}),
    F + "triplet_margin_loss": LossSignature("other", ("anchor", "positive", "negative"), {}, {"reduction": 9}),
}

# The reduction arguments deprecated since torch 0.4 in favour of reduction= (still accepted, with a warning).
LEGACY_REDUCTION_ARGS = ("size_average", "reduce")

# Loss modules' constructor positions of the deprecated and current reduction arguments.
LOSS_CTOR_OPTION_POSITIONS: dict[str, dict[str, int]] = {
    NN + "CrossEntropyLoss": {"size_average": 1, "reduce": 3, "reduction": 4},
    NN + "NLLLoss": {"size_average": 1, "reduce": 3, "reduction": 4},
    NN + "BCELoss": {"size_average": 1, "reduce": 2, "reduction": 3},
    NN + "BCEWithLogitsLoss": {"size_average": 1, "reduce": 2, "reduction": 3},
    NN + "KLDivLoss": {"size_average": 0, "reduce": 1, "reduction": 2, "log_target": 3},
    NN + "MSELoss": {"size_average": 0, "reduce": 1, "reduction": 2},
    NN + "L1Loss": {"size_average": 0, "reduce": 1, "reduction": 2},
    NN + "SmoothL1Loss": {"size_average": 0, "reduce": 1, "reduction": 2},
    NN + "HuberLoss": {"reduction": 0},
    NN + "CTCLoss": {"reduction": 1},
    NN + "NLLLoss2d": {"size_average": 1, "reduce": 3, "reduction": 4},
    NN + "SoftMarginLoss": {"size_average": 0, "reduce": 1, "reduction": 2},
    NN + "MultiLabelMarginLoss": {"size_average": 0, "reduce": 1, "reduction": 2},
    NN + "MultiLabelSoftMarginLoss": {"size_average": 1, "reduce": 2, "reduction": 3},
    NN + "MultiMarginLoss": {"size_average": 3, "reduce": 4, "reduction": 5},
    NN + "PoissonNLLLoss": {"size_average": 2, "reduce": 4, "reduction": 5},
    NN + "HingeEmbeddingLoss": {"size_average": 1, "reduce": 2, "reduction": 3},
    NN + "CosineEmbeddingLoss": {"size_average": 1, "reduce": 2, "reduction": 3},
    NN + "MarginRankingLoss": {"size_average": 1, "reduce": 2, "reduction": 3},
    NN + "TripletMarginLoss": {"size_average": 4, "reduce": 5, "reduction": 6},
}

# Aliases torch exposes for the same functions.
FUNCTION_ALIASES: dict[str, str] = {
    "torch.softmax": F + "softmax",
    "torch.log_softmax": F + "log_softmax",
    "torch.special.softmax": F + "softmax",
    "torch.special.log_softmax": F + "log_softmax",
    "torch.sigmoid": F + "sigmoid",
    "torch.special.expit": F + "sigmoid",
    "torch.nn.functional.sigmoid": F + "sigmoid",
    "torch.binary_cross_entropy_with_logits": F + "binary_cross_entropy_with_logits",
    "torch.kl_div": F + "kl_div",
    "torch.ctc_loss": F + "ctc_loss",
}

# The native loss functions among those aliases take their reduction as an integer (0 none, 1 mean,
# 2 sum) at their own position, and default to 0: `torch.kl_div(log_p, q)` is per element, unlike
# `F.kl_div(log_p, q)` (checked on torch 2.13).
NATIVE_LOSS_REDUCTION_POSITIONS: dict[str, int] = {
    "torch.kl_div": 2,
    "torch.binary_cross_entropy_with_logits": 4,
    "torch.ctc_loss": 5,
}
NATIVE_REDUCTIONS = {0: "none", 1: "mean", 2: "sum"}

# Layer classes whose effect on a tensor is known. Effects:
#   linear: unbounded output; conv: unbounded, shape unknown; softmax / log_softmax / sigmoid;
#   keep: values and activation unchanged; unbounded: real values of unknown shape; forget: unknown;
#   spatial_mean: average pooling, a mean over the positions after the batch and channel dimensions
#   (a mean of logits is unbounded, of sigmoid outputs in (0, 1), of softmax over the channels a distribution).
LAYER_EFFECTS: dict[str, str] = {
    NN + "Linear": "linear",
    NN + "LazyLinear": "linear",
    NN + "Bilinear": "linear",
    NN + "Conv1d": "conv",
    NN + "Conv2d": "conv",
    NN + "Conv3d": "conv",
    NN + "ConvTranspose1d": "conv",
    NN + "ConvTranspose2d": "conv",
    NN + "ConvTranspose3d": "conv",
    # torchvision's segmentation heads, each ending in a convolution (interp.replaced_heads)
    "torchvision.models.segmentation.deeplabv3.DeepLabHead": "conv",
    "torchvision.models.segmentation.fcn.FCNHead": "conv",
    NN + "LazyConv1d": "conv",
    NN + "LazyConv2d": "conv",
    NN + "Softmax": "softmax",
    NN + "Softmax2d": "softmax",
    NN + "LogSoftmax": "log_softmax",
    NN + "Sigmoid": "sigmoid",
    NN + "Identity": "keep",
    NN + "Dropout": "keep_logits",
    NN + "Dropout1d": "keep_logits",
    NN + "Dropout2d": "keep_logits",
    NN + "AlphaDropout": "keep_logits",
    NN + "Flatten": "flatten",
    **{NN + f"{kind}AvgPool{n}d": "spatial_mean" for kind in ("", "Adaptive") for n in (1, 2, 3)},
    NN + "ReLU": "activation",
    NN + "ReLU6": "activation",
    NN + "LeakyReLU": "activation",
    NN + "PReLU": "activation",
    NN + "ELU": "activation",
    NN + "SELU": "activation",
    NN + "CELU": "activation",
    NN + "GELU": "activation",
    NN + "SiLU": "activation",
    NN + "Mish": "activation",
    NN + "Tanh": "activation",
    NN + "Hardtanh": "activation",
    NN + "Hardswish": "activation",
    NN + "Softplus": "activation",
    NN + "BatchNorm1d": "unbounded",
    NN + "BatchNorm2d": "unbounded",
    # normalisations of the same kind (round 30): numbers of mean 0 per channel or group, then scaled and shifted
    NN + "BatchNorm3d": "unbounded",
    NN + "InstanceNorm1d": "unbounded",
    NN + "InstanceNorm2d": "unbounded",
    NN + "InstanceNorm3d": "unbounded",
    NN + "GroupNorm": "unbounded",
    NN + "LayerNorm": "unbounded",
}

# Convolutions by how many spatial axes they slide over: their output has the input's batch axis (when it
# has one), out_channels (the second argument), then as many axes of sizes not followed (round 27: a
# DCGAN discriminator's (N, 1, 1, 1) map scored against (N,) labels by BCELoss, realcode_heldout19).
CONV_SPATIAL_AXES: dict[str, int] = {
    NN + "Conv1d": 1,
    NN + "Conv2d": 2,
    NN + "Conv3d": 3,
    NN + "ConvTranspose1d": 1,
    NN + "ConvTranspose2d": 2,
    NN + "ConvTranspose3d": 3,
}
# PyTorch Geometric's message-passing layers that end in a linear map with a bias and take no
# activation argument: unbounded node features of unknown shape, like a convolution
# (`GCNConv(16, num_classes)` as a node classifier's last layer; dair-ai/ML-Notebooks' intro_gnn).
GRAPH_CONVS = ("GCNConv", "GATConv", "GATv2Conv", "SAGEConv", "GraphConv", "ChebConv", "TransformerConv", "SGConv", "TAGConv")
LAYER_EFFECTS.update({f"torch_geometric.nn{package}.{name}": "conv" for name in GRAPH_CONVS for package in ("", ".conv")})

SOFTMAX_FUNCS = {F + "softmax": "softmax", F + "log_softmax": "log_softmax", F + "softmin": "softmin"}
SOFTMAX_LAYERS = {NN + "Softmax": "softmax", NN + "LogSoftmax": "log_softmax", NN + "Softmin": "softmin"}

# Constructors of tensors whose dtype is known without a dtype argument.
FLOAT_CONSTRUCTORS = {
    "torch.randn",
    "torch.rand",
    "torch.zeros",
    "torch.ones",
    "torch.empty",
    "torch.Tensor",
    "torch.FloatTensor",
    "torch.DoubleTensor",
    "torch.HalfTensor",
    "torch.cuda.FloatTensor",
    "torch.cuda.DoubleTensor",
    "torch.cuda.HalfTensor",
    "torch.normal",
}
# the legacy typed constructors of integer tensors too (`torch.cuda.ByteTensor(pred.size())`, a mask the code
# fills by hand: a tensor it built, so its `zero_()` clears no gradient; round 27, a YOLO v1 loss)
INT_CONSTRUCTORS = {
    "torch.randint",
    "torch.LongTensor",
    "torch.IntTensor",
    "torch.ShortTensor",
    "torch.CharTensor",
    "torch.ByteTensor",
    "torch.cuda.LongTensor",
    "torch.cuda.IntTensor",
    "torch.cuda.ShortTensor",
    "torch.cuda.CharTensor",
    "torch.cuda.ByteTensor",
    "torch.randperm",
}
SIZED_CONSTRUCTORS = {"torch.randn", "torch.rand", "torch.zeros", "torch.ones", "torch.empty", "torch.full"}
# Draws from a standard normal: examples, tests and posts write them where a network's raw scores (logits) would be
# (`loss(torch.randn(3, 5), target)` in the loss docs): real numbers of either sign, so no probabilities nor
# log-probabilities (round 33, threads23: a guide's `nn.NLLLoss()(torch.randn(2, 3), labels)` as the wrong way)
NORMAL_DRAWS = {"torch.randn", "torch.randn_like"}

INT_DTYPES = {
    "torch.long",
    "torch.int64",
    "torch.int",
    "torch.int32",
    "torch.int16",
    "torch.short",
    "torch.int8",
    "torch.uint8",
    "torch.LongTensor",
    "torch.IntTensor",
    "torch.cuda.LongTensor",
    *(f"numpy.{name}" for name in ("int64", "int32", "int16", "int8", "uint8", "int_", "intc", "longlong")),
}
FLOAT_DTYPES = {
    "torch.float",
    "torch.float32",
    "torch.float64",
    "torch.double",
    "torch.float16",
    "torch.half",
    "torch.bfloat16",
    "torch.FloatTensor",
    "torch.DoubleTensor",
    "torch.cuda.FloatTensor",
    *(f"numpy.{name}" for name in ("float64", "float32", "float16", "float_", "double", "single", "half")),
}
BOOL_DTYPES = {"torch.bool", "torch.BoolTensor", "numpy.bool_"}

INT_METHODS = {"long", "int", "short", "byte", "char"}
#: tensor methods whose result is a boolean tensor (``labels.eq(labels.t())``, ``y.gt(0)``, ``x.isnan()``)
COMPARISON_METHODS = frozenset(
    {"eq", "ne", "gt", "lt", "ge", "le", "greater", "less", "greater_equal", "less_equal", "not_equal"}
    | {"logical_and", "logical_or", "logical_xor", "logical_not", "isnan", "isinf", "isfinite"}
)
FLOAT_METHODS = {"float", "double", "half", "bfloat16"}
INT_RESULT_METHODS = {"argmax", "argmin", "argsort"}
# In-place tensor methods that refill every element with new numbers and return the tensor itself:
# its dtype and shape stay (torch.LongTensor(n).random_(2) is still a long tensor), its activation goes.
REFILL_METHODS = {"random_", "fill_", "zero_", "uniform_", "normal_", "bernoulli_", "exponential_", "geometric_", "cauchy_", "log_normal_"}
# Tensor methods that keep values (and so the activation) as they are.
VALUE_KEEPING_METHODS = {
    "to",
    "cuda",
    "cpu",
    "contiguous",
    "clone",
    "view",
    "reshape",
    "squeeze",
    "unsqueeze",
    "flatten",
    "permute",
    "transpose",
    "view_as",
    "reshape_as",
    "type_as",
    "expand",
    "expand_as",
    "requires_grad_",
    "float",
    "double",
    "half",
    "bfloat16",
    "squeeze_",
    "unsqueeze_",
    "t",
    "movedim",
    "resize",
    "resize_as",
}
# Functions that keep values.
VALUE_KEEPING_FUNCS = {"torch.squeeze", "torch.unsqueeze", "torch.flatten", "torch.reshape", "torch.permute", "torch.transpose", "torch.clone"}
REDUCING_METHODS = {"mean", "sum", "nanmean", "nansum"}
# Methods (and torch functions of the same names) that pick rows of a tensor: one tensor, or a list of pieces.
ROW_SELECTION_METHODS = ("index_select", "split", "chunk")
# Elementwise functions (and the tensor methods of the same names) that change the values but keep
# the shape and the floating dtype: no activation known after them ((tanh(x) + 1) / 2 is in [0, 1]
# without being a sigmoid of anything).
ELEMENTWISE_METHODS = {"tanh", "relu", "abs", "neg", "square", "sqrt", "sin", "cos", "erf", "tanh_", "relu_", "abs_", "neg_"}
ELEMENTWISE_FUNCS = {
    *(f"torch.{name}" for name in ("tanh", "relu", "abs", "neg", "square", "sqrt", "sin", "cos", "erf")),
    *(
        F + name
        for name in ("tanh", "relu", "relu6", "leaky_relu", "elu", "selu", "celu", "gelu", "silu", "mish", "hardswish", "softplus", "hardtanh")
    ),
}
# Rectifiers among them, by their qualified names and their methods' names: numbers at least 0 come out (round 29)
RECTIFIER_FUNCS = {"torch.relu", F + "relu", F + "relu6", F + "softplus"}
RECTIFIER_METHODS = {"relu", "relu_"}
RECTIFIER_LAYERS = {NN + "ReLU", NN + "ReLU6", NN + "Softplus"}
# Activations whose numbers leave [0, 1] when given raw scores of both signs: above 1 (the rectifiers), below 0 (tanh),
# or both (leaky_relu, elu, gelu, ...); so no probability comes out (round 30, LG002). Not hardtanh: its bounds are
# arguments (`nn.Hardtanh(0, 1)` stays in [0, 1]).
OFF_RANGE_FUNCS = {
    *RECTIFIER_FUNCS,
    "torch.tanh",
    *(F + name for name in ("tanh", "leaky_relu", "elu", "selu", "celu", "gelu", "silu", "mish", "hardswish")),
}
OFF_RANGE_METHODS = {*RECTIFIER_METHODS, "tanh", "tanh_"}
OFF_RANGE_LAYERS = {
    *RECTIFIER_LAYERS,
    *(NN + name for name in ("Tanh", "LeakyReLU", "PReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "Hardswish")),
}
# Collectives that are autograd functions: the result holds the input's graph, with the input's shape
# (horovod's allreduce averages or sums across processes; its documentation: "If your input tensor requires
# gradients, then callings this function will allow gradients to be computed and backpropagated"). torch.distributed's
# all_reduce works in place and records no graph; it is not one of them.
GRAD_COLLECTIVES = {"horovod.torch.allreduce", "horovod.torch.mpi_ops.allreduce"}

# torchvision / timm constructors of classification models, which return logits.
PRETRAINED_PREFIXES = ("torchvision.models.",)
PRETRAINED_FUNCS = {"timm.create_model"}
PRETRAINED_EXCLUDE = (
    "detection",
    "segmentation",
    "video",
    "optical_flow",
    "quantization",
    "inception",
    "googlenet",
    "feature_extraction",
    "get_",
    "list_",
    "Weights",
    "weights",
)

# torchvision classifiers' output layer (interp.replaced_heads): constructor name prefix -> (the attribute of the output layer, the output layer's index
#: in that attribute when it is an nn.Sequential, None when the attribute is the layer itself)
PRETRAINED_LAST_LAYER: tuple[tuple[str, str, int | None], ...] = (
    ("resnet", "fc", None),
    ("resnext", "fc", None),
    ("wide_resnet", "fc", None),
    ("regnet_", "fc", None),
    ("shufflenet_v2", "fc", None),
    ("densenet", "classifier", None),
    ("vgg", "classifier", 6),
    ("alexnet", "classifier", 6),
    ("mobilenet_v2", "classifier", 1),
    ("mobilenet_v3", "classifier", 3),
    ("efficientnet", "classifier", 1),
    ("mnasnet", "classifier", 1),
    ("convnext", "classifier", 2),
    ("swin", "head", None),
)
#: the families of that table whose ``classifier`` is an nn.Sequential given the flattened ``(N, F)`` features (their
#: forward flattens or pools before it): a store into the whole ``classifier`` (``model.classifier = nn.Sequential(...)``,
#: round 30) replaces the layers that compute the output. Not convnext, whose ``classifier`` is given ``(N, C, 1, 1)``
#: and flattens inside it.
PRETRAINED_FLAT_CLASSIFIERS = ("vgg", "alexnet", "mobilenet_v2", "mobilenet_v3", "efficientnet", "mnasnet")

# torchvision's semantic segmentation models (torchvision.models.segmentation): their forward returns an ordered dict
# of raw logits, "out" (N, num_classes, H, W) and, with aux_loss, "aux" (interp.segmentation_models)
TORCHVISION_SEGMENTATION_PACKAGE = "torchvision.models.segmentation."
TORCHVISION_SEGMENTATION_MODELS = {
    "deeplabv3_resnet50",
    "deeplabv3_resnet101",
    "deeplabv3_mobilenet_v3_large",
    "fcn_resnet50",
    "fcn_resnet101",
    "lraspp_mobilenet_v3_large",
}
TORCHVISION_SEGMENTATION_OUTPUTS = ("out", "aux")
#: the index of the output convolution in DeepLabHead and FCNHead (each an nn.Sequential), the model's ``classifier``
TORCHVISION_SEGMENTATION_LAST_CONV = 4

# segmentation_models_pytorch (smp): its model classes and their ``activation=`` argument (0.1.0 and later apply it
# in ``forward``, as the last module of ``segmentation_head``; default None, raw logits). Each name of an activation
# -> the torch layer it is (softmax without a dim picks dim 1 on the models' (N, C, H, W) output, as softmax2d does).
SEGMENTATION_MODELS_PACKAGE = "segmentation_models_pytorch"
SEGMENTATION_MODELS = frozenset(
    f"{SEGMENTATION_MODELS_PACKAGE}.{name}"
    for name in ("Unet", "UnetPlusPlus", "MAnet", "Linknet", "FPN", "PSPNet", "DeepLabV3", "DeepLabV3Plus", "PAN", "UPerNet", "Segformer", "DPT")
)
SEGMENTATION_ACTIVATIONS: dict[str | None, tuple[str, str] | None] = {
    None: None,
    "identity": None,
    "sigmoid": (NN + "Sigmoid", "sigmoid"),
    "softmax": (NN + "Softmax", "softmax"),
    "softmax2d": (NN + "Softmax", "softmax"),
    "logsoftmax": (NN + "LogSoftmax", "log_softmax"),
}

OPTIMIZER_PREFIXES = ("torch.optim.",)
OPTIMIZER_FUNCS = {"transformers.AdamW", "bitsandbytes.optim.AdamW8bit", "apex.optimizers.FusedAdam"}

NO_GRAD_CONTEXTS = {"torch.no_grad", "torch.inference_mode", "torch.autograd.no_grad", "torch.autograd.grad_mode.no_grad"}


def turns_off_grad(qualname: str) -> bool:
    """torch's ``no_grad``/``inference_mode``, or a wrapper named for one (yolov5's
    ``@smart_inference_mode()``): code under it builds no graph. Taking a helper at its name can
    only make the checker quieter (a conditional ``maybe_no_grad(flag)`` too), never louder."""
    if qualname in NO_GRAD_CONTEXTS:
        return True
    short = qualname.rsplit(".", 1)[-1]
    return "inference_mode" in short or "no_grad" in short


# Wrappers that return the module they are given (its forward is the wrapped one).
MODULE_WRAPPERS = {
    "torch.nn.DataParallel",
    "torch.nn.parallel.DataParallel",
    "torch.nn.parallel.DistributedDataParallel",
    "torch.nn.parallel.distributed.DistributedDataParallel",
    "torch.compile",
    "torch.nn.SyncBatchNorm.convert_sync_batchnorm",
    # weight averages: their forward runs their copy of the model
    "torch.optim.swa_utils.AveragedModel",
    "timm.utils.ModelEma",
    "timm.utils.ModelEmaV2",
    "timm.utils.model_ema.ModelEma",
    "timm.utils.model_ema.ModelEmaV2",
    # learn2learn's meta-learners: their forward runs the model (or its adapted clone)
    "learn2learn.MAML",
    "learn2learn.MetaSGD",
    "learn2learn.algorithms.MAML",
    "learn2learn.algorithms.MetaSGD",
    "learn2learn.algorithms.maml.MAML",
    "learn2learn.algorithms.meta_sgd.MetaSGD",
}
# Methods of those wrappers that return a new wrapper of a copy of the same model (learn2learn's
# ``clone()``, ``new()`` in its first releases). ``nn.Module`` has none of them, so on a model a
# wrapper handed on (the interpreter keeps the model, not the wrapper) they can only be the wrapper's.
WRAPPER_COPY_METHODS = {"clone", "new"}
# The public attributes every ``nn.Module`` has (its methods and ``training``): a model of the checked
# code holds them whatever its own code says (interp.choice_attributes).
MODULE_ATTRIBUTES = frozenset(
    """add_module apply bfloat16 buffers call_super_init children compile cpu cuda double dump_patches eval
    extra_repr float forward get_buffer get_extra_state get_parameter get_submodule half ipu load_state_dict
    modules mtia named_buffers named_children named_modules named_parameters parameters register_backward_hook
    register_buffer register_forward_hook register_forward_pre_hook register_full_backward_hook
    register_full_backward_pre_hook register_load_state_dict_post_hook register_load_state_dict_pre_hook
    register_module register_parameter register_state_dict_post_hook register_state_dict_pre_hook requires_grad_
    set_extra_state set_submodule share_memory state_dict to to_empty train training type xpu zero_grad
    T_destination""".split()
)
# Calls that return a value behaving like their argument (a copy, a deprecated autograd wrapper).
SAME_VALUE_FUNCS = {"copy.deepcopy", "copy.copy", "torch.autograd.Variable", "torch.autograd.variable.Variable", "torch.Variable"}
# A parameter made of a tensor: its numbers, shape and dtype, as a leaf that holds no graph.
PARAMETER_FUNCS = {"torch.nn.Parameter", "torch.nn.parameter.Parameter"}
# numpy arrays are followed like tensors (shape and dtype, float64 is "floating-point") until torch
# takes them over with torch.from_numpy / torch.tensor / torch.Tensor.
NUMPY_SIZED = {"numpy.random.rand", "numpy.random.randn"}  # sizes as separate arguments
# Samplers of a distribution whose ``size`` is the positional argument at this index (or ``size=``):
# float64 arrays of that shape. Without a size they give one number (or the parameters' shape).
NUMPY_SAMPLERS = {
    f"numpy.random.{name}": at
    for names, at in (
        (("normal", "uniform", "laplace", "logistic", "lognormal", "gamma", "beta", "gumbel", "wald"), 2),
        (("exponential", "rayleigh", "standard_t", "chisquare"), 1),
        (("standard_normal", "random", "random_sample", "sample", "ranf"), 0),
    )
    for name in names
}
NUMPY_SHAPED = {"numpy.zeros", "numpy.ones", "numpy.empty"}  # one shape argument
NUMPY_VALUE_KEEPING = {"numpy.round", "numpy.around", "numpy.abs", "numpy.exp", "numpy.log", "numpy.sqrt", "numpy.floor", "numpy.ceil"}
# ``np.array(data)`` / ``np.asarray(data)``: an array of the data's shape (a literal list of numbers,
# a comprehension of one number per item, another array)
NUMPY_ARRAYS = {"numpy.array", "numpy.asarray"}
# (round 31) NumPy's text readers: an array of ``dtype=`` (float64 when not given, NumPy's default), of a rank
# they decide by the file (one row or one column comes back 1-D)
NUMPY_TEXT_READERS = {"numpy.loadtxt", "numpy.genfromtxt"}
FROM_NUMPY = {"torch.from_numpy"}
# pandas tables read from a file or built: a column (``df["label"]``) is a Series, its ``.values``
# a 1-D array; a list of columns (``df[cols]``) is a table, its ``.values`` a 2-D array.
TABLE_READERS = {"pandas.read_csv", "pandas.read_parquet", "pandas.read_table", "pandas.read_feather", "pandas.read_pickle", "pandas.DataFrame"}
TABLE_TO_ARRAY = {"to_numpy"}  # a method giving the array (``.values`` is the attribute)
COLUMN_TO_LIST = {"tolist", "to_list"}  # a column's methods giving a Python list of its scalars
# methods of a table (or a column) giving one of the same kind: the same columns, other rows or values
TABLE_SAME_KIND = {
    "copy",
    "dropna",
    "fillna",
    "reset_index",
    "sample",
    "sort_values",
    "sort_index",
    "astype",
    "head",
    "tail",
    "drop_duplicates",
    "replace",
    "clip",
    "abs",
    "round",
    "drop",
    "map",
}
# scikit-learn's split of several arrays: a train part and a test part of each, in order, each
# keeping every axis but the first.
ARRAY_SPLITTERS = {"sklearn.model_selection.train_test_split", "sklearn.cross_validation.train_test_split"}
# Datasets whose items are known from their arguments, and the loaders that batch them.
TENSOR_DATASETS = {"torch.utils.data.TensorDataset", "torch.utils.data.dataset.TensorDataset"}
DATA_LOADERS = {"torch.utils.data.DataLoader", "torch.utils.data.dataloader.DataLoader"}
# torchvision's classification datasets: each item is (image, class index as a Python int), so a
# DataLoader's default collation gives int64 labels of shape (N,); the image depends on the transform
# (a PIL image without one), so it stays unknown, and a target_transform may change the label
_VISION_CLASSIFICATION = (
    "ImageFolder",
    "DatasetFolder",
    "MNIST",
    "FashionMNIST",
    "KMNIST",
    "QMNIST",
    "EMNIST",
    "CIFAR10",
    "CIFAR100",
    "SVHN",
    "STL10",
    "ImageNet",
    "Food101",
    "GTSRB",
    "EuroSAT",
    "USPS",
)
VISION_CLASSIFICATION_DATASETS = {f"torchvision.datasets.{name}" for name in _VISION_CLASSIFICATION} | {
    "torchvision.datasets.folder.ImageFolder",
    "torchvision.datasets.folder.DatasetFolder",
}
# Wrappers that iterate over what they are given (a progress bar): the items are the same.
# Packed sequences for RNNs: packing keeps the values, padding gives them back with their lengths.
PACK_FUNCS = {"torch.nn.utils.rnn.pack_padded_sequence"}
UNPACK_FUNCS = {"torch.nn.utils.rnn.pad_packed_sequence"}
ITERATION_WRAPPERS = {"tqdm.tqdm", "tqdm.auto.tqdm", "tqdm.notebook.tqdm", "tqdm.std.tqdm"}
GRAD_SCALERS = {"torch.cuda.amp.GradScaler", "torch.amp.GradScaler", "torch.cuda.amp.grad_scaler.GradScaler"}
ACCELERATORS = {"accelerate.Accelerator"}
# (round 31) calls that return a ``torch.device`` (``torch.accelerator.current_accelerator()``: the accelerator, or None
# where there is none); a device's ``.type`` is the name of one (``"cuda"``), so ``x.to(<either>)`` keeps x's dtype
DEVICE_FUNCS = {"torch.device", "torch.accelerator.current_accelerator", "torch.get_default_device"}
# PyTorch Geometric's graph autoencoders: with the default InnerProductDecoder, decode() applies a sigmoid
# (interp.pyg_autoencoders)
PYG_AUTOENCODERS = {
    f"torch_geometric.nn.{where}{name}" for where in ("", "models.", "models.autoencoder.") for name in ("GAE", "VGAE", "ARGA", "ARGVA")
}
# (round 37) ema_pytorch's moving-average copy of a network: forward_eval() runs it under no_grad (interp.ema_copies)
EMA_WRAPPERS = {"ema_pytorch.EMA", "ema_pytorch.ema_pytorch.EMA"}
# Context managers that hand back the loss they are given, scaled for mixed precision.
LOSS_SCALE_CONTEXTS = {"apex.amp.scale_loss"}


@dataclass(frozen=True)
class Trainer:
    """A library trainer given a model and a loss, which computes ``loss(model(x), y)`` itself."""

    model: tuple[int | None, str]  # the model's position (None: keyword only) and keyword
    loss: tuple[int | None, str]  # the loss's position and keyword
    default_loss: str | None = None  # the loss class the trainer uses when it is given none
    # skorch: given classes, it builds them (module__units=... and criterion__reduction=... are
    # their arguments); a trainer without it calls what it is given as it is
    prefixed: bool = False
    # keywords that change what reaches the loss (a transform of the output): with any, nothing is known
    opaque: tuple[str, ...] = ()
    # losses the trainer hands something else than the model's output (skorch: the log of the
    # output for NLLLoss, whose module then outputs probabilities)
    fed_otherwise: tuple[str, ...] = ()
    # methods a subclass in the checked code may override to change what reaches the loss: then silent
    overrides: tuple[str, ...] = ()
    # the most positional arguments a call may give (None: any): past them an argument may be the
    # loss, at a place that changed between the library's versions, so the call stays silent
    max_args: int | None = None


_IGNITE = Trainer((0, "model"), (2, "loss_fn"), opaque=("model_transform", "model_fn"))
_SKORCH_STEP = ("get_loss", "infer", "train_step", "train_step_single")
_SKORCH_NET = Trainer((0, "module"), (1, "criterion"), prefixed=True, overrides=_SKORCH_STEP)
# Trainers by qualified name. Classes here are also followed when the checked code subclasses them
# (skorch wrappers keep the ``module`` and ``criterion`` parameter names).
TRAINERS: dict[str, Trainer] = {
    **{
        f"ignite.engine.{name}": _IGNITE
        for name in (
            "create_supervised_trainer",
            "supervised_training_step",
            "supervised_training_step_amp",
            "supervised_training_step_apex",
            "supervised_training_step_tpu",
        )
    },
    "skorch.NeuralNet": _SKORCH_NET,
    "skorch.net.NeuralNet": _SKORCH_NET,
    **dict.fromkeys(
        ("skorch.NeuralNetClassifier", "skorch.classifier.NeuralNetClassifier"),
        Trainer(
            (0, "module"), (None, "criterion"), default_loss=NN + "NLLLoss", prefixed=True, fed_otherwise=(NN + "NLLLoss",), overrides=_SKORCH_STEP
        ),
    ),
    **dict.fromkeys(
        ("skorch.NeuralNetBinaryClassifier", "skorch.classifier.NeuralNetBinaryClassifier"),
        Trainer((0, "module"), (None, "criterion"), default_loss=NN + "BCEWithLogitsLoss", prefixed=True, overrides=_SKORCH_STEP),
    ),
    **dict.fromkeys(
        ("skorch.NeuralNetRegressor", "skorch.regressor.NeuralNetRegressor"),
        Trainer((0, "module"), (None, "criterion"), default_loss=NN + "MSELoss", prefixed=True, overrides=_SKORCH_STEP),
    ),
    # skada's deep domain-adaptation methods: a skorch net whose criterion scores the module's output
    # on the source batch with `base_criterion`, nn.CrossEntropyLoss() when none is given
    **dict.fromkeys(
        (f"skada.deep.{name}" for name in ("DeepCoral", "DAN", "CAN", "DeepJDOT", "DANN", "CDAN", "SourceOnly", "TargetOnly")),
        Trainer((0, "module"), (None, "base_criterion"), default_loss=NN + "CrossEntropyLoss", max_args=3),
    ),
}


#: tensor methods whose result is the receiver moved, cast to another float type or reshaped: it holds a graph
#: exactly when the receiver does (interp.frame.detached_expr), and was made without grad when it was (no_grad_names)
GRAPH_KEEPING_METHODS = frozenset(
    {"cpu", "cuda", "to", "float", "double", "half", "contiguous", "clone", "squeeze", "unsqueeze", "view", "reshape"}
    | {"flatten", "permute", "transpose"}
)
