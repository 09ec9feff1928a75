"""part of look-alike project [LG008, LG009, LG014, LG017, LG018]: the weight-averaging trainer's epoch gets the loss from one of the base class's helpers (each clears the optimizer), back-propagates, clips, steps, updates the averaged copy and keeps the helpers' float metrics in a DataFrame."""
# Source: imrahulr/adversarial_robustness_pytorch at 6df6a8f0, gowal21uncovering/utils/watrain.py; re-typed, identifiers renamed; the evaluation, checkpointing and
# the BN-momentum schedule shortened. ema_update and update_bn are defined in the same file in the source (shortened
# here).
import copy

import pandas as pd
import torch
import torch.nn as nn
from tqdm import tqdm as tqdm

from core.utils import Trainer, seed, set_bn_momentum

from .trades import trades_loss

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


class WATrainer(Trainer):
    def __init__(self, info, args):
        super(WATrainer, self).__init__(info, args)
        seed(args.seed)
        self.wa_model = copy.deepcopy(self.model)
        self.update_steps = int(50000 / self.params.batch_size + 1)
        self.warmup_steps = 0.025 * self.params.num_adv_epochs * self.update_steps

    def init_optimizer(self, num_epochs):
        def group_weight(model):
            decay, no_decay = [], []
            for n, p in model.named_parameters():
                (no_decay if 'batchnorm' in n else decay).append(p)
            return [dict(params=decay), dict(params=no_decay, weight_decay=.0)]

        self.optimizer = torch.optim.SGD(group_weight(self.model), lr=self.params.lr,
                                         weight_decay=self.params.weight_decay, momentum=0.9,
                                         nesterov=self.params.nesterov)

    def train(self, dataloader, epoch=0, adversarial=False, verbose=True):
        metrics = pd.DataFrame()
        self.model.train()
        update_iter = 0
        for data in tqdm(dataloader, desc='Epoch {}: '.format(epoch), disable=not verbose):
            global_step = (epoch - 1) * self.update_steps + update_iter
            if global_step == 0:
                set_bn_momentum(self.model, momentum=1.0)
            elif global_step == 1:
                set_bn_momentum(self.model, momentum=0.01)
            update_iter += 1
            x, y = data
            x, y = x.to(device), y.to(device)
            if adversarial:
                if self.params.beta is not None:
                    loss, batch_metrics = self.trades_loss(x, y, beta=self.params.beta)
                else:
                    loss, batch_metrics = self.adversarial_loss(x, y)
            else:
                loss, batch_metrics = self.standard_loss(x, y)
            loss.backward()
            if self.params.clip_grad:
                nn.utils.clip_grad_norm_(self.model.parameters(), self.params.clip_grad)
            self.optimizer.step()
            global_step = (epoch - 1) * self.update_steps + update_iter
            ema_update(self.wa_model, self.model, global_step, decay_rate=self.params.tau,
                       warmup_steps=self.warmup_steps)
            metrics = metrics.append(pd.DataFrame(batch_metrics, index=[0]), ignore_index=True)
        update_bn(self.wa_model, self.model)
        return dict(metrics.mean())

    def trades_loss(self, x, y, beta):
        loss, batch_metrics = trades_loss(self.model, x, y, self.optimizer, step_size=self.params.attack_step,
                                          epsilon=self.params.attack_eps, perturb_steps=self.params.attack_iter,
                                          beta=beta, attack=self.params.attack)
        return loss, batch_metrics


def ema_update(wa_model, model, global_step, decay_rate=0.995, warmup_steps=0):
    factor = int(global_step >= warmup_steps)
    delta = 1 - decay_rate
    for p_swa, p_model in zip(wa_model.parameters(), model.parameters()):
        p_swa.data *= (1 - delta * factor)
        p_swa.data += p_model.data * delta * factor


def update_bn(avg_model, model):
    for module1, module2 in zip(avg_model.modules(), model.modules()):
        if isinstance(module1, torch.nn.modules.batchnorm._BatchNorm):
            module1.running_mean = module2.running_mean
            module1.running_var = module2.running_var
            module1.num_batches_tracked = module2.num_batches_tracked
