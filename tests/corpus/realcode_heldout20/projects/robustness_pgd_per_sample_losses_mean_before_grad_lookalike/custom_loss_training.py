"""look-alike [LG015, LG006, LG001]: the library's documented custom-loss recipe: a scalar training loss over randomly rescaled logits, and an adversary loss built on CrossEntropyLoss(reduction='none') that returns the per-sample vector (the attacker averages it before differentiating)."""
# Source: MadryLab/robustness at a9541241 (read as is), docs/example_usage/training_lib_part_2.rst, "Training
# networks with custom loss functions" (the same cell is in notebooks/Using robustness as a library.ipynb);
# re-typed, identifiers renamed; train_args, model and loaders come from the earlier part of the walkthrough and
# stay undefined, as in the excerpt; the train_model call follows the walkthrough's previous section.
import torch as ch

from robustness import train

train_crit = ch.nn.CrossEntropyLoss()


def custom_train_loss(logits, targ):
    probs = ch.ones_like(logits) * 0.5
    scale = ch.bernoulli(probs) * 9 + 1
    return train_crit(scale * logits, targ)


adv_crit = ch.nn.CrossEntropyLoss(reduction='none').cuda()


def custom_adv_loss(model, inp, targ):
    logits = model(inp)
    probs = ch.ones_like(logits) * 0.5
    scale = ch.bernoulli(probs) * 9 + 1
    new_logits = scale * logits
    return adv_crit(new_logits, targ), new_logits


train_args.custom_train_loss = custom_train_loss
train_args.custom_adv_loss = custom_adv_loss
train.train_model(train_args, model, (train_loader, val_loader))
