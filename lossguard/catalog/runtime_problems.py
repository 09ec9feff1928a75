"""Problems detected while watching a training run (LG101-LG199)."""

from __future__ import annotations

from lossguard.catalog import Problem
from lossguard.catalog.update_sizes import CALM_UPDATE, HEALTHY_BAND, HEALTHY_UPDATE, SLOWEST_UPDATE

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
        misfires=(
            "Never on GradScaler's skipped overflow steps: gradients are read only when the optimizer"
            " really steps, after unscaling. The watcher names the first non-finite tensor it can "
            "see: the target, the model output (the loss input), a parameter, or the gradient of a "
            "parameter; the input batch when the model output and the target are both non-finite while the "
            "parameters were finite (a teacher's scores of a NaN image, an autoencoder's target); the term of a "
            "criterion's dict of losses that is non-finite while its other trained terms are not (read on the host "
            "only: on a GPU, or in several processes, the loss is named, its inputs unseen); an entry of a dict of model outputs holding NaN when the criterion raises on it (DETR's matcher); "
            "an inf gradient with a finite loss (which detect_anomaly misses) is reported "
            "too. A criterion called with keywords only (loss_function(preds=out, labels=adj, ...)) is read by its "
            "signature: the arguments filling its first two parameters are its input and target. One report per episode: after 20 finite steps a new NaN is reported again. When the "
            "loss's own inputs are unseen (observe()) or the loss overflowed, the fix is about the data "
            "and the loss's form; after a measured update that moved the last layer by more than its "
            "norm it names the learning rate first, so a tiny-initialised head (not a zero one) whose first "
            "update is that large gets the rate named as well."
        ),
    ),
    Problem(
        code="LG102",
        name="loss-spike",
        summary="The loss jumped far above its recent values.",
        why="A sudden jump usually means the learning rate is too large for the current region of the loss surface, or a corrupted batch.",
        fix="Lower the learning rate or add a warm-up / decay schedule; inspect the batch of that step.",
        example="loss: 0.41 0.39 0.40 7.9  <- spike",
        use_instead="scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-3, total_steps=n)",
        misfires=(
            "The threshold is a robust z-score over the last 64 steps, on log(loss) for a positive "
            "loss: the loss must exceed the median of the last 8 steps by 8 noise units (noise = MAD "
            "of step-to-step changes), be at least twice that median, at least 0.2 times the first "
            "losses above it, and 1.5 times the highest loss of the window, after 16 steps; any loss "
            "10 times the first one counts from the start (in the first 16 steps it waits for the next "
            "loss, since Adam's first update can overshoot once and recover, unless an earlier update moved "
            "the last dense layer by more than its own norm: then it is reported at once, and an overshoot "
            "after an update that large that recovers at the next step is reported too); so, in the first 16 steps, do 3 losses in a "
            "row at twice the first one or more while the last dense layer moves by more than 0.1 of "
            "its norm per step (an early divergence: a learning rate far too high whose loss a "
            "normalised model keeps under 10x; a model without a dense layer, or a hand-written update "
            "loop, gives this test no update size). Heavy-tailed small-batch noise, warm-up "
            "bumps, the bumps of a model that is just finding the task (an LSTM's batch loss briefly "
            "above chance) and the one-example jumps of a nearly memorised task (0.02 to 0.13) stay "
            "under it. A batch that is legitimately much harder than all recent ones (a curriculum "
            "change, a new data source) is reported; a real spike late in training that stays small in"
            " absolute terms (0.02 to 0.3 from a start of 2.3) is not. A loss that has gone below zero "
            "(a policy-gradient or actor-critic loss, about 0 at the start and of either sign) is not "
            "judged from then on: a spike of such a loss is not reported. The fix names the learning rate "
            "to lower to; for a jump within the first 16 steps it advises a smaller rate or a warm-up and "
            "a fresh start, since no checkpoint precedes the jump. A loss that fell under 1% of its first "
            "losses' median (a classifier right on every example) is a spike only at 1.5 times that median: "
            "the one hard batch of a converged run is not reported, nor damage that stays under that level. "
            "For an L-BFGS constructed without a line "
            'search the fix names line_search_fn="strong_wolfe" first. Inside the step() of an optimizer with a '
            "line search every evaluation of the closure is a step, and a jump there is held until a loss is "
            "back under the threshold (a trial the search backed off from: not reported) or 25 in a row "
            "jumped; a closure whose loss is stochastic (dropout) can hide a real jump behind a lower "
            "next evaluation. With a batch of one example (a criterion's single target, observe(examples=1), "
            "the Lightning plugin's batch) each loss is that example's: a jump is reported only when the next "
            "two losses jump too, and the early-divergence test is off, so a divergence there is found by the "
            "10x bound or later. A loss at an equilibrium (every checked batch's targets one value: a GAN's "
            "real/fake labels under BCE, or 1 or 0 under a least-squares MSE, or watch(adversarial=True)) is judged by the 10x "
            "bound alone, since it rises whenever the other network gains: a GAN whose learning rate is too high "
            "but whose loss stays under 10 times its first value is not reported by this test."
        ),
        severity="warning",
    ),
    Problem(
        code="LG103",
        name="loss-plateau",
        summary="The loss has stopped decreasing at the level of a model that has learnt nothing.",
        why="A loss that stays at its starting, chance level means the model is not learning: a learning rate that is too small, vanishing gradients, or a broken input pipeline.",
        fix="Raise the learning rate; add BatchNorm layers; check that gradients reach the early layers.",
        example="loss: 2.302 2.302 2.302 2.302 ...",
        use_instead="optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)",
        misfires=(
            "A converged loss is also flat: a plateau is reported only while the loss is within 10% "
            "of where it started (of chance, when it began at chance and then rose above it) and of its chance level (log C for cross-entropy over C classes, log"
            " 2 for binary cross-entropy, the target variance for MSE). A criterion of your own (a "
            "label-smoothing KL module, a contrastive loss) has no chance level known, and a loss that fell "
            "from its start to the level of the targets' frequencies and stays there is not reported: "
            "the annotated transformer's copy task with the targets of other sequences fell 34% in 60 steps "
            "and stayed, as a model that learns does at first. Flatness is a fitted trend "
            "over the last 30 to 300 optimizer steps whose optimistic end still lowers the loss by "
            "less than 2% (5% when the last layer's weights barely move), so noisy small-batch runs "
            "need more steps before they are called flat. 30 steps suffice only when the last "
            "layer's weights barely move (a learning rate far too small); while they move, 100 steps"
            " are needed, because a fresh model under Adam at 1e-4 can sit within 1% of chance for "
            "40 steps and then learn. So a broken pipeline (random labels) is reported after about "
            "100 steps, and a run that needs more than 100 steps to leave its chance level is "
            "reported as a plateau. While the learning rate is rising (a warm-up) nothing is judged "
            "until the evidence rules the warm-up out: once the median of the last 8 measured updates "
            f"of the last layer is {SLOWEST_UPDATE:g} of its norm or more (healthy training's size), the plateau test "
            "runs as without a warm-up; and a last layer moved by under 1e-8 of its norm at every "
            "measured step since the first, for 100 updated steps, is reported as a rate too small "
            "whatever the schedule (the fix names the base rate the schedule scales). A healthy model "
            "that sits at its start for 100 steps with updates of that size under a warm-up is "
            "reported, as it would be without one. Steps "
            "without an optimizer update (GradScaler skips, loops without a torch optimizer) do not "
            "count. A model that starts at its chance level from a checkpoint and truly cannot "
            "improve is reported. The fit ignores values more than 4 robust standard deviations from"
            " the window's median (an optimizer's first-step bump) and counts values above chance + 2%"
            " as chance + 2% (sinking from an overconfident start to chance is not learning). A "
            "binary cross-entropy whose target is one value per batch (a GAN discriminator's real and"
            " fake labels) is adversarial: its equilibrium is at chance by design and is not judged "
            "while its weights move; when they barely move it is (a recommender's positive and "
            "negative calls look the same). So is a loss declared adversarial (watch(adversarial=True): "
            "a GAN's generator or discriminator through observe; the Lightning plugin declares each "
            "optimizer's watcher so under manual optimization with several optimizers when a loss one "
            "optimizer steps ran another's network, and until the first step of each has shown whether "
            "it does, so a plateau of one of several coupled networks trained in turn is reported only "
            "when its weights barely move). Weights an optimizer moves by under 1e-5 of their norm "
            "per step (the median of the last layer's measured updates) are a plateau whatever the fit "
            "says, while the loss is within 10% of its start: batch losses that swing by half their "
            "level (large summed scores, small batches) hide no progress that weights this still could "
            "make. A hand-written update (no learning rate known) is left to the fit. "
            "The event's fix follows the evidence: weights that barely move (raise the learning "
            "rate), weights that move by over 0.1 of their norm per step, an earlier jump to 5x the "
            "first loss or 2x the chance level, or a first layer with zero gradient (lower it), little gradient in the first layer "
            "(BatchNorm; not in a model that has normalisation layers), or weights that move normally (check that the targets depend on the inputs); "
            "once LG001 said the input is already softmax output, the softmax (a cross-entropy of "
            "probabilities stays near chance while the model learns). "
            "A loss that has gone below zero (a policy-gradient or actor-critic loss) has no start or "
            "chance level to measure from and is not judged by its level from then on; it is reported "
            "only when every measured update of the last layer since the first step was under 1e-5 of "
            "its norm, for 30 updated steps, at a known learning rate that is not rising (a rate far too "
            "small: the weights never left their initialisation). A run whose first updates were "
            "larger is not, nor one resumed from a converged checkpoint under SGD whose gradients are "
            "already tiny (it is, wrongly, when its rate is known). "
            "A loss exactly 0 at each of its first 30 updated steps, with every measured gradient norm "
            "exactly 0 (at least 8), is reported as a loss that does not depend on the parameters (a "
            "cross-entropy over a class axis of size 1); a hinge loss whose every margin is met from the "
            "first step on is reported too (nothing is learnt from it either). A nonzero loss the same to "
            "the bit at 30 updated steps in a row after its first, with every gradient norm measured on "
            "them exactly 0 (at least 8), is reported as no gradient reaching the parameters (a ReLU on "
            "the logits with every logit below 0, a sigmoid saturated to exactly 0 or 1, dead units, a "
            "detach), with no learning-rate advice; a loss that does not depend on the parameters but "
            "still has a gradient measured, or that changes, is left to the fit. Weights that barely move "
            "while the first layer gets exactly zero gradient, after an earlier update that moved the last "
            "layer by more than its own norm, are taken for damage (the fix lowers the learning rate, as after "
            "a blow-up), even when the units died for another reason. "
            "Gradients cleared between backward() and step() are reported as LG017, not as a plateau. When "
            "layers are released mid-run (requires_grad set again on parameters the optimizer holds, or "
            "add_param_group), the fit starts again at the release: a plateau there is reported 100 steps later "
            "at the earliest; in a run of several processes a release is not followed."
        ),
        severity="warning",
    ),
    Problem(
        code="LG104",
        name="loss-oscillation",
        summary="The loss keeps swinging up and down periodically without a downward trend.",
        why="Persistent oscillation means the updates overshoot or the gradient estimate is too noisy.",
        fix="Increase the batch size; lower the learning rate.",
        example="loss: 1.2 0.4 1.3 0.5 1.2 0.4 ...",
        use_instead="loader = DataLoader(dataset, batch_size=128, shuffle=True)",
        misfires=(
            "Small-batch noise is spread over all frequencies and is not reported: over the last 32 "
            "steps at least 60% of the detrended variance must sit in one period of 2 to 16 steps, "
            "swinging by at least 10% of the loss, without a downward trend of more than 5% (unless "
            "the swing is four times larger), for 12 steps in a row. The swing must also matter on "
            "the run's scale (its first 32 losses, or the chance level when higher): the loss is "
            "still above half of it, or the swing is at least a quarter of it. A data loader that "
            "repeats a short, fixed sequence of batches makes the loss of a converged model periodic; "
            "that is silent when the model has fitted them (the loss far below its start) and when "
            "it converged at a moderate level with a per-batch spread small next to its start. A "
            "fixed sequence whose converged, periodic loss stays above half of the starting loss, or "
            "still swings by a quarter of it, is reported. A GAN discriminator (binary cross-entropy, "
            "one target value per batch) is not judged, nor a loss declared adversarial "
            "(watch(adversarial=True), the Lightning plugin's watcher per optimizer of coupled networks). The event's fix follows the period: every 2-3 "
            "steps is overshooting (lower the learning rate), slower is batch-to-batch variation "
            "(a larger batch, shuffled data). A swing every 2 steps whose two phases (every other step) "
            "do not rise, while the last layer's updates are small (median of its last 8 measured "
            f"|dW|/|W| below {HEALTHY_UPDATE:g}), is two alternating batches of different losses (two sentences "
            "trained in turn), not overshooting, and is silent; with updates of that size or more it "
            "is reported. A loss that has gone below zero (an actor-critic loss, "
            "whose size follows the episodes' length) is not judged from then on."
        ),
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
        misfires=(
            "The ratio compares the first and the last dense layer (Linear, Conv, RNN weights, in "
            "registration order), each gradient relative to its weights; the median of 10 "
            "measurements must be below 1e-3, the same must hold against the dense layer before the "
            "last (with three or more), and the ratio must not be recovering (later half of the "
            "window under 1.5 times the earlier half). A zero-initialised head makes every gradient "
            "below it tiny for a few steps; the body ratio and the recovery keep that silent. A first "
            "layer that gets exactly zero gradient (every ReLU below the head dead) counts as a ratio "
            "of 0. Frozen or unused parameters have no gradient and are ignored (a frozen backbone "
            "is silent); a layer whose gradient is zeroed but kept (zero_grad(set_to_none=False)) "
            "and unused for 10 measurements in a row is reported. A model that registers its head "
            "before its body swaps first and last, which can hide the problem but not invent it. The "
            "body test applies only while the head is small (weight norm per output unit under 0.05; "
            "torch's default init gives 0.58) or not measured: in a saturated network (tanh units "
            "saturated by a large init) the layer before the last is starved too, and first/last "
            "alone decides. The event's fix follows the evidence: exactly zero gradient means dead "
            "units (lower the learning rate; no advice to switch to ReLU), a ratio that was healthy and"
            " collapsed means an update broke the network (the factor read from the run's largest "
            f"update), unless every update stayed under {CALM_UPDATE:g} of the last layer's norm and the loss never "
            "doubled: then the fix points at the data (a loss that stopped depending on the inputs), "
            "not the learning rate; one that was healthy at its first "
            "measurement and gone within the first 10 means the first updates were too large (lower the "
            "learning rate or warm it up, and start again: no checkpoint precedes them); a collapse names "
            "the learning rate of the last healthy measurement when a schedule has lowered it since. A "
            "ratio small from the start with none of that evidence is not reported in a model that "
            "holds a normalisation layer (BatchNorm, LayerNorm, GroupNorm, RMSNorm): a transformer "
            "trained from scratch has its first dense layer, the attention's query projection, at about "
            "1e-5 of its head's share at init and learns; vanishing gradients from the start in such a "
            "model go unreported."
        ),
        severity="warning",
    ),
    Problem(
        code="LG106",
        name="exploding-gradients",
        summary="The total gradient norm grew far beyond its usual range, or each update is as large as the weights.",
        why="Exploding gradients, or a learning rate far too high, make updates huge: the loss spikes and soon becomes NaN, or wanders near chance level without learning.",
        fix="Lower the learning rate, add a warm-up, and clip the gradient norm.",
        example="grad norm: 1.2 1.1 1.3 8400.0",
        use_instead="torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)",
        misfires=(
            "Gradient norms are read at the optimizer step, after GradScaler unscales them; skipped "
            "overflow steps are not seen. Reported when the total norm is 20 times (or 6 noise units "
            "above) the 90th percentile of its last 50 measurements, or, from the first step, 1000 "
            "times the weight norm; a high percentile and a wide factor, because an LSTM's norms jump "
            "tenfold when it starts to learn and then vary tenfold from step to step. Norms are read every step for the first 16 steps, then every "
            "8th step (on the CPU in one process with the default read cadence, past step 1,024, while no loss rises above twice the highest loss of the last read, every 32nd; every "
            "8th again for 256 steps once one does or after any finding), so an explosion confined to one unmeasured step is left to LG102 and "
            "LG101, and one whose loss stays within that bound is seen up to 24 steps later on such a run. "
            "A jump of the norm that does not reach the weights is not reported: when the last dense "
            "layer's update at that step is within 3 times the median of its recent measurements and "
            "the step's loss is not above the median of the last 16 losses, the optimizer normalised "
            "the larger gradient (Adam, RMSprop) while the loss held or fell, as a network leaving a "
            "flat start or a saddle does. An explosion under such an optimizer that leaves both the "
            "update and the loss where they were is then left to LG102, LG101 and the absolute test; "
            "under SGD the update grows with the gradient, and a hand-written update (no measured "
            "update) is judged by the norm alone. The test against the weight norm likewise leaves out a step whose "
            "measured update moved the last dense layer by under 0.2 of its norm: a loss weighted by 1e10 "
            "(fast_neural_style's style term) gives gradients thousands of times the weights that Adam turns "
            "into ordinary updates. "
            "Also reported when the last dense layer's weights change by more than 0.2 of their norm "
            f"per step (median of 8 measurements, same cadence; healthy runs: {HEALTHY_BAND}) without the "
            "1/t decay of a zero-initialised layer, while the loss makes no progress (the latest 4 "
            "losses not 10% below the first 4): a new head on good features also moves fast at "
            "first, but its loss falls. A regression head chasing large targets with a high learning"
            " rate can trip it too. Gradients clipped before optimizer.step() are read after "
            "clipping, so clipping hides explosions from the norm tests; but when the last 4 measured "
            "norms agree within 0.1% (clipping active on every step) and the median of the last 16 "
            "losses is more than twice that of the first ones (and above the chance level), training "
            "has diverged under clipping and is reported once per episode. The first ones, here and for "
            "progress, are the first 4 losses up to one over 10 times the first loss: a loss that jumped "
            "at step 1 left its start there. A GAN generator's loss "
            "rising under constant clipping would be reported too."
        ),
    ),
    Problem(
        code="LG107",
        name="loss-below-bound",
        summary="The loss went below the least value it can take, or fell without bound.",
        why=(
            "Cross-entropy, NLL, binary cross-entropy, KL divergence and MSE are never negative for "
            "inputs of the right kind. A loss below its bound means its input is of the wrong kind "
            "(NLLLoss given raw scores instead of log-probabilities, MultiLabelSoftMarginLoss given -1/1 "
            "targets instead of 0/1) or a term has the wrong sign "
            "(a VAE that adds its KL term with a minus): the optimizer then drives the model to "
            "infinity, and the huge gradients that follow are a consequence, not a learning-rate "
            "problem."
        ),
        fix=(
            "Give the loss the input it expects (`log_softmax(dim=1)` before NLLLoss, or "
            "CrossEntropyLoss on the logits) and check the sign of every term you add to it "
            "(the VAE's KL term is `-0.5 * torch.sum(1 + logvar - mu**2 - logvar.exp())`, added). "
            "For a watched NLLLoss, KLDivLoss or CTCLoss the event's fix names the input that loss expects "
            "(LG007's, LG008's or LG012's fix)."
        ),
        example="loss = F.nll_loss(model(x), y)  # -3.2, -41, -1330, ...",
        use_instead="loss = F.nll_loss(F.log_softmax(model(x), dim=1), y)",
        misfires=(
            "For a built-in loss with a known bound (0 for CrossEntropyLoss, NLLLoss, BCELoss, "
            "BCEWithLogitsLoss, MultiLabelSoftMarginLoss, KLDivLoss, MSELoss, L1/SmoothL1/Huber, CTCLoss) reported when the loss "
            "is below the bound by more than 0.001 times its first value (when the targets of a binary cross-entropy or "
            "MultiLabelSoftMarginLoss were seen outside [0, 1], -1/1 labels, the fix says to map them to 0/1). For any other loss (your "
            "own function, a model's own loss passed to observe()) the bound is unknown: reported "
            "only when the loss falls below -100 times its first magnitude, or when exploding "
            "gradients, a spike or an oscillation are found while the loss has fallen below zero by "
            "more than its first magnitude (a loss that a too-high learning rate breaks rises; one "
            "that is unbounded below falls). A Gaussian likelihood or an ELBO of continuous data, "
            "legitimately negative but bounded, stays silent unless it also explodes. A loss of unknown bound that, "
            "after going below zero, rose above zero again by a tenth of that -100x fall or more takes either sign by "
            "design (a policy-gradient or actor-critic loss summed over an episode, which swings both ways as the "
            "episodes lengthen) and is not reported by either test; a sign error whose loss also swings back above "
            "zero that far would be missed. Once it is reported, loss spikes, oscillation and exploding gradients are not "
            "reported again in that run: they follow from it. A fall of a loss of unknown bound right after an update "
            "that moved the last dense layer by more than its own norm (one of the latest 3 measured) is reported with "
            "a learning-rate fix chosen from that update, the sign check second: a sign error at a learning rate that "
            "high is named only after the rate."
        ),
    ),
)
