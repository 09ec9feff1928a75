"""part of look-alike project [LG015, LG006, LG001]: the epoch loop takes the training criterion from args (a user function, or CrossEntropyLoss on the model's logits), averages it when it comes back as a vector, records loss.item() in an AverageMeter and back-propagates the scalar."""
# Source: MadryLab/robustness at a9541241 (read as is), robustness/train.py, _model_loop; re-typed, identifiers
# renamed; train_model (which checks the arguments and runs this loop once per epoch for training and
# validation), the docstring, the tensorboard images and the custom-accuracy and iteration hooks cut; has_attr,
# AverageMeter and accuracy come from the library's tools/helpers.py (not included).
import warnings

import torch as ch
from tqdm import tqdm

from .tools import helpers
from .tools.helpers import has_attr, AverageMeter

try:
    from apex import amp
except Exception as e:
    warnings.warn('Could not import amp.')


def _model_loop(args, loop_type, loader, model, opt, epoch, adv, writer):
    is_train = (loop_type == 'train')
    losses = AverageMeter()
    top1 = AverageMeter()
    model = model.train() if is_train else model.eval()
    if adv:
        eps = args.eps
        random_restarts = 0 if is_train else args.random_restarts
    has_custom_train_loss = has_attr(args, 'custom_train_loss')
    train_criterion = args.custom_train_loss if has_custom_train_loss else ch.nn.CrossEntropyLoss()
    adv_criterion = args.custom_adv_loss if has_attr(args, 'custom_adv_loss') else None
    attack_kwargs = {}
    if adv:
        attack_kwargs = {'constraint': args.constraint, 'eps': eps, 'step_size': args.attack_lr,
                         'iterations': args.attack_steps, 'random_start': args.random_start,
                         'custom_loss': adv_criterion, 'random_restarts': random_restarts,
                         'use_best': bool(args.use_best)}
    it = tqdm(enumerate(loader), total=len(loader))
    for i, (inp, target) in it:
        target = target.cuda(non_blocking=True)
        output, final_inp = model(inp, target=target, make_adv=adv, **attack_kwargs)
        loss = train_criterion(output, target)
        if len(loss.shape) > 0:
            loss = loss.mean()
        logits = output[0] if (type(output) is tuple) else output
        prec1, prec5 = helpers.accuracy(logits, target, topk=(1, 5))
        losses.update(loss.item(), inp.size(0))
        top1.update(prec1[0], inp.size(0))
        reg_term = 0.0
        if has_attr(args, "regularizer"):
            reg_term = args.regularizer(model, inp, target)
        loss = loss + reg_term
        if is_train:
            opt.zero_grad()
            if args.mixed_precision:
                with amp.scale_loss(loss, opt) as sl:
                    sl.backward()
            else:
                loss.backward()
            opt.step()
        it.set_description('Epoch:{0} | Loss {loss.avg:.4f} | Reg term: {reg}'.format(epoch, loss=losses,
                                                                                       reg=reg_term))
    return top1.avg, losses.avg
