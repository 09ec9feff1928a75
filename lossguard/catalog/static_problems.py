"""Problems found by reading training code (LG0xx): what goes into a loss and how it is built.

Problems of the training loop around the loss are in :mod:`lossguard.catalog.loop_problems`.
"""

from __future__ import annotations

from lossguard.catalog import Problem
from lossguard.catalog.loop_problems import REDUCTION_DOC as _REDUCTION_DOC

_CE_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html"
_BCE_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.BCELoss.html"
_BCEL_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html"
_NLL_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.NLLLoss.html"
_KL_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html"
_CTC_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.CTCLoss.html"
_SOFTMAX_DOC = "https://pytorch.org/docs/stable/generated/torch.nn.functional.softmax.html"
# one sentence for the rules that read raw logits as a kind of input (LG002, LG007, LG012; torch_api.NORMAL_DRAWS)
_NORMAL_DRAWS = (
    " A standard normal draw (`torch.randn(...)`, `torch.randn_like(x)`) counts as raw logits: examples, tests and "
    "posts write it where a network's scores would be, and its numbers take either sign; a uniform draw "
    "(`torch.rand`) does not."
)

PROBLEMS: tuple[Problem, ...] = (
    Problem(
        code="LG001",
        name="double-softmax",
        summary="Softmax, log-softmax or sigmoid output is passed as the input of CrossEntropyLoss.",
        why=(
            "CrossEntropyLoss applies log-softmax to its input itself: it expects raw, unnormalised "
            "logits. Feeding it probabilities applies softmax twice. The loss is then squeezed into a "
            "narrow range, its gradients shrink as the model grows confident, and training slows "
            "down or stalls at a poor accuracy without any error. Feeding it log-probabilities "
            "(log_softmax output) is only redundant: log_softmax is idempotent, so the loss and its "
            "gradients are identical and only the extra work is wasted. Predictions do not need the "
            "softmax either: the argmax of the logits is the argmax of the probabilities. A sigmoid before the "
            "loss is the same fault: the scores are squashed into (0, 1) and then log-softmax is applied to them, "
            "so with C classes the right class's probability can never exceed e / (e + C - 1) (0.23 for ten "
            "classes), the loss cannot fall below log(1 + (C - 1) / e), and the gradients stay small: training "
            "stalls without any error."
        ),
        fix=(
            "Pass the logits (the output before softmax or sigmoid) to the loss. Remove the softmax "
            "(or sigmoid) from the model's forward, or apply it only where probabilities are needed "
            "(metrics, inference)."
        ),
        example="""
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
logits = model(images)
probs = torch.softmax(logits, dim=1)
loss = criterion(probs, labels)
""",
        use_instead="""
import torch
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
logits = model(images)
loss = criterion(logits, labels)
probs = torch.softmax(logits.detach(), dim=1)  # only for metrics
""",
        misfires=(
            "lossguard reports this only when it can follow the softmax to the loss input through "
            "assignments, `self` attributes, helper functions, `nn.Sequential` containers and model "
            "classes in the checked files. A softmax applied only in some branches (for example only "
            "when `not self.training`) makes the value uncertain and nothing is reported; the exception "
            'is a method returning under tests of one setting of `self` (`if self.method == "multiclass": '
            "return F.softmax(...)`), followed into a method of the same object that tests the setting "
            "again before the loss. A criterion picked by a setting between a loss written by hand and "
            "`nn.CrossEntropyLoss` (`if conf.label_smoothing: ... else: nn.CrossEntropyLoss()`) is "
            "checked for the CrossEntropyLoss option, and the finding names its condition; so is a choice between "
            "two torch loss functions written as a conditional expression (`F.binary_cross_entropy if "
            "self.num_classes == 2 else F.cross_entropy`). A training method of a base module class with no "
            "`forward` of its own that calls the object (`self(x)`, `self.__call__(x)`) is checked with the forward "
            "of each subclass of the checked code. A `self` attribute that a method other than `__init__` stores "
            "again is not followed (silent), unless every such store puts back the attribute's own object (a deep "
            "copy restored after early stopping, `.to(device)` of it) or a model of the class a parameter is declared "
            "with; a test `if self.loss is not None:` after a call on `self` that always stores a loss there is "
            "decided, and the branch it rules out is not checked. Softmax "
            "applied to the *target* (soft labels, distillation) is correct and never reported. "
            "log_softmax output is reported at severity info: it does not fail the run. The axis of "
            "the softmax is not compared with the class axis; a log_softmax over another axis of a "
            "(N, C, ...) input is also reported as info, although it changes the loss."
            " Softmax probabilities divided or multiplied by a positive number literal (`probs / 0.5`, a "
            "temperature applied after the softmax) are still softmax probabilities; scaled by anything else they "
            "are not followed. A criterion chosen by `criterion if criterion is not None else "
            "nn.CrossEntropyLoss()` is the default where the call leaves the parameter's `None` default (a class "
            "analysed alone is built with its defaults). skada's deep domain-adaptation methods "
            "(`DeepCoral(module, layer_name, ...)`, `DANN`, ...) score the module's output with "
            "`nn.CrossEntropyLoss()` when given no `base_criterion`; a call with more than three positional "
            "arguments stays silent (skada's versions place other parameters there)."
            " A model a setting picks among model classes of the checked code, by an `if` chain on it or as the key "
            "of a dict of classes (`MODELS[args.model](...)`, round 39), is checked model by model where the models "
            "disagree, and the finding names the condition (`CrossEntropyLoss (when args.model == 'cnn')`); a dict "
            "read with `.get(...)` or holding anything but classes is checked only for what every option shares."
            " Sigmoid output is followed the same way as softmax output and reported as an error: the output of "
            "`torch.sigmoid`, `.sigmoid()`, `F.sigmoid` or an `nn.Sigmoid` layer, and a model or `nn.Sequential` "
            "ending in one. A sigmoid inside the network (a gate multiplied into the features before a Linear "
            "layer) leaves the Linear layer's logits and is not reported. Indexing, reshaping, concatenating and "
            "`1 - p` keep the sigmoid's output; other arithmetic (`2 * torch.sigmoid(x) - 1`, a log, a product) is "
            "not followed. A sigmoid output of one score per sample (its last axis known to be 1: `nn.Linear(h, 1)` "
            "then a sigmoid) is a binary head made for BCE and is not reported: CrossEntropyLoss over one class is 0 "
            "whatever the score, so such a call sits on a path written for another head (a loss that takes a "
            "`sigmoid=False` two-way discriminator in its `else` branch). Sigmoid probabilities into `BCELoss` are "
            "where they belong (LG016 advises the logits form)."
        ),
        severity_note=("Softmax or sigmoid probabilities are an error; log_softmax output is reported as info (redundant, same loss and gradients)."),
        fix_safety="unsafe",
        fix_safety_note=(
            "Only an inline softmax, log_softmax or sigmoid call that is the loss argument is removed. "
            "Removing a softmax or a sigmoid changes the loss value; removing a log_softmax over the class "
            "axis does not, but over another axis it does, so all are unsafe."
        ),
        references=(_CE_DOC,),
    ),
    Problem(
        code="LG002",
        name="bce-on-logits",
        summary="Unbounded values (no sigmoid) are passed as the input of BCELoss.",
        why=(
            "BCELoss takes probabilities in [0, 1] and computes log(p) and log(1 - p). Raw model "
            "outputs can be negative or above one: torch then raises an error on the CPU, or a CUDA "
            "assertion, and values near the edges produce infinite or NaN losses."
        ),
        fix=(
            "Use BCEWithLogitsLoss on the raw outputs: it applies the sigmoid inside with the "
            "numerically stable log-sum-exp form, and supports pos_weight for imbalanced classes."
        ),
        example="""
import torch.nn as nn

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 1)

    def forward(self, x):
        return self.fc(x)  # logits: no sigmoid

model = Classifier()
criterion = nn.BCELoss()
loss = criterion(model(x), y)
""",
        use_instead="""
import torch.nn as nn

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(64, 1)

    def forward(self, x):
        return self.fc(x)

model = Classifier()
criterion = nn.BCEWithLogitsLoss()
loss = criterion(model(x), y)
""",
        misfires=(
            "Reported only when the input is known to be unbounded: the output of a linear or "
            "convolutional layer, or of a model (class or `nn.Sequential`) whose forward ends in "
            "one without a sigmoid." + _NORMAL_DRAWS + " Also reported (round 34): log_softmax output, whose numbers are at "
            "most 0 (BCELoss raises on them), unless turned back into probabilities (`.exp()`) or changed by any other "
            "arithmetic first. An output of unknown origin is never reported. A criterion an `if` "
            'on a setting picks among loss modules (`if args.loss == "BCE": BCELoss() elif ...: MSELoss()`) '
            "is checked option by option where the code does not test that setting again: with that setting "
            "the raw output reaches BCELoss, and the finding names it (`BCELoss (when args.loss == 'BCE')`). "
            "Under another test of the setting that does not decide the option, or a test of the criterion "
            "itself (`isinstance(criterion, nn.MSELoss)`), it is silent; under a test of a setting of the same "
            "name (`args.dataset` in `__init__`, `self.args.dataset` in `forward`) the options that test "
            "rules out (another literal, or the `else` of the same one) are silent and the others checked; where the input is chosen by the "
            'same setting (a sigmoid under `if args.loss == "BCE":`), the paths meet with no one '
            "activation and nothing is reported. The same holds for a truth test of a setting (`if "
            "conf.label_smoothing: LabelSmoothing() else: nn.CrossEntropyLoss()`, named `when not "
            "conf.label_smoothing`), for an option that is a loss written by hand next to a torch loss (its "
            "`forward` runs on the call's arguments; a call whose input is an activation the calling function "
            "applied itself is then silent, since the hand-written option may take probabilities), and for a loss factory whose `if`/`elif` branches each "
            "return a criterion and which raises otherwise (`if name in ours: return ours[name]() elif name "
            "in theirs: return theirs[name]()`); a table `{c.__name__.lower(): c for c in [...]}` over a "
            "list of classes is read by name. The options may be loss functions too (`return "
            'F.binary_cross_entropy, "bce"` by `task == "binary_classification"`, the chain ending in `else: '
            "raise`, each branch returning a tuple that is unpacked): the finding then names a task the "
            "program supports, even where that task is never configured in the code checked. A Hugging Face "
            "model built by `from_pretrained` of a `transformers` class with a task head (`AutoModelForSequenceClassification`, "
            "`*ForTokenClassification`, `*ForMultipleChoice`, `*ForCausalLM`, `*LMHeadModel`) gives raw scores in `outputs.logits` "
            '(`outputs["logits"]`, `outputs.get("logits")`, `outputs[0]` only where no labels were passed): a model whose head '
            "the code replaced after loading (`model.classifier = nn.Sequential(..., nn.Sigmoid())`) would misfire, as would "
            "a custom checkpoint whose remote code applies an activation. A class of the checked code deriving from one of "
            "them is followed as that code, and `return_dict=`/`torchscript=` leave the model unknown. A `Trainer` subclass's "
            "`compute_loss` is judged with the model only where the checked code builds that subclass with it "
            "(`MyTrainer(model=model, ...)`). Also reported (round 30): raw scores (a linear, convolutional or normalisation "
            "layer's output) through an activation whose numbers leave [0, 1] (`F.relu`, `nn.ReLU`, `F.softplus`: above 1; "
            "`torch.tanh`, `nn.Tanh`: below 0; `F.leaky_relu`, `nn.ELU`, `F.gelu`, `nn.SiLU`, ...: both), only reshaped, "
            "moved, indexed, passed through dropout, or concatenated with others like it since (a generator whose last "
            "block is `F.relu(self.bn(self.conv(x)))`, a VAE decoder ending in `torch.tanh(self.fc4(h))`). An activation "
            "of anything else (`relu(tanh(x))`, `relu(margin - distance)`, an unknown value) is silent, since it may stay "
            "in [0, 1], and so is `nn.Hardtanh` (its bounds are arguments); so is any arithmetic on the output "
            "(`(torch.tanh(s) + 1) / 2`), a clamp (also in place, also through `.data`), a store into part of it "
            "(`h[h > 1] = 1`), and a concatenation with a tensor not so marked."
        ),
        fix_safety="unsafe",
        fix_safety_note=(
            "Only `F.binary_cross_entropy(logits, y)` is rewritten, to "
            "`F.binary_cross_entropy_with_logits(logits, y)`; a BCELoss module may serve other inputs "
            "and is left to you. The loss value changes (that is the point)."
        ),
        references=(_BCE_DOC, _BCEL_DOC),
    ),
    Problem(
        code="LG003",
        name="double-sigmoid",
        summary="Sigmoid output is passed as the input of BCEWithLogitsLoss (or MultiLabelSoftMarginLoss).",
        why=(
            "BCEWithLogitsLoss applies the sigmoid itself. Passing probabilities applies it twice: "
            "the effective predictions are squashed into [0.5, 0.73], the loss can never approach "
            "zero and gradients are tiny, so the model trains badly without any error. "
            "MultiLabelSoftMarginLoss is the same binary cross-entropy on logits, averaged over the "
            "classes, and takes logits too; softmax probabilities are as wrong for either."
        ),
        fix="Pass the raw logits to BCEWithLogitsLoss, or keep the sigmoid and use BCELoss (less stable).",
        example="""
import torch
import torch.nn.functional as F

probs = torch.sigmoid(model(x))
loss = F.binary_cross_entropy_with_logits(probs, y)
""",
        use_instead="""
import torch.nn.functional as F

logits = model(x)
loss = F.binary_cross_entropy_with_logits(logits, y)
""",
        misfires=(
            "Reported only when the sigmoid can be followed to the loss input with certainty; a sigmoid in only one branch is not reported. "
            "A segmentation_models_pytorch model built with activation='sigmoid' counts as ending in a sigmoid, as it does since smp "
            "0.1.0; code written for smp 0.0.x, which applied the activation only in model.predict, is reported as for today's releases. "
            "PyTorch Geometric's GAE/VGAE built with the encoder alone decode with InnerProductDecoder's default sigmoid "
            "(`model.decode(z, edge_index)`); a model built with a decoder of the code's own is not followed. A difference of two "
            "sigmoid outputs (a relativistic GAN's `D(real) - torch.mean(D(fake))` with a discriminator ending in a sigmoid) "
            "is reported too: numbers in [-1, 1] are no logits, and the fix is the same (drop the sigmoid); no automatic fix."
        ),
        fix_safety="unsafe",
        fix_safety_note="Only an inline sigmoid call that is the loss argument is removed; the loss value changes.",
        references=(_BCEL_DOC,),
    ),
    Problem(
        code="LG004",
        name="integer-bce-target",
        summary="An integer tensor is passed as the target of a binary cross-entropy loss.",
        why=(
            "BCELoss and BCEWithLogitsLoss need a floating-point target of the same dtype as the "
            "input. An integer (long) target raises `RuntimeError: result type Float can't be cast "
            "to the desired output type Long` (or a similar dtype error) at the first step."
        ),
        fix="Convert the target to float: `target.float()` (or `.to(logits.dtype)`).",
        example="""
import torch
import torch.nn as nn

labels = torch.tensor(batch["label"], dtype=torch.long)
loss = nn.BCEWithLogitsLoss()(logits, labels)
""",
        use_instead="""
import torch
import torch.nn as nn

labels = torch.tensor(batch["label"], dtype=torch.float32)
loss = nn.BCEWithLogitsLoss()(logits, labels)
""",
        misfires=(
            "Reported only when the integer dtype is certain: an explicit integer dtype, `.long()`, "
            "`.int()`, `argmax`, `randint`, `torch.full` with an integer fill value and the like. "
            "Targets read from a data loader are reported only where its batches are known: a "
            "`TensorDataset` of tensors whose dtype the code shows, or a dataset class of the checked "
            "code whose `__getitem__` builds the target with one (also as the batch a Lightning "
            "trainer's `fit` runs `training_step` on, given that loader or a data module whose "
            "`train_dataloader()` returns it), or pixels read by `torchvision.io.read_image` "
            "(`uint8`), or the batches a plain `collate_fn` function of the checked code returns for a list of "
            "those rows (`zip(*batch)` then `torch.stack`, or a loop building `torch.tensor(labels, dtype=...)`); any "
            "other loader (a lambda, a method or a `partial` as `collate_fn`, a third-party dataset) leaves "
            "the dtype unknown and the rule silent. `.to(device, "
            "torch.long)` gives the dtype passed after the device. An in-place refill keeps the dtype "
            "(`torch.LongTensor(n).random_(2)`, `.fill_(1)`, `.zero_()`: still integer). A boolean "
            "target (a comparison such as `labels.eq(labels.t())` or `y > 0`) fails the same way "
            "(`Found dtype Bool but expected Float`) and is reported as well."
            " A loss call in a branch that the object it runs in never takes for its mode (`if self.mode == Mode.BINARY:` or `== \"binary\"`, a setting its construction left or wrote, a string, number or project `Enum` member) is not judged with that call's values: that path is another object's, for other data (round 32). An object built with no arguments (`losses.CrossEntropyLoss()` in a test) has the class's default mode (round 33); only a class analysed alone, which no code builds, is judged in every branch."
        ),
        fix_safety="safe",
        fix_safety_note="Appending `.float()` only converts the dtype the loss requires.",
        references=(_BCE_DOC, _BCEL_DOC),
    ),
    Problem(
        code="LG005",
        name="shape-mismatch",
        summary="The prediction and target shapes do not match what the loss expects.",
        why=(
            "Element-wise losses (MSE, L1, smooth L1, Huber) broadcast their inputs: an (N, 1) "
            "prediction against an (N,) target becomes an (N, N) matrix of every pair, the loss is "
            "silently wrong and the model learns the mean. torch only prints a UserWarning. The BCE "
            "losses raise a ValueError on any size difference today (older torch warned and broadcast). "
            "CrossEntropyLoss needs an (N,) class-index target for an (N, C) input: an (N, 1) target "
            "raises an error or, for spatial inputs, trains on the wrong axes."
        ),
        fix=(
            "Make both sides the same shape: `pred.squeeze(-1)` or `target.view(-1, 1)` for "
            "element-wise losses; `target.squeeze(1)` or `target.view(-1)` for class indices."
        ),
        example="""
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(64, 1)
pred = head(h)                 # shape (N, 1)
target = batch_y.view(-1)      # shape (N,)
loss = F.mse_loss(pred, target)
""",
        use_instead="""
import torch.nn as nn
import torch.nn.functional as F

head = nn.Linear(64, 1)
pred = head(h).squeeze(-1)     # shape (N,)
target = batch_y.view(-1)      # shape (N,)
loss = F.mse_loss(pred, target)
""",
        misfires=(
            "Shapes are known only from literal constructors (`torch.randn(32, 1)`, sizes such as "
            "`x.size(0)` and sums of them), `nn.Linear` output sizes through models and `nn.Sequential`, "
            "element-wise arithmetic and functions (`(torch.tanh(x) + 1) / 2`, `F.relu`) and `@`, slicing, "
            "the usual reshapes (`view`, `reshape`, `squeeze`, "
            "`unsqueeze`, `flatten`), `torch.cat` / `torch.stack`, `torch.tensor` of a list of known "
            "length (`[1] * batch_size`) or of a list comprehension of one number literal per item "
            "(`[1 for _ in range(n)]`, 1-dimensional), numpy arrays of literal sizes (`np.random.rand(64, 1)`, "
            "`np.zeros(64)`, `np.random.normal(mu, sigma, (1, n))`) taken over by `torch.from_numpy`, "
            "`torch.tensor` or `torch.Tensor`, reductions over literal axes (`x.mean(1, keepdim=True)`), "
            "`x.t()`, `torch.ones(x.size())`, arithmetic with a number read out of a tensor (`x.item()`), and "
            "the batches of a `DataLoader` over a `TensorDataset` built in the code (of size 1 when `batch_size` is 1, "
            "unknown otherwise), `np.array` of a literal list of numbers or of a comprehension of one number per item "
            "(`np.array([int(v) for v in column])`, `list(map(float, fields))`, 1-dimensional). When either shape is unknown (a label from a custom dataset, a size only known "
            "at run time) nothing is reported, nor past `assert pred.shape == target.shape` where the "
            "inferred shapes differ (the code checked them equal). A linear output of size 1 against a 1-dimensional target "
            "is reported even when the batch size is unknown: both the batched and the unbatched case "
            "broadcast wrongly unless the batch is 1. A shape that only adds leading axes of size 1 "
            "(`(1, 1)` against `(1,)`) pairs the same numbers and is not reported for MSE / L1 / "
            "Huber; BCE losses raise on it and it is reported for them, as they raise on a 0-dim side against a "
            "side of one axis or more (`out.squeeze()` of a batch of one, `()` against `(1,)`), which the other "
            "element-wise losses broadcast and which is not reported for them. A convolution (`nn.Conv1d`/`2d`/`3d` and "
            "their transposes) gives its input's batch axis, its `out_channels` and spatial axes of sizes not followed, "
            "and `torch.FloatTensor(n)` of an integer is a size: a discriminator's `(N, 1, 1, 1)` map against `(N,)` "
            "labels differs in rank, which BCE losses refuse whatever the sizes, and is reported for them (for MSE the "
            "unknown spatial sizes leave it silent). A model whose rank the checker gets wrong would misfire here; "
            "`nn.Flatten` with another span than its default or `start_dim=0` leaves the shape unknown, and so does an in-place "
            "reshape (`x.resize_(...)`, `x.unsqueeze_(0)`), also through `.data` (`buf.data.resize_(images.size())`, which in "
            "torch 0.3 resized the Variable itself): its new axes are not followed, except for `resize_` with every size "
            "written (`label.data.resize_(batch_size)` gives `(N,)`); a resize to sizes read from another tensor "
            "(`resize_(images.size())`) goes unreported. "
            "A Hugging Face sequence classifier's `logits` are `(N, num_labels)` with the literal `num_labels=` given to "
            "`from_pretrained` (unknown without it, or when a `config=` sets it): `num_labels=1` logits against `(N,)` "
            "float targets in a BCE loss are reported; a `config.num_labels` changed after the model was built is not followed."
            " A loss call in a branch that the object it runs in never takes for its mode (`if self.mode == Mode.BINARY:` "
            'or `== "binary"`; an object built with no arguments has the class\'s default mode, round 33) is not judged with that '
            "call's shapes: that path is another object's, for other data (round 32). "
            "A model chosen by a setting (`if toy: D = DenseD() else: D = ConvD()`) gives the shape its options agree on: "
            "the same rank keeps that rank, with the sizes they share (`(?, 1)` and `(?, ?)` give `(?, ?)`, a matrix "
            "against a `(N,)` label vector in a BCE loss is reported); options of different ranks leave the shape unknown. "
            "Where one operand's shape is not known (round 37: rewards from a replay buffer, a discount factor not "
            "followed), arithmetic keeps only the other's trailing sizes that are not 1: a literal, a name, or the "
            "unknown length of a vector, presumed above 1 (a batch); so a DQN's gathered `(N, 1)` Q-values against "
            "`gamma * next_q.max(1)[0] + rewards`, which ends in `N` whatever the rewards' rank, are reported, and a "
            "discount of unknown kind times an `(N, 1)` column leaves its last size unknown (it may be a tensor of another shape). "
            "`x.gather(dim, index)` has the index's shape; `unsqueeze(-1)` and `keepdim=True` over the last axis give a "
            "last axis of 1 to a tensor of any shape; `nn.Sequential(*(block for _ in range(n)))` keeps its input's shape "
            "only where the block does. A vector against such a shape whose axis before the last is the vector's own "
            "length (the same name or literal: squeezed `(B,)` Q-values against `(..., B, ?)`) is reported: it repeats "
            "down those rows; against `(..., N, D)` with another length (one target vector for every row) it is not. "
            "An `(N, 1)` column is reported against such a shape only when its last axis is that unknown length of a "
            "vector: a last axis named by a variable (`nn.Linear(n_features, n_features)` with `n_features` read from "
            "the data) may be 1, and a column target says it is (round 38)."
        ),
        fix_safety="none",
        references=("https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html", _CE_DOC),
    ),
    Problem(
        code="LG007",
        name="nll-without-log-softmax",
        summary="The input of NLLLoss is not log-probabilities.",
        why=(
            "NLLLoss only picks `-input[target]`: it expects log-probabilities from log_softmax. "
            "Given raw logits it is unbounded below and the model drives it to minus infinity; "
            "given softmax probabilities it optimises the wrong objective with tiny gradients."
        ),
        fix="Apply `log_softmax(dim=1)` before NLLLoss, or pass the logits to CrossEntropyLoss instead.",
        example="""
import torch.nn as nn
import torch.nn.functional as F

model = nn.Linear(128, 10)
logits = model(x)
loss = F.nll_loss(logits, y)
""",
        use_instead="""
import torch.nn as nn
import torch.nn.functional as F

model = nn.Linear(128, 10)
logits = model(x)
loss = F.nll_loss(F.log_softmax(logits, dim=1), y)  # or F.cross_entropy(logits, y)
""",
        misfires=(
            "Reported only when the input is known to be logits (linear output), probabilities "
            "(softmax output), or the output of a rectifier (relu, relu6, softplus: numbers at least 0, where "
            "log-probabilities are at most 0), also once average-pooled, flattened or passed through dropout. Inputs of "
            "unknown origin are never reported, nor the output of an activation that can go below 0 (leaky_relu, elu, "
            "tanh), though it is no log-probability either. A model chosen among several is reported when none of them "
            "gives log-probabilities (some ending in a linear layer, others in a rectifier), not when one of them may." + _NORMAL_DRAWS
        ),
        fix_safety="none",
        references=(_NLL_DOC,),
    ),
    Problem(
        code="LG008",
        name="kldiv-input-not-log",
        summary=(
            "KLDivLoss gets probabilities as its input, log-probabilities as a target without log_target=True, "
            "or probabilities as a target with log_target=True."
        ),
        why=(
            "KLDivLoss expects its input in log space and its target as probabilities. With "
            "probabilities as input it computes `target * (log(target) - input)`, which is not a "
            "divergence at all and can become negative; a log-space target without "
            "`log_target=True` is treated as probabilities and gives nonsense. With `log_target=True` "
            "a target of probabilities is read as log-probabilities: the loss `exp(target) * (target - input)` "
            "is smallest where the input is `log_softmax(target)`, so the model learns `softmax(target)`, "
            "squeezed towards uniform, instead of the target."
        ),
        fix=(
            "Pass `log_softmax(student, dim=-1)` as the input and `softmax(teacher, dim=-1)` as the "
            "target, or pass both as log-probabilities with `log_target=True`."
        ),
        example="""
import torch.nn as nn
import torch.nn.functional as F

kl = nn.KLDivLoss(reduction="batchmean")
loss = kl(F.softmax(student_logits, dim=-1), F.softmax(teacher_logits, dim=-1))
""",
        use_instead="""
import torch.nn as nn
import torch.nn.functional as F

kl = nn.KLDivLoss(reduction="batchmean")
loss = kl(F.log_softmax(student_logits, dim=-1), F.softmax(teacher_logits, dim=-1))
""",
        misfires=(
            "Reported only when a softmax / log_softmax can be followed to the argument with certainty. "
            "The mean of softmax probabilities over an axis (`probs.mean(0)`, `torch.mean(probs, dim=0)`: "
            "the average distribution of a batch) is taken as probabilities; a sum is not."
            " `Categorical(...).log_prob(actions)` is a log-probability whatever the distribution was built from; "
            "other distributions' `log_prob` is not followed. With `log_target=True`, a target is reported as "
            "probabilities only when it is a softmax's or a sigmoid's output, or a pair written "
            "`torch.stack([1 - p, p])` (either order, the same expression `p`: one of the two is at least 0.5, "
            "which no log-probability is); a distribution built any other way (`torch.cat`, label smoothing by hand) "
            "is not recognised."
        ),
        fix_safety="none",
        references=(_KL_DOC,),
    ),
    Problem(
        code="LG009",
        name="kldiv-reduction-mean",
        summary="KLDivLoss or F.kl_div uses reduction='mean' (the default), which is not the KL divergence.",
        why=(
            "With reduction='mean' the summed divergence is divided by the number of elements, "
            "batch size times number of classes, not by the batch size. The loss is too small by a "
            "factor of C, which silently rescales its weight against other loss terms (for example "
            "in distillation). PyTorch itself warns that 'mean' does not return the true KL."
        ),
        fix="Use `reduction='batchmean'`.",
        example="""
import torch.nn as nn
import torch.nn.functional as F

kl = nn.KLDivLoss()
loss = kl(F.log_softmax(s / T, dim=1), F.softmax(t / T, dim=1)) * T * T
""",
        use_instead="""
import torch.nn as nn
import torch.nn.functional as F

kl = nn.KLDivLoss(reduction="batchmean")
loss = kl(F.log_softmax(s / T, dim=1), F.softmax(t / T, dim=1)) * T * T
""",
        misfires=(
            "Code that deliberately wants the per-element mean is reported too; suppress the line with "
            "`# lossguard: ignore[LG009]` there. A mean multiplied back by the size of a dimension other "
            "than the batch's where it is computed (`loss = F.kl_div(p, q, reduction='mean'); loss *= "
            "q.size(1)`, the batch mean for an `(N, C)` input) is silent. A class deriving from `nn.KLDivLoss` builds "
            "its parent in `super().__init__(...)`: the reduction written there (none, so 'mean') is read and reported "
            "at that call. A reduction that is a parameter of the enclosing function or class (`nn.KLDivLoss(reduction="
            "reduction)` in `__init__(self, reduction='mean')`) is reported only where a call of the checked code builds "
            "or calls it writing 'mean' for it, with no `*args`/`**kwargs`; a class or function no checked code calls, "
            "a call that leaves the parameter at a 'mean' default, or one that passes another reduction or a setting, "
            "is silent (the default is the wrapper's author's, as a library's is). A reduction held on `self` "
            "(`reduction=self.reduction`) is not followed."
        ),
        severity="warning",
        fix_safety="unsafe",
        fix_safety_note="'batchmean' changes the loss value by a factor of the number of classes.",
        references=(_KL_DOC,),
    ),
    Problem(
        code="LG010",
        name="deprecated-reduction-args",
        summary="A loss is built with the deprecated size_average= or reduce= arguments.",
        why=(
            "`size_average` and `reduce` have been deprecated since PyTorch 0.4 in favour of "
            "`reduction`. Their combination is easy to get wrong (reduce=False overrides "
            "size_average), either of them overrides a `reduction=` written beside it "
            "(`BCEWithLogitsLoss(size_average=True, reduction='none')` is the mean, not the per-element map), "
            "and every call prints a deprecation warning."
        ),
        fix=("Use `reduction=`: reduce=False gives 'none'; otherwise size_average=False gives 'sum' and the defaults give 'mean'."),
        example="""
import torch.nn as nn

criterion = nn.MSELoss(size_average=False)
""",
        use_instead="""
import torch.nn as nn

criterion = nn.MSELoss(reduction="sum")
""",
        misfires=(
            "Only calls that resolve to torch loss classes or functions, with size_average= or "
            "reduce= given a literal True/False (or 0/1), are reported. `None` (today's default) "
            "and values forwarded from a wrapper's own parameters are not, unless that parameter "
            "defaults to a literal flag and is never rebound (every call that keeps the default "
            "passes it), also when `__init__` stores it in `self.<name>` and no method assigns that "
            "again (`size_average=self.size_average`), or when every assignment of that attribute in the class's "
            "methods writes a literal flag (`True` in `__init__`, `False` for some networks). A legacy flag assigned to a loss module after it is made "
            "(`loss_fn = nn.CrossEntropyLoss(weight=w)`, then `loss_fn.size_average = False`) has no effect, since "
            "torch reads the reduction the constructor fixed; it is reported where the module is one name of the "
            "same function or module, or `self.<name>` of the same class, bound once there (silent for a name bound "
            "again, which may hold a loss class of the checked code that reads its own flag). Setting `.reduction` "
            "afterwards does take effect and is not reported."
            " A flag read from a setting that bears the argument's own name "
            "(`size_average=cfg.model.size_average`, `reduce=args.reduce`; not `self.<name>`) is reported "
            "whatever the setting holds, unless the checker knows it holds `None`: keeping such a setting to hand "
            "to torch is the deprecated use; a setting under another name (`size_average=cfg.average`) stays "
            "silent. A string written for a flag (`reduce='sum'`, the new argument's value under the old name) "
            "is reported with the reduction the loss really gets: torch reads any flag that is not None as True, "
            "so the loss is averaged; no fix is offered there, as writing the reduction the string names changes "
            "the loss's value."
        ),
        severity="warning",
        fix_safety="safe",
        fix_safety_note="The rewrite uses the same mapping torch applies internally.",
        references=(_REDUCTION_DOC,),
    ),
    Problem(
        code="LG011",
        name="softmax-without-dim",
        summary="softmax / log_softmax / nn.Softmax is called without dim=.",
        why=(
            "`F.softmax(x)`, `F.log_softmax(x)`, `F.softmin(x)` and the layers `nn.Softmax()`, "
            "`nn.LogSoftmax()`, `nn.Softmin()` without `dim` guess the axis from the number of "
            "dimensions (dim 0 for 0-, 1- and 3-dimensional inputs, else dim 1) and warn "
            '"Implicit dimension choice for softmax has been deprecated". For a 3-dimensional '
            "(N, L, C) tensor they normalise over the batch. `torch.softmax(x)` and "
            "`torch.log_softmax(x)` (and `torch.special`'s) have no implicit choice: without `dim` "
            'they raise `TypeError: softmax() missing 1 required positional arguments: "dim"` '
            "(torch 2.13)."
        ),
        fix="Always pass the axis explicitly, usually `dim=-1` (or `dim=1` for (N, C, ...) tensors).",
        example="""
import torch.nn.functional as F

probs = F.softmax(logits)
""",
        use_instead="""
import torch.nn.functional as F

probs = F.softmax(logits, dim=-1)
""",
        misfires=(
            "None known: the call either names the axis or it does not. Calls with `*args` or "
            "`**kwargs` are assumed to pass it. Tensor methods (`x.softmax()`, which also raise "
            "without dim) are not checked. `dim=None` written out is reported, except as a second "
            "positional argument (`F.softmax(x, None)`) in a file that mentions no loss: the text "
            "prefilter takes any second argument for an axis and skips the file."
        ),
        severity="warning",
        severity_note="`torch.softmax(x)` / `torch.log_softmax(x)` without dim raise a TypeError and are reported as errors.",
        fix_safety="safe",
        fix_safety_note=(
            "The fix writes the axis torch picks implicitly, and only when the input's rank is known; "
            "nn.Softmax() layers and `torch.softmax(x)` (which raises instead of picking an axis) are "
            "not fixed."
        ),
        references=(_SOFTMAX_DOC,),
    ),
    Problem(
        code="LG012",
        name="ctc-input-not-log-probs",
        summary="The input of CTCLoss is not log_softmax output.",
        why=(
            "CTCLoss expects (T, N, C) log-probabilities over the classes. Raw logits or softmax "
            "probabilities make the loss meaningless: it can go negative or to infinity and the "
            "model does not learn the alignment."
        ),
        fix="Apply `log_softmax(dim=2)` (the class axis) to the (T, N, C) output before CTCLoss.",
        example="""
import torch.nn as nn

ctc = nn.CTCLoss()
probs = model(audio).softmax(dim=2)
loss = ctc(probs, targets, input_lengths, target_lengths)
""",
        use_instead="""
import torch.nn as nn

ctc = nn.CTCLoss()
log_probs = model(audio).log_softmax(dim=2)
loss = ctc(log_probs, targets, input_lengths, target_lengths)
""",
        misfires="Reported only when the input is known to be logits or softmax probabilities." + _NORMAL_DRAWS,
        fix_safety="none",
        references=(_CTC_DOC,),
    ),
    Problem(
        code="LG013",
        name="class-target-dtype",
        summary="CrossEntropyLoss / NLLLoss gets a floating-point target of class indices.",
        why=(
            "A class-index target must be int64. A float target of shape (N,) raises "
            "`expected scalar type Long but found Float`; CrossEntropyLoss treats a float target "
            "of the input's shape as class probabilities, which is only right for soft labels."
        ),
        fix="Convert class indices with `.long()`; keep float targets only for soft labels of shape (N, C).",
        example="""
import torch
import torch.nn.functional as F

labels = torch.zeros(len(batch))  # float32 by default
for i, item in enumerate(batch):
    labels[i] = item["label"]
loss = F.cross_entropy(logits, labels)
""",
        use_instead="""
import torch
import torch.nn.functional as F

labels = torch.zeros(len(batch), dtype=torch.long)
for i, item in enumerate(batch):
    labels[i] = item["label"]
loss = F.cross_entropy(logits, labels)
""",
        misfires=(
            "Reported only when the target is certainly floating-point and certainly not a soft "
            "label of the input's shape (a known rank-1 target, a target of one axis less than the input, "
            "a (N, 1) target against several classes, or an NLLLoss target). A float is certain where the "
            "code made it one: a float constructor or `.float()`, `dtype=`, or NumPy's `loadtxt` / "
            "`genfromtxt`, which read float64 unless told another dtype (a `dtype=` it cannot name leaves "
            "the target unknown)."
        ),
        fix_safety="unsafe",
        fix_safety_note="Appending .long() truncates non-integer values; check that the floats are whole class indices.",
        references=(_CE_DOC, _NLL_DOC),
    ),
    Problem(
        code="LG016",
        name="sigmoid-then-bceloss",
        summary="An explicit sigmoid is applied right before BCELoss.",
        why=(
            "sigmoid followed by BCELoss is mathematically right but numerically fragile: for large "
            "logits the sigmoid rounds to exactly 0 or 1 and log(0) is clamped, so gradients vanish "
            "or the loss saturates. BCEWithLogitsLoss fuses both with the log-sum-exp trick. The loss "
            "is correct, so this is a suggestion: reported as info, it does not fail the run."
        ),
        fix="Drop the sigmoid and use BCEWithLogitsLoss (F.binary_cross_entropy_with_logits) on the logits.",
        example="""
import torch
import torch.nn.functional as F

probs = torch.sigmoid(logits)
loss = F.binary_cross_entropy(probs, targets)
""",
        use_instead="""
import torch.nn.functional as F

loss = F.binary_cross_entropy_with_logits(logits, targets)
""",
        misfires=(
            "A model that must output probabilities (for example one exported for inference) still "
            "trains better with the fused loss; suppress the line if the sigmoid must stay. Only a "
            "sigmoid written in the same function as the loss is reported; a model whose forward "
            "ends in a sigmoid is a design choice and is not."
        ),
        severity="info",
        fix_safety="safe",
        fix_safety_note="Rewrites `F.binary_cross_entropy(torch.sigmoid(x), y)` to `F.binary_cross_entropy_with_logits(x, y)`, which computes the same value more accurately; BCELoss modules are not rewritten.",
        references=(_BCEL_DOC,),
    ),
)
