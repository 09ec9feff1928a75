"""part of look-alike project [LG015, LG006, LG001]: the PGD attacker scores each input with CrossEntropyLoss(reduction='none') (or the user's per-sample loss), averages the vector with ch.mean before autograd.grad or the mixed-precision backward, and keeps the per-sample values only, detached, to pick the worst restart."""
# Source: MadryLab/robustness at a9541241 (read as is), robustness/attacker.py; re-typed, identifiers renamed; the
# long docstrings, the random-restart branch, the gradient estimator and the latent/fake-ReLU options cut. As in
# the source, amp (apex) is used in the mixed-precision branch without being imported in this module.
import torch as ch
from tqdm import tqdm

from .tools import helpers
from . import attack_steps

STEPS = {
    'inf': attack_steps.LinfStep,
    '2': attack_steps.L2Step,
}


class Attacker(ch.nn.Module):
    def __init__(self, model, dataset):
        super(Attacker, self).__init__()
        self.normalize = helpers.InputNormalize(dataset.mean, dataset.std)
        self.model = model

    def forward(self, x, target, *_, constraint, eps, step_size, iterations, random_start=False,
                random_restarts=False, do_tqdm=False, targeted=False, custom_loss=None, should_normalize=True,
                orig_input=None, use_best=True, return_image=True, mixed_precision=False):
        if orig_input is None:
            orig_input = x.detach()
        orig_input = orig_input.cuda()
        m = -1 if targeted else 1
        criterion = ch.nn.CrossEntropyLoss(reduction='none')
        step = STEPS[constraint](eps=eps, orig_input=orig_input, step_size=step_size)

        def calc_loss(inp, tgt):
            if should_normalize:
                inp = self.normalize(inp)
            out = self.model(inp)
            if custom_loss:
                return custom_loss(self.model, inp, tgt)
            return criterion(out, tgt), out

        def get_adv_examples(x):
            if random_start:
                x = step.random_perturb(x)
            it = range(iterations)
            if do_tqdm:
                it = tqdm(it)
            best_loss = None
            best_x = None

            def replace_best(loss, bloss, x, bx):
                if bloss is None:
                    bx = x.clone().detach()
                    bloss = loss.clone().detach()
                else:
                    replace = m * bloss < m * loss
                    bx[replace] = x[replace].clone().detach()
                    bloss[replace] = loss[replace]
                return bloss, bx

            for _ in it:
                x = x.clone().detach().requires_grad_(True)
                losses, out = calc_loss(step.to_image(x), target)
                assert losses.shape[0] == x.shape[0], 'Shape of losses must match input!'
                loss = ch.mean(losses)
                if mixed_precision:
                    with amp.scale_loss(loss, []) as sl:
                        sl.backward()
                    grad = x.grad.detach()
                    x.grad.zero_()
                else:
                    grad, = ch.autograd.grad(m * loss, [x])
                with ch.no_grad():
                    best_loss, best_x = replace_best(losses, best_loss, x, best_x) if use_best else (losses, x)
                    x = step.step(x, grad)
                    x = step.project(x)
                    if do_tqdm:
                        it.set_description("Current loss: {l}".format(l=loss))
            if not use_best:
                ret = x.clone().detach()
                return step.to_image(ret) if return_image else ret
            losses, _ = calc_loss(step.to_image(x), target)
            best_loss, best_x = replace_best(losses, best_loss, x, best_x)
            return step.to_image(best_x) if return_image else best_x

        return get_adv_examples(x)


class AttackerModel(ch.nn.Module):
    def __init__(self, model, dataset):
        super(AttackerModel, self).__init__()
        self.normalizer = helpers.InputNormalize(dataset.mean, dataset.std)
        self.model = model
        self.attacker = Attacker(model, dataset)

    def forward(self, inp, target=None, make_adv=False, with_image=True, **attacker_kwargs):
        if make_adv:
            assert target is not None
            prev = bool(self.training)
            self.eval()
            inp = self.attacker(inp, target, **attacker_kwargs)
            if prev:
                self.train()
        out = self.model(self.normalizer(inp))
        if with_image:
            return (out, inp)
        return out
