"""Problems found by reading the training loop around a loss (LG0xx): graphs kept alive,
gradients never cleared, backward() on an unreduced loss."""

from __future__ import annotations

from lossguard.catalog import Problem

REDUCTION_DOC = "https://pytorch.org/docs/stable/nn.html#loss-functions"
# the recipe on clearing gradients: LG014's, LG017's and LG018's reference
_ZEROING_DOC = "https://pytorch.org/tutorials/recipes/recipes/zeroing_out_gradients.html"

# the order of one training step, and a loop written in it: LG014's and LG017's fix and "use instead"
_USUAL_ORDER = "zero_grad, forward, loss, backward, step"
_USUAL_LOOP = """
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
"""

PROBLEMS: tuple[Problem, ...] = (
    Problem(
        code="LG006",
        name="graph-retention",
        summary="A loss tensor that still holds its autograd graph is accumulated or stored across iterations.",
        why=(
            "`total_loss += loss` or `losses.append(loss)` keeps every step's loss tensor, and with it "
            "the whole computation graph and the activations it references. Memory grows every step "
            "until the run fails with out-of-memory, and each step gets slower."
        ),
        fix=("Accumulate plain numbers: `total_loss += loss.item()` (or `loss.detach()` to keep a tensor on the device)."),
        example="""
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
total_loss = 0
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    total_loss += loss
""",
        use_instead="""
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
total_loss = 0.0
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    total_loss += loss.item()
""",
        misfires=(
            "Reported only for a loss lossguard can follow from a torch loss call (in a posted snippet that defines "
            "neither, also `criterion(model(x))` of a name that says loss or criterion and one that says model or net: "
            "a loss of the network's output; either one bound anywhere in the file, or a star import, leaves it "
            "unknown), or a term of a total "
            "that holds a graph (a hand-written loss that returns `rec + kld, rec, kld`, or the terms packed "
            "in a list beside it, `return total, [rec, kld]` or a name bound to that list, every item a name the "
            "total adds up, or "
            "`sum(d.values()), d` for a dict of terms, or a sum back-propagated in the same function, "
            "`loss = rec + kld`: the terms hold "
            "the total's graph where the caller back-propagates the total, or a sum it is added into, "
            "and where the total already holds one when returned), accumulated inside a "
            "loop into a variable that lives across iterations (not reset inside the loop on every iteration that adds to it, nor in the branch where the loop steps its optimizer: `if (i + 1) % accum == 0: opt.step(); ...; running = 0` is a gradient-accumulation window, its micro-batches already back-propagated; a reset in a branch of its own, `if i % 100 == 0: running = 0` with the step elsewhere, still lets the sum grow), when the "
            "loop trains (calls backward() or step()) or runs outside no_grad in code that is actually "
            "called (a function nothing calls counts as called when it runs backward(), itself or through "
            "a function of its module it calls by name: it cannot be running under no_grad). Silent inside `torch.no_grad()` / `torch.inference_mode()` (also as decorators), "
            "and for a tensor made by arithmetic inside such a block (`total += loss * n` under `with torch.no_grad():`, "
            "then returned and stored per epoch: a new tensor that records no graph), "
            "for a loss whose input (its first argument) is read from a name every binding of which in the function "
            "is made inside such a block, even when the loss is taken after it (`with torch.no_grad(): pred = model(x)`, "
            "then `val_loss = crit(pred, y)`), when each other argument is a constant, written `.detach()`, made "
            "under the block too, or a target of a loop around the call that the loop binds no other way (`for x, y in "
            "loader`, `y = y.cuda()`); a prediction rebound outside the block other than moved or reshaped, given "
            "`requires_grad_()`, or made under `torch.enable_grad()`, and a target computed with grad "
            "(`crit(target_q, q)`), hold a graph. Following the code's order, a prediction computed (a call or an "
            "operator) under the block counts as made without grad even where the function binds its name with grad "
            "elsewhere (`yHat = net(train_x)` to train, then `with torch.no_grad(): yHat = net(test_x)` and "
            "`test_loss[i] = crit(yHat, test_y)`): the binding the loss reads is the block's; a target of numbers "
            "made a tensor (`torch.tensor(y).float()`, also split by `train_test_split`) counts as graph-free. A "
            "value bound in the block that may be the tensor it reads (a name, `x.cuda()`, `x.view(...)`, an in-place "
            "method, `copy.deepcopy(x)`) is not taken for one; a function of the checked code that hands its argument "
            "back unchanged under the block would be, and could hide a graph (none seen). A loop target that is a model output (`for p, t in zip(preds, "
            "targets)`) given beside such an input is taken for data: silent. Silent too for a back-propagated name the loop also rebinds to a "
            "value without a graph (`loss = loss.detach()`, `.item()`, `loss = loss.data[0]`, wherever it is summed), and for a "
            "back-propagated item or attribute (`loss_dict['loss']`) the loop also replaces by such a value, by its own text or "
            "through a key that is not a literal (`for k, v in loss_dict.items(): loss_dict[k] = v.item()` for a log line), or whose "
            "container is rebuilt or updated as a whole between the backward and the sum (`loss_dict = {k: v.item() for k, v in "
            "loss_dict.items()}`, `loss_dict = reduce_dict(loss_dict)`, `loss_dict.update(...)`): what is summed may be the number; "
            "and silent "
            "when the accumulated sum, or anything computed from it, is passed to backward() (gradient "
            "accumulation, `torch.stack(losses).mean().backward()`; for a sum kept per slot, `sums[k] += loss`, any "
            "slot or the container is back-propagated: a MAML meta-step's `sums[-1].backward()`, whose other slots "
            "are left alone; a list that a loop of the same function walks whole and back-propagates element by element, "
            "`for opt, loss in zip(optimizers, losses): loss.backward()`, as a probe of several linear heads does), "
            "and for a helper that returns the "
            "sum unless its caller is known to throw the graph away: reported only when every use the "
            "caller's own function makes of the returned sum, and of every name computed from it, keeps no "
            "graph (`.item()`, `.data`, `.detach()`, `print`, `float`, `writer.add_scalar`, `logger.info`, a "
            "comparison, an f-string, a discarded value, also inside a dict or list display so used: `print({'valid': "
            "loss})`); any other use may differentiate it (`loss.backward()`, "
            "`torch.autograd.grad(loss, params)`, a meta-learner's `learner.adapt(loss)`, a call lossguard "
            "does not know, a return) and leaves it silent; a function of the checked code the caller hands it to "
            "is read one call deep (`averages(running)` that only reads `.item()` from it drops the graph; "
            "handed back to the helper, `running = add(running, terms)`, it is the sum itself). A script's caller "
            "is the module's own statements: the helper's body, whose names may be spelled the same, is another "
            "scope, while another function of the module that may read the name as a global keeps it silent. A thin "
            "wrapper whose whole body is `return helper(...)` hands the sum on unchanged, so its own callers are read "
            "(through any number of such wrappers); a wrapper that computes with the result first, or that no code "
            "calls, leaves the rule silent. Silent too "
            "for a caller that back-propagates any "
            "other part of the same result. A function that sums per-row losses over the rows of the batch it "
            "was given is silent whatever its caller does (sgugger's SSD notebook: `for p_c, p_b, t_c, t_b in "
            "zip(pred_c, pred_b, targ_c, targ_b): l_c += loss1(...)`): the sum holds that one batch's graph, "
            "not one per step. Read narrowly, when no backward() or step() runs in the loop: the outermost "
            "loop of the function iterates over `zip` of two or more of its parameters, `range(len(p))`, "
            "`range(p.size(0))` / `range(p.shape[0])` of one, or `enumerate` of those; nothing in it calls a "
            "parameter it does not iterate (`model(x)`), a `self.` attribute, or a module-level name other than "
            "an import, a function, a class or a criterion (`crit = nn.CrossEntropyLoss()`; `net = Net()` is a "
            "model); and the sum is a local name the "
            "function starts before the loop. A bare parameter (`for x, y in loader`) is a data source as often "
            "as a batch, and stays a loop over steps. The same one loop up, with no backward() or step() in "
            "the loop: a loop over the positions of a tensor that the loop around it binds by assignment at "
            "each iteration (`target = encode(texts)`, then `for t in range(1, target.shape[0]): loss += "
            "crit(decoder(...), target[t])`, an evaluation's decoder steps), summed into a name that loop "
            "restarts (`loss = 0.0`), holds one batch's graph, whatever runs per position: silent. A whole "
            "data set loaded into a tensor inside the epoch loop and walked that way outside no_grad is "
            "silent too (none seen); a parameter or a tensor bound before the loop stays reported. "
            "A name the loop back-propagates (`loss.backward()`, also under a condition such as a NaN guard) and sums "
            "holds a graph, whatever built it, where the loop binds it once: by a call, an item or attribute read, "
            "arithmetic, or as one name unpacked from a call's result (`loss, metrics, _ = step(...)`); a name bound twice, "
            "by a literal or a conditional, or unpacked from anything but a call, is not followed (silent). "
            "A list whose element the loop back-propagates "
            "(`losses.append(total); losses[-1].backward()`) holds a graph in whatever it appends, "
            "reported without an automatic fix (that backward needs the graph). A dict or tuple whose items "
            "lossguard knows one by one, one of them a loss that holds its graph (`history.append(losses)` of "
            'the dict `{"mse": ..., "l1": ...}` a helper returns), is a loss kept whole: reported without an '
            "automatic fix (a dict has no `.detach()`). Losses read from a model's output dictionary are not followed, "
            'except where the loop back-propagates them: the same item (`out["loss"].backward()`), or a sum they are '
            'terms of (`step_loss = losses["loss"] + losses["cl_loss"]`, then `step_loss.backward()`, or '
            "`scaler.scale(step_loss).backward()`, which back-propagates `step_loss` too), the container bound in the loop "
            "by a call or an item read, or a sum that adds up every value of the container (`loss = "
            "sum(parts.values())`, also scaled or as `sum([p for p in parts.values()])`: any `parts[k]` is a term; a "
            "filtered sum, `sum(parts[k] for k in parts if k in weights)`, names none). A value the checker does not know "
            "(a model built by a registry) that the loop adds into the loss it back-propagates (`loss += loss_mask`, "
            "`loss = loss + w * loss_mask`, then `loss.backward()`) is taken to hold a graph, as such a term is trained "
            "through, where the loop binds it once by a computed value with a call in it (`loss_mask = -scores.mean() * "
            "reward`), no `.item()`, `.detach()`, `float()` or `len()` there, and not detached again in the loop; a constant "
            "tensor added to a loss would misfire, and a setting (`bonus = cfg.w * 2`, no call) is not read. A sibling "
            "of the back-propagated loss in an unknown call's tuple (`loss, loss_main = model.cal_loss(batch)`, "
            "`losses.append(loss_main)`) is not read: such a helper may hand its parts back detached. A dict of running sums "
            "rebuilt every step (`totals = {k: totals[k] + parts[k] * n for k in totals}`) accumulates what it adds "
            "to each item, as `totals[k] += parts[k] * n` would. A loss stored into a slot of a tensor made before the loop "
            "(`losses = torch.zeros(n)`, then `losses[epoch] = loss`) is an accumulation: the in-place copy chains "
            "every step's graph; a slot of a NumPy array (a number) is not, nor is a slot of a list or dict (one graph per "
            "slot, which lossguard does not count) unless its key is new at every iteration of the loop around the "
            "store, a loop whose own body back-propagates: the loop's own index (`for i in range(n)`, `for i, batch in "
            "enumerate(loader)`) or a counter the loop adds a constant to and sets no other way (`log[step] = loss`, "
            "`step += 1`); a meter's loop over the values of one call stores at the same keys again. A dict or list the "
            "checker saw made (a literal, `[0.0] * n`; `[None] * n` is not followed). A sum "
            "started from a literal zero (`adv = 0.0`, then `adv += criterion(...)` in a loop or under a "
            "condition) is taken as a loss on every path, the paths that added nothing holding the zero; "
            "it is reported without an automatic fix, since it may still be the float. Any other value "
            "that is a loss on one path only (`best = 0.0; if c: best = loss`) is left alone, except beside `None`: "
            "a function that returns `None` on some paths and a loss that holds its graph on the others (an agent's "
            "`train_step` that returns `None` until its replay buffer holds a batch) gives that loss where a test "
            "rules `None` out (`if loss is not None: episode_loss += loss`), and is unknown elsewhere. A sum kept "
            "in an object (`self.sum += val` in `AverageMeter.update`) is reported at the method's line "
            "when a training loop calls the method every step with a loss that still holds its graph "
            "(`meter.update(loss)`, also through attributes: `metrics.losses.update(loss)`) on an object made "
            "before the loop; silent when the loop re-makes or resets the object or one that holds it "
            "(`meter.reset()`, `metrics = Metrics()`), calls another method of the object that empties the kept "
            "list (`self.learn()` ending with `self.trajectory.clear()`, under a condition or not: an actor-critic "
            "keeps one update's steps; a list emptied only rarely is missed), or gives the kept attribute of the "
            "same object a fresh value itself (a REINFORCE agent's `self.action_buffer = []` at the end of the episode "
            "loop that calls `self.gen_episode()`), calls another method of the object that back-propagates a loss "
            "made from the kept list (directly or through a method of the class it calls on `self`) when some method "
            "of the class other than `__init__` empties that list (a REINFORCE agent's `self.actor_learn()` summing "
            "`-log_prob * R` over `self.episode_log_probabilities`, which `reset_game()` empties before each episode, "
            "from a loop the check may not see; a list consumed that way but emptied only in `__init__` is still "
            "reported, and so is a list emptied by a reset that the update never reads), "
            "the method restarts the sum itself, or the value is "
            "not followed (a value from another library; horovod's `hvd.allreduce(loss)` is an autograd function and keeps "
            "the graph). The same holds for a list or "
            "dict kept on `self` that a step method grows (`self.losses += [loss]`, `.extend([loss])`, "
            '`self.stats["loss"].append(loss)`), also through a local name every binding of which reads '
            "`self` or is stored on `self` in the method (`stat = self.statistics[category]`, "
            "`.setdefault(...)`); a name bound any other way (a parameter, a copy, a loop variable) is not "
            "followed, and `+= values` of a list the method was given is not a list grown. A window of the latest values "
            "(`self.values = self.values[-(n - 1):] + [x]`, a `ValueWindow`) keeps the graphs of the losses added to it "
            "as a list does (up to its size, which is not read: a window of two is reported too); a class of the "
            "checked code with its own `append` method (`window.append(loss)`) is followed into that method; "
            "`.append(loss)` on a local name every binding of which calls a class an import brings in from a library "
            "(`run_loss = CumulativeAverage()` of `monai.metrics`, which averages a detached copy) is silent, what "
            "that class keeps being unknown; `collections.deque` (and `UserList`) keep their items "
            "and still count. A loop counts as a training loop when it back-propagates or calls a `step()`; two "
            "`step()` calls do not count: one whose result is unpacked into names (`obs, reward, done, info = "
            "env.step(action)`, a Gym environment) and `self.step(...)` of a method the class defines that neither "
            "back-propagates nor steps, itself or through the class's methods it calls (an agent's own step that "
            "stores a reward and picks the next action); a `step` the class does not define counts. "
            "A method of a hand-written "
            "criterion other than its call that returns a term of its loss (`1.0 - self.dice_loss(x, y)`, where "
            "`forward` calls `self.dice_loss` too and it holds a loss module: a torch loss or a class named "
            "`...Loss`) holds a graph like the loss. A loss added or stored into a NumPy array "
            "(`costs = np.zeros(n)`, `costs[i] += loss`, `total += loss`) is silent: NumPy converts the tensor "
            "to a float (or refuses it), so nothing keeps a graph. A loop over the micro-batches of one "
            "optimizer step is silent (`optimizer.zero_grad()`, then `for _ in range(accumulation_steps): ...; "
            "loss.backward(); total += loss`, then `optimizer.step()` or a gradient scaler's `scaler.step(optimizer)`, with `total` given a fresh value just before "
            "the loop): the sum holds one step's micro-batches and starts again on the next step; an optimizer "
            "stepped or cleared inside the loop, or one cleared neither before it nor after its step (deep-daze's "
            "`scaler.step(self.optimizer)`, `scaler.update()`, `self.optimizer.zero_grad()` after the loop is the "
            "same shape), leaves it reported. A loop that trains another network at each iteration (a multi-agent "
            "learner's `for agent in range(n): ...; optimizers[agent].step(); losses.append(loss)`, or `for model, opt "
            "in zip(models, optimizers)`, or a method of the same class given the index that steps the optimizer it "
            "picks, as StackGAN-v2's `train_Dnet(i)`) is silent when the list or sum is a local started empty just "
            "before it in the same block (the function's body, or the batch loop's body): it holds one loss per network "
            "of one pass, started afresh each time; kept on `self`, or started before the batch loop, it is reported. A list of the "
            "epoch's sums or means (`history.append(total / n)`) of a sum reported in the same function is the same "
            "mistake and is not reported again. A LightningModule's `training_step` is a loop body the checked code "
            "does not write: Lightning runs it once per batch and back-propagates what it returns. A list or sum on "
            "`self` that it grows (`self.training_step_outputs.append(log)`, `self.epoch_loss += loss`) with a value "
            'that holds a graph, or with the very name the method returns (the loss, or the dict whose `"loss"` '
            "Lightning back-propagates, whatever built it), keeps every step's graph until an epoch hook clears it, and "
            "is reported without an automatic fix. Read from the class's own module: the class derives there from a "
            "class named `...LightningModule`; silent when it sets `automatic_optimization` (manual optimization "
            "returns anything), when the attribute is started as anything but `[]`, `list()` or a number (a "
            "`deque(maxlen=...)`), is assigned or cleared in `training_step` or a per-batch hook "
            "(`on_train_batch_end`, `on_before_optimizer_step`, ...), or is popped or deleted from anywhere; "
            "`validation_step` and `test_step` run under no_grad. A Hugging Face model called with `labels=` returns its "
            'loss with a graph in `outputs.loss`, `outputs["loss"]` and `outputs[0]` (the logits are then `outputs[1]`); '
            "called with `**batch`, whether the batch holds labels is unknown, so `outputs[0]` is unknown and only a "
            "`backward()` on the value says it holds a graph. In the body of `if isinstance(x, float):` (`int`, "
            "`numbers.Number`, or a tuple of those) the name `x` is a Python number, so a sum of it is not reported "
            "(a distillation term that is a tensor, or `0.0` without a teacher); a test for a tensor, or that test's "
            "`else`, leaves the value as it was. A `torch.distributions.Categorical` built from a value lossguard does "
            "not know (a policy it cannot see) is taken to hold a graph, and so are its `log_prob(...)`; one built from "
            "ema_pytorch's `EMA(...).forward_eval(...)`, which runs the averaged copy under `no_grad`, holds none. One "
            "built from what a `@torch.no_grad()` function returns is still taken to hold one when that value is unknown."
        ),
        fix_safety="safe",
        fix_safety_note="`+= loss` becomes `+= loss.item()` (`.detach()` for non-scalar losses and for `.append(loss)`): the values are the same, only the graph is dropped.",
        references=("https://pytorch.org/docs/stable/notes/faq.html#my-model-reports-cuda-runtime-error-2-out-of-memory",),
    ),
    Problem(
        code="LG014",
        name="missing-zero-grad",
        summary="A training loop calls backward() and step() but never clears the gradients.",
        why=(
            "`backward()` adds to `.grad`. Without `optimizer.zero_grad()` (or `model.zero_grad()`) "
            "every step's gradient is added to all previous ones: the effective learning rate grows "
            "with every step and training diverges."
        ),
        fix=(f"Call `optimizer.zero_grad()` once per step, before `loss.backward()` (the usual order: {_USUAL_ORDER})."),
        example="""
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
""",
        use_instead=_USUAL_LOOP,
        misfires=(
            "Reported for the innermost loop that calls both backward() and an optimizer's step() "
            "(a torch.optim optimizer, a GradScaler's step(optimizer), or a receiver named like an "
            "optimizer, unless its name also says `sched`: `self.model_optimizer_scheduler.step()` of an unknown value "
            "moves a learning rate, not the weights, and is not counted, so a scheduler-named wrapper that steps "
            "the weights would be missed; `X.step(arg)` of unknown values counts only when X is named like a scaler and "
            "arg like an optimizer) when nothing in that loop clears its gradients. The loop's calls include "
            "those of the functions and methods it calls, through any depth of calls (`self.train_step()` "
            "running `self.forward_backward()` and `self.optimizer.step()`); a step() made in another file "
            "is not counted, and a clearing call made there counts as clearing (a call there that builds or "
            "queries a tensor, `torch.zeros(n, 12)`, `zeros_like`, `new_zeros`, `nonzero`, is none: a helper that "
            "builds the targets clears nothing). Clearing it accepts: "
            "`optimizer.zero_grad()` (with or without `set_to_none`), `model.zero_grad()` on any module "
            "(which module owns which parameters is tracked only as below), assigning or deleting `.grad` / "
            "`._grad` (`p.grad = None`, `param._grad = ...`, `del p.grad`, `setattr(p, 'grad', None)`), "
            "overwriting a gradient in place (`p.grad.zero_()`, `p.grad.detach_()`, `fill_`, `mul_`, "
            "`copy_`), `torch._foreach_zero_`, and any call whose name mentions zero...grad or "
            "resets/clears/sets grads (`zero_grads(net)`), whose effect lossguard cannot see. Clipping "
            "(`p.grad.clamp_()`, `clip_grad_norm_`) does not clear, nor does rescaling a gradient in place "
            "(`p.grad *= 0.01`, `p.grad /= n`, `p.grad.mul_(0.5)`: a multiplier that is a nonzero number literal; "
            "`*= 0`, `mul_(0)` or a multiplier not written as a number still count as clearing). An optimizer "
            "picked by a setting (`Gopt = optim.RMSprop(...)` or `optim.Adam(...)`) is an optimizer either way. "
            "A LightningModule's `training_step` under manual optimization (`self.automatic_optimization = "
            "False` in `__init__`) is one step of a loop Lightning runs, and is read as such a loop (its "
            "`self.manual_backward(loss)`, `opt.step()` and the calls of the methods it calls); `opt = "
            "self.optimizers()` fetches the configured optimizers rather than building one, and "
            "`self.optimizers().zero_grad()` (or `.step()`) names whichever optimizer the step uses, so it "
            "silences the step; a flag set any other way (under an `if`, as a class attribute) leaves "
            "`training_step` unread. A Keras 3 model on the torch backend that overrides `train_step` is read "
            "the same way (`fit()` runs it once per batch): a class deriving, directly or through classes of the "
            "checked code, from a `keras` `Model` or `Sequential`, whose `train_step` calls `backward()`; its "
            "`<optimizer>.apply(grads, weights)` or `apply_gradients(...)` (a receiver whose name mentions optim) is "
            "the step, and `self.zero_grad()` anywhere in it silences it. A `train_step` that computes gradients "
            "with a TensorFlow tape or a JAX function calls no `backward()` and is not read; gradients cleared by "
            "a Keras callback or by an overridden `fit()` outside `train_step` would misfire (none seen). "
            "A step() in another file the loop calls into counts as cleared by a clearing call in yet another file, or "
            "in the same file on an attribute of the same name (`self.opt.optimizer.zero_grad()` beside a wrapper's "
            "`self.optimizer.step()`): which optimizer each names is not comparable across such texts. "
            "A backward through distributed autograd (`dist_autograd.backward([loss])` inside `with "
            "dist_autograd.context():`) fills no `.grad` (each context keeps its own gradients) and counts as none. "
            "A loop in a module that imports Dragon's PyTorch-like `torch` (`from dragon.vm import torch`) and never "
            "PyTorch itself is silent: Dragon's backward writes each gradient afresh (seetaresearch/seetadet). "
            "An optimizer class of the checked code (a vendored RAdam, `class RAdam(Optimizer)`, deriving from "
            "torch's `Optimizer` or one of torch's optimizers, directly or through classes of the checked code) is an "
            "optimizer when it defines no zero_grad() of its own and is built over `X.parameters()` calls; one built "
            "over anything else (a wrapper over another optimizer, `Lookahead(base)`; a name; a list) is not one. "
            "With several optimizers (a GAN), a "
            "step() on an optimizer whose zero_grad() the loop never calls is reported when every "
            "clearing call in the loop is an optimizer's zero_grad(); optimizers are told apart by how "
            "they are written, so two names for one optimizer could misfire: two attributes of `self` that the "
            "class's `__init__` (or a base class's `__init__` it hands the argument to) binds to the same parameter, "
            "and no other method binds again, are one optimizer (`self.optimizer_D` cleared, `self.Discriminator_opt` "
            "stepped), and a step of an optimizer held as an attribute of an object whose own zero_grad() the loop "
            "calls (`self.optimizer.zero_grad()`, `self.optimizer.G.step()`) counts as cleared, since the wrapper's "
            "zero_grad() is out of view or may clear it (had it not, the gradients would accumulate unreported); "
            "a zero_grad() on the variable of a "
            "loop over a container (`for opt in self.optimizers.values(): opt.zero_grad()`, or over `X` itself) "
            "clears every `X[<key>]` the loop steps. A loop each of whose steps is of the optimizer its own "
            "variable picks (`for key, loss in losses.items(): loss.backward(); self.optimizers[key].step()`, "
            "`for opt in opts: ...; opt.step()`) runs one update per network, not per batch, and is silent: "
            "the loop around it is read with its calls, and a per-network loop no loop runs goes unreported. "
            "A `for` over lists the function wrote with a single item (`real_input = [x]`, then `for data, target in "
            "zip(real_input, real_output)`: names bound once to a one-item display and never grown) runs once and is "
            "read as a single pass, the loop around it judged instead. "
            "An optimizer built over tensors of a network read by attribute (`Adam([model.W])`, not `self.x`) is "
            "silent beside a cleared optimizer whose parameters are not known (one a helper builds from parameter "
            "groups) or that is built over that network's parameters (`Adam(model.parameters())`), which may hold "
            "those tensors; had that optimizer not held them, the gradients would accumulate unreported. "
            "Where the loop also clears a network by "
            "its own `zero_grad()` (`self.generator.zero_grad()`: an instance of an `nn.Module` class of the checked "
            "code whose class and bases of the checked code define no `zero_grad` of their own), optimizers are told "
            "apart by the networks they were built over instead, as objects (each `X` of `Adam(X.parameters())` that "
            "holds such an instance where the optimizer is built: `self` in the discriminator's `__init__` and "
            "`self.discriminator` in the GAN's `step()` are one network): a step is reported when every network its "
            "optimizer steps is known, none holds or is held by a network the loop clears (by its zero_grad() or through a "
            "cleared optimizer, whose networks must be known too), and each has a layer of its own that no cleared "
            "network holds; an optimizer over a name or a list, a model of a library, a wrapper "
            "(`DataParallel`) or a network chosen among several leaves it silent. A zero_grad() only before "
            "the loop, or once per epoch around an inner loop, is reported: gradients still add up "
            "across the inner steps. A step() the loop runs on its last iteration only is one step per run of "
            "the loop, as if written after it, and leaves that loop silent (sheeprl's A2C sums the gradients of "
            "every minibatch and steps under `if not is_accumulating:`, where `is_accumulating = i < "
            "len(sampler) - 1`): read narrowly, for `for i, x in enumerate(xs)` or `for i in range(len(xs))` "
            "and a guard comparing `i` with `len(xs) - 1` (`i == len(xs) - 1`, `i + 1 == len(xs)`; `i < "
            "len(xs) - 1`, `i + 1 < len(xs)` or `!=` negated or on the `else` branch), directly or through a "
            "name the loop assigns once from that comparison; whether the gradients are cleared between two "
            "runs is the question of the loop around it. A loop whose every clearing call (written in the loop itself) sits on one "
            "branch of an `if`/`else` that back-propagates and steps, while the other branch back-propagates "
            "and steps without clearing (a mixed-precision branch, `scaler.step(opt)`, next to a float32 one), "
            "is reported at that branch's step; a branch that only accumulates (no step), a clearing call "
            "before or after the `if`, in a function the loop calls, or by hand (`p.grad = None`) leaves it "
            "silent. A clearing call under a test that the call being analysed decides false does not count: "
            "`if params is not None: p.grad.zero_()` in a function whose caller passes `params=None` (or "
            "leaves the default `None`), also as the first operand of an `and`; a function analysed with no "
            "caller counts every clearing call. step() with a closure is reported for LBFGS only, which evaluates the "
            "closure up to max_iter times within one step(): when the optimizer is assigned to one name in a function "
            "that steps it with a closure defined there (a def or a lambda) which calls backward() itself and clears "
            "nothing (no zero_grad(), no `p.grad = None`, no function of the file that clears); a max_iter of 1 or not "
            "written as a literal leaves it silent, and a closure whose gradients some caller clears in another way "
            "(a hook, a wrapper around step()) would misfire (none seen). A loop that "
            "leaves part of its body out with a bare `...` statement, in its own body or in a function it calls "
            "(a trainer template's `for batch in loader: ...` before `loss.backward()`, `optimizer.step()`), is "
            "silent: the clearing may be in what is left out. So is a loop that calls, on its method's own `self`, a "
            "method its class (or a base class of the same file) leaves to subclasses, its body only `raise "
            "NotImplementedError` or decorated `@abstractmethod` (a trainer's `self._compute_batch_loss(batch)`, whose "
            "overrides may clear), directly or in a method it calls, when a subclass in the same file overrides it with "
            "a body that clears; an abstract method no override of the file clears in (a data-sampling helper) leaves "
            "the loop reported, and a hook with a `pass` body is run as it is."
            " The branches of another `if`/`else` of the loop on the same test, written the same, count as the "
            "same two versions of the step (`if use_amp: scaler.scale(loss).backward() else: loss.backward()` "
            "before `if use_amp: scaler.step(opt) else: opt.step(); opt.zero_grad()`)."
            " An `if` whose test reads the loop's counter (a name the `for` target binds, or one the loop body "
            "increments with `+=`) is a cycle, not two versions of the step: when the clearing branch tests the "
            "counter and the other branch's step sits under a test on the counter too (naver/sqlova: `if iB % k "
            "== 0: opt.zero_grad(); loss.backward()` then `elif iB % k == k - 1: loss.backward(); opt.step()`), "
            "the step ends a cycle of gradient accumulation the clearing branch began, and the loop is silent. "
            "That also silences a cycle that steps twice between two clears (`elif i % 3 == 1:` stepping on the "
            "gradients of two batches, then again at `i % 3 == 2`; none seen); a step in a plain `else` of the "
            "chain, which runs at every other iteration, is still reported."
            " An optimizer built anew inside the loop clears nothing (the gradients live on the parameters): a `for` "
            "over batches (anything but a count, `range(n)`, `trange(n)`, `itertools.count()`, also inside "
            "`enumerate`/`tqdm`) that rebuilds it over the `.parameters()` of networks it does not rebind itself is "
            "reported. It is silent when the loop rebinds one of those networks (`model = Net()` every iteration: the "
            "gradients start empty), when the optimizer's parameters are not known (a name, a list built elsewhere), and "
            "for a `while` or a counted loop (`for i in range(n)`, as in a numeric check comparing two models' "
            "gradients); a network reset in place each iteration (`model.apply(init)`, `reset_parameters()`) would "
            "misfire (none seen), and an accumulating loop counted by `range` is missed. The same reading holds for "
            "an optimizer a helper the loop calls builds as a local and steps (`def nudge(self, model): ...; opt = "
            "SGD(model.parameters()); opt.step()`: a new one at every call): its networks are read where the loop "
            "calls the helper (`self.nudge(self.model)`), and a `self` attribute counts as rebound when a method "
            "the loop calls on `self` stores it (`self.make_model(name)` writing `self.model = ...`, anywhere in "
            "that method, as a rebinding in the loop's own body is read anywhere in it): a unittest that builds "
            "a model per checkpoint and back-propagates one loss through it is silent (CarperAI/trlx's "
            "`tests/test_peft.py`); the helper handed a network made once before the loop is reported, and a method that stores "
            "the network only on its first call (`if self.model is None: self.model = Net()`) is read as rebinding it every "
            "iteration, so such a loop is missed. A call in a function of "
            "another file counts as clearing only when it clears there: a name that merely mentions a gradient "
            "(a gradient-reversal layer's `grad_reverse()` in a domain classifier's forward) does not."
        ),
        fix_safety="none",
        references=(_ZEROING_DOC,),
    ),
    Problem(
        code="LG015",
        name="non-scalar-backward",
        summary="backward() is called on an unreduced loss (reduction='none').",
        why=(
            "A loss built with reduction='none' returns one value per element. `backward()` without a "
            "gradient argument needs a scalar and raises `grad can be implicitly created only for "
            "scalar outputs`; passing `torch.ones_like(loss)` silently sums instead of averaging."
        ),
        fix="Reduce the per-sample losses first, for example `(loss * weights).mean().backward()`.",
        example="""
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")
loss = criterion(logits, y)
loss.backward()
""",
        use_instead="""
import torch.nn as nn

criterion = nn.CrossEntropyLoss(reduction="none")
loss = (criterion(logits, y) * sample_weights).mean()
loss.backward()
""",
        misfires=(
            "Reported when a loss built with reduction='none' (or reduce=False) reaches backward() "
            "through element-wise arithmetic only (`loss * mask`); any reduction (`.mean()`, `.sum()`) "
            "or a gradient argument to backward() silences it. A LightningModule's `training_step` "
            "that returns such a loss is reported too, since Lightning calls backward() on what it returns; "
            "not when the class or a base class in the checked code mentions `automatic_optimization` "
            "(manual optimization returns what it likes). So is the `compute_loss` of a Hugging Face `Trainer` subclass "
            "(run at the Trainer's construction with the model it is given) that returns such a loss (`return (loss, "
            "outputs) if return_outputs else loss` gives `loss`: training leaves `return_outputs` False): the "
            "Trainer's `training_step` back-propagates it, averaging it first only when `args.n_gpu > 1` (one loss "
            "per device under `DataParallel`), where a per-sample loss would train; the message says so. A value that is such a loss on one path and holds "
            "no loss on the other (a model's `forward` that returns `(loss,) + outputs` only when given labels, "
            "read as `model(**batch)[0]`) is reported: on the path that has the loss, backward() raises; where "
            "the other path holds a reduced loss (`loss.mean()` under an `if` the checker cannot decide), the "
            "paths disagree and nothing is reported."
        ),
        fix_safety="none",
        references=(REDUCTION_DOC,),
    ),
    Problem(
        code="LG017",
        name="zero-grad-between-backward-and-step",
        summary="The gradients are cleared after backward() and before the step() that should apply them.",
        why=(
            "`zero_grad()` throws away what `backward()` just computed. Called between a loss's `backward()` and the "
            "optimizer's `step()`, it leaves the step nothing to apply from that loss: with no other backward() in "
            "between the step updates nothing at all (`set_to_none=True` gradients are skipped, zeros move only "
            "momentum and weight decay), and with another backward() in between only the later loss trains (one "
            "optimizer over two GAN discriminators, cleared between the first one's backward() and the only step: "
            "the first discriminator never learns)."
        ),
        fix=(
            "Clear the gradients once per step, before the forward pass or right after `step()` (the usual order: "
            f"{_USUAL_ORDER}); to train on several losses with one step, call every "
            "backward() after the one clear."
        ),
        example="""
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
""",
        use_instead=_USUAL_LOOP,
        misfires=(
            "At run time the watcher reports it too (an error): 8 measured optimizer steps in a row whose loss's "
            "backward reached the model while none of the model's trainable parameters had a gradient (every .grad "
            "None) when the optimizer stepped; gradients zeroed in place (zero_grad(set_to_none=False)) are tensors of "
            "zeros and are not seen there. Statically it is "
            "read narrowly, in a training loop's code (its own body and the functions it calls, in its file or another "
            "checked file) and in a function that no call of the checked code reaches and that back-propagates (an "
            "agent's `learn()`, a posted `train_step`, read as one step of a loop written elsewhere), and in a "
            "file's top-level statements outside any loop, function or class when one of them back-propagates (code "
            "posted as bare statements said to run in every batch, read as one step the same way): a "
            "`backward()` written as a statement of its own (`loss.backward()`, `scaler.scale(loss).backward()`, "
            "`self.manual_backward(loss)`), then, later in the same statement list (the same block: nothing on a "
            "branch counts), a `zero_grad()` statement and then a `step()` statement of the same optimizer "
            "(`opt.step()`, `scaler.step(opt)`), optimizers told apart by how they are written. `model.zero_grad()` "
            "counts only when the stepped optimizer is known to hold that model's parameters (the interpreter's "
            "reading of `opt = Adam(model.parameters())`, or every assignment of that name in the file building it "
            "over `X.parameters()` calls). Between the backward() and the clear only bookkeeping and clipping may run "
            "(`.item()`, `print`, logging, `meter.update(...)`, `clip_grad_norm_`, `scaler.unscale_`, and, there or "
            "between the clear and the step, a loop `for p in net.parameters():` that only bounds or rescales `p.grad` in "
            "place, `p.grad.data.clamp_(-1, 1)`, as PyTorch's DQN tutorial does); any other call, any step or clear, any `if`/loop holding one, "
            "any read or write of `.grad`, `torch.autograd.grad`, or a `return`/`break`/`continue`/`raise` leaves it "
            "silent (gradients copied out before the clear, as gradient-surgery methods do, are used). Between the clear "
            "and the step, clipping (`clip_grad_norm_`, `scaler.unscale_`) and bookkeeping may run; any other call, with no "
            "`backward()` written there, leaves it silent (it may back-propagate or put gradients back out of sight). "
            "When another `backward()` comes between the clear and the step, the step still applies something, and the "
            "finding needs evidence that the first loss reaches the optimizer's "
            "parameters: a call of one of the modules the optimizer is built over among the calls that loss is "
            "computed through a path that carries gradients (followed through the assignments of the function before the "
            "backward(), not through `.detach()`, `.data`, `.item()` or an assignment under `torch.no_grad()`: LG018's "
            "reading); without it, silent, as for a loss that reaches the parameters only through `model.parameters()` "
            "(a weight penalty). A module frozen with `requires_grad = False` before that loss would misfire (none seen). A "
            "backward() and a step() in different functions or files are not read, but for one shape: a clear right before "
            "the step of the same optimizer (only bookkeeping or clipping between, no `backward()`, no `.grad` written), in "
            "code a training loop runs, is reported when a `backward()` the loop runs, in any function or method it calls, "
            "computes its loss through one of the optimizer's networks (the reading above), no other step of that optimizer "
            "is written in the file, no call of the file is handed the optimizer (a helper or a scheduler may step it) and no code of the file freezes that network (`requires_grad = False` on its "
            "parameters, `requires_grad_(False)`): that step never applies anything (AttGAN's attribute predictor, cleared "
            "right before its only step in the discriminator phase, its gradients coming from the generator phases); an "
            "empty step outside the loop (an optimizer's state set up before training) is not read, and a network that "
            "takes its gradients by another route than a loss's calls (a hook, a gradient copied in a called function) "
            "would misfire (none seen); a network of the checked code that freezes its own parameters in its class (`for p "
            "in self.parameters(): p.requires_grad = False`) is read as frozen, one the checker cannot see would misfire. "
            "A step given a closure (`opt.step(closure)`, "
            "which evaluates and back-propagates the loss again) is not counted. Gradient accumulation undone: in a loop's "
            "body, an `if` holding the clear and nothing else that steps, clears, back-propagates or leaves (a log line may sit "
            "beside it), then a `backward()` statement, then an `if` with the same "
            "test (the same text) that steps the same optimizer, nothing between stepping, clearing or leaving the list: "
            "reported when the test reads a name the loop changes at each iteration (its target, a name its body assigns "
            "or increments, an object its body calls a method of as a statement, `self` and the clear and step themselves "
            "aside, a name its body assigns the test to first included: `do_step = (i + 1) % k == 0` then `if do_step:`); a "
            "test no iteration changes (a setting, `if optimizer:` around both) decides nothing and stays silent. Gradient "
            "accumulation thrown away: in a loop's body, a `zero_grad()` statement of that body (under no branch), a "
            "`backward()` statement, then an `if` with no `else` that steps the same optimizer under a test that counts "
            "iterations (a remainder, `%`, of the loop's target, of a name its body assigns or increments, or of `self.x` "
            "it increments; directly or through a name assigned such a test first, or through a call `self.<method>(...)` "
            "of a method of the loop's class whose body is one `return` of such a test, read with the call's arguments "
            "in place of its parameters: OneTrainer's `self._is_update_step(progress)`), the clear before the backward() or after "
            "that `if`, nothing between stepping, clearing, back-propagating or leaving the list: each step applies the "
            "last batch's gradients alone. A step under a test that does not count iterations (`if torch.isfinite(loss):`) "
            "is not read; a step every k-th iteration meant to train on one batch in k (a discriminator trained less "
            "often) while back-propagating every batch is reported too (those backward() calls are thrown away; put "
            "them under the step's test); a modulus that is always 1 in the configuration would misfire (the code is "
            "then right)."
        ),
        fix_safety="none",
        references=(_ZEROING_DOC,),
    ),
    Problem(
        code="LG018",
        name="step-on-another-networks-gradients",
        summary="An optimizer steps on gradients that another network's loss, back-propagated earlier in the same iteration (or after its clear in the previous one), left on its parameters.",
        why=(
            "`loss.backward()` writes into the `.grad` of every parameter the loss reaches, and gradients accumulate "
            "there until something clears them. In a GAN-like step the generator's loss goes through the "
            "discriminator (`d(fake)`), so its `backward()` also fills the discriminator's `.grad`; when the "
            "discriminator's optimizer is cleared only after its own `step()`, nothing removes those gradients before "
            "the discriminator's own loss is back-propagated on top of them, and its step applies the generator's "
            "objective too (pushing the discriminator to call fakes real). The same holds for an encoder whose "
            "optimizer steps after an adversary's loss, back-propagated into it, was stepped by the adversary's "
            "optimizer: the encoder also follows the adversary's gradients."
        ),
        fix=(
            "Clear each optimizer right before its own loss is back-propagated (`d_opt.zero_grad()` before "
            "`d_loss.backward()`), or keep the other loss from reaching its parameters (`d(fake.detach())` where the "
            "discriminator trains, `requires_grad_(False)` on the discriminator while the generator's loss is computed)."
        ),
        example="""
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real, z in loader:
    fake = G(z)
    g_loss = bce(D(fake), ones)
    g_loss.backward()
    opt_g.step()
    opt_g.zero_grad()
    d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    d_loss.backward()
    opt_d.step()
    opt_d.zero_grad()
""",
        use_instead="""
import torch

opt_g = torch.optim.Adam(G.parameters(), lr=2e-4)
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4)
for real, z in loader:
    fake = G(z)
    opt_g.zero_grad()
    g_loss = bce(D(fake), ones)
    g_loss.backward()
    opt_g.step()
    opt_d.zero_grad()
    d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
    d_loss.backward()
    opt_d.step()
""",
        misfires=(
            "Read in one training iteration at a time: a loop's body, or the body of the function that back-propagates "
            "(a step function the loop calls, or one no checked call reaches, read as one step), as straight-line code "
            "(inner loops, `with` and `try` bodies in place; the two branches of an `if` never read as one iteration). "
            "Reported at an optimizer's `step()` when, earlier in the iteration, a `backward()` of another loss goes "
            "through one of the modules that optimizer is built over (a call of that module or of a part of it among "
            "the calls the loss is computed from, followed through the function's assignments before the "
            "`backward()`; nothing is followed through `.detach()`, `.data`, `.item()`, what is assigned under "
            "`torch.no_grad()`, or an argument that the called function or loss module of the checked code reads only "
            "through `.detach()` or `.data` up to rebinding its name, itself or through a function it hands the "
            "argument to: `x = F.softmax(x.detach(), dim=1)` in a KL loss makes the other network's outputs its fixed "
            "target; a call analysed with callees that do not all cut it is followed), another optimizer over modules known and apart from its own steps on that loss "
            "alone, its own loss is back-propagated after it, and nothing between that first `backward()` and the "
            "step may clear or step its parameters (`zero_grad()` of an optimizer or model whose modules are not "
            "known to be apart from its own, `p.grad = None`, a clearing call in a function the iteration calls or in "
            "another file). It also needs evidence that the first loss is the other network's objective, not its own: "
            "its own loss calls it on a detached input (`D(fake.detach())`, `.detach_()`, `.data`, directly or on the path a "
            "wrapper network's `forward` takes: it judges the other network's output), or, "
            "the other optimizer having stepped between the two `backward()` calls, its own loss is the first with the "
            "target flipped (`cost(logits, 1 - labels)`) or reads the same scores of the other network (a name bound "
            "from a call of it). Without that evidence, silent: one loss shared on purpose by two networks, each with "
            "its own optimizer (BicycleGAN's encoder and generator), reads the same. Silent when the iteration's text "
            "switches gradients off or on (`requires_grad`, `set_requires_grad`, `toggle_optimizer`, `freeze`, "
            "`turn_off_grad`), when either optimizer's modules are not known (built over a name of unknown origin, a "
            "filtered comprehension, another file's objects, a `parameters()` the model's class overrides). Across "
            "iterations: the iteration is also read twice, one copy after the other, for a step of the second copy "
            "whose first loss is of the first copy (a network cleared right after its own step, then reached by another "
            "loss later in the iteration: the next iteration's step applies that loss's gradients with its own; "
            "TransGAN, thunlp/FewRel before its fix), the same reading otherwise, and only when every `if` around the "
            "four calls is a counter test (a remainder, `(i + 1) % k == 0`, true again every so many iterations: a "
            "test of a setting or a phase, `if epoch < warmup:`, may stop one update for good and leaves it silent) "
            "and every clear of the stepped optimizer between its step and the other loss sits under the step's own "
            "tests (it runs only when the step does). A name bound only to a detached value (`fake = G(z).detach()` then "
            "`D(fake)`) is a detached input. A loss computed inside a wrapper's `forward` (a VQGAN whose `forward(img, "
            "return_loss=True)` scores the reconstruction with its own discriminator `self.discr`) is read when the "
            "wrapper's class is known (the interpreter's reading, or the trainer's `__init__` annotating its parameter, "
            "asserting it with `assert isinstance(vae, VQGAN)` before any rebinding, or building it in the same file): its own `forward`, on the path the call's literal keyword flags and the parameters' "
            "literal defaults select; an `if` they do not decide is passed over, as if not taken (a setting that "
            "switches the adversarial term off would misfire if the run switches it on only through that `if`)."
        ),
        fix_safety="none",
        references=(_ZEROING_DOC,),
    ),
)
