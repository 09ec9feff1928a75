"""part of look-alike project [LG008, LG009, LG014, LG017, LG018]: the base Trainer's loss helpers clear the optimizer themselves (standard_loss and adversarial_loss call self.optimizer.zero_grad() before the forward pass; the TRADES helper passes the optimizer to a function that clears it) and return the loss tensor with float metrics."""
# Source: imrahulr/adversarial_robustness_pytorch at 6df6a8f0, core/utils/train.py; re-typed, identifiers renamed; the scheduler set-up, evaluation, MART and
# checkpointing shortened; core/utils/trades.py (the original TRADES loss) is not included.
import torch
import torch.nn as nn

from core.attacks import create_attack
from core.metrics import accuracy
from core.models import create_model
from .context import ctx_noparamgrad_and_eval
from .trades import trades_loss


class Trainer(object):
    def __init__(self, info, args):
        self.params = args
        self.model = create_model(args.model, args.normalize, info, torch.device('cuda'))
        self.criterion = nn.CrossEntropyLoss()
        self.init_optimizer(self.params.num_adv_epochs)
        self.attack = create_attack(self.model, self.criterion, args.attack, args.attack_eps, args.attack_iter,
                                    args.attack_step)

    def init_optimizer(self, num_epochs):
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=self.params.lr,
                                         weight_decay=self.params.weight_decay, momentum=0.9,
                                         nesterov=self.params.nesterov)

    def standard_loss(self, x, y):
        self.optimizer.zero_grad()
        out = self.model(x)
        loss = self.criterion(out, y)
        preds = out.detach()
        batch_metrics = {'loss': loss.item(), 'clean_acc': accuracy(y, preds)}
        return loss, batch_metrics

    def adversarial_loss(self, x, y):
        with ctx_noparamgrad_and_eval(self.model):
            x_adv, _ = self.attack.perturb(x, y)
        self.optimizer.zero_grad()
        if self.params.keep_clean:
            x_adv = torch.cat((x, x_adv), dim=0)
            y_adv = torch.cat((y, y), dim=0)
        else:
            y_adv = y
        out = self.model(x_adv)
        loss = self.criterion(out, y_adv)
        batch_metrics = {'loss': loss.item(), 'adversarial_acc': accuracy(y_adv, out.detach())}
        return loss, batch_metrics

    def trades_loss(self, x, y, beta):
        loss, batch_metrics = trades_loss(self.model, x, y, self.optimizer, step_size=self.params.attack_step,
                                          epsilon=self.params.attack_eps, perturb_steps=self.params.attack_iter,
                                          beta=beta, attack=self.params.attack)
        return loss, batch_metrics
