"""Problems detected while watching a training run (LG101-LG199)."""

from __future__ import annotations

from lossguard.catalog import Problem

PROBLEMS: tuple[Problem, ...] = (
    Problem(
        code="LG101",
        name="nan-loss",
        summary="The loss, or a gradient, became NaN or infinite.",
        why=(
            "Once a NaN reaches the parameters every later step is NaN too: the run is lost. It "
            "usually comes from exploding gradients, a learning rate that is too high, numerical "
            "overflow (exp of a large value, log of zero), or probabilities fed to a loss that "
            "expects logits."
        ),
        fix=(
            "Clip the gradients (`torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)`), lower "
            "the learning rate, and feed logits to the loss (CrossEntropyLoss, BCEWithLogitsLoss) "
            "instead of softmax or sigmoid outputs."
        ),
        example="loss = criterion(model(x), y)  # loss becomes nan at step 412",
        use_instead="torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)",
        misfires="Steps that a GradScaler skips because of fp16 overflow are expected and not reported.",
    ),
    Problem(
        code="LG102",
        name="loss-spike",
        summary="The loss jumped far above its recent values.",
        why="A sudden jump usually means the learning rate is too large for the current region of the loss surface, or a corrupted batch.",
        fix="Lower the learning rate or add a warm-up / decay schedule; inspect the batch of that step.",
        example="loss: 0.41 0.39 0.40 7.9  <- spike",
        use_instead="scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-3, total_steps=n)",
        misfires="Very noisy small-batch training can produce isolated outliers; the threshold is a z-score over a window.",
        severity="warning",
    ),
    Problem(
        code="LG103",
        name="loss-plateau",
        summary="The loss has stopped decreasing while still far from its best possible value.",
        why="A flat loss early in training means the model is not learning: a learning rate that is too small, or vanishing gradients.",
        fix="Raise the learning rate; add BatchNorm layers; check that gradients reach the early layers.",
        example="loss: 2.302 2.302 2.302 2.302 ...",
        use_instead="optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)",
        misfires="A converged loss is also flat; the detector only reports a plateau that is not a converged minimum.",
        severity="warning",
    ),
    Problem(
        code="LG104",
        name="loss-oscillation",
        summary="The loss keeps going up and down without a downward trend.",
        why="Persistent oscillation means the updates overshoot or the gradient estimate is too noisy.",
        fix="Increase the batch size; lower the learning rate.",
        example="loss: 1.2 0.4 1.3 0.5 1.2 0.4 ...",
        use_instead="loader = DataLoader(dataset, batch_size=128, shuffle=True)",
        misfires="Small-batch noise around a downward trend is healthy and is not reported.",
        severity="warning",
    ),
    Problem(
        code="LG105",
        name="vanishing-gradients",
        summary="The gradients of the first layers are vanishingly small compared with the last layers.",
        why="When the early layers receive no gradient they stop learning; deep sigmoid/tanh stacks and detached graphs cause it.",
        fix="Add BatchNorm layers or residual connections, use ReLU-like activations, and check for detached graphs.",
        example="first-layer grad norm 1e-9, last-layer 1e-1",
        use_instead="nn.Sequential(nn.Linear(d, d), nn.BatchNorm1d(d), nn.ReLU())",
        misfires="Frozen or unused parameters have no gradient and are ignored.",
        severity="warning",
    ),
    Problem(
        code="LG106",
        name="exploding-gradients",
        summary="The total gradient norm grew far beyond its usual range.",
        why="Exploding gradients make updates huge; the loss spikes and soon becomes NaN.",
        fix="Clip the gradient norm and lower the learning rate.",
        example="grad norm: 1.2 1.1 1.3 8400.0",
        use_instead="torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)",
        misfires="AMP GradScaler's scaled gradients are read unscaled; skipped overflow steps are not reported.",
    ),
)
