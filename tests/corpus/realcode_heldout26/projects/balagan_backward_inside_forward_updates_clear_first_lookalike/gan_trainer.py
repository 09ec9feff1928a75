"""part of look-alike project [LG001, LG014, LG017, LG018]: the trainer clears each RMSprop optimizer at the start of its own update, runs the model in that mode (whose forward back-propagates) and steps; the discriminator update therefore starts from cleared gradients although the generator's loss went through it."""
# Source: orpatashnik/BalaGAN at a34fba9f (read as is; issue #4 asks why the discriminator is not frozen during the
# generator update), gan_trainer.py; re-typed, identifiers
# renamed; resume(), save() and the scheduler helper shortened (get_scheduler, weights_init as in the source).
import copy

import torch
import torch.nn as nn

from balagan import TranslationGAN
from utils import get_scheduler, weights_init


def update_average(model_tgt, model_src, beta=0.999):
    with torch.no_grad():
        src = dict(model_src.named_parameters())
        for name, p_tgt in model_tgt.named_parameters():
            p_tgt.copy_(beta * p_tgt + (1. - beta) * src[name])


class GANTrainer(nn.Module):
    def __init__(self, config):
        super(GANTrainer, self).__init__()
        self.config = config
        self.model = TranslationGAN(config)
        dis_params = list(self.model.dis.parameters())
        gen_params = list(self.model.gen.parameters())
        self.dis_opt = torch.optim.RMSprop([p for p in dis_params if p.requires_grad], lr=config['gan']['lr_gen'],
                                           weight_decay=config['gan']['weight_decay'])
        self.gen_opt = torch.optim.RMSprop([p for p in gen_params if p.requires_grad], lr=config['gan']['lr_dis'],
                                           weight_decay=config['gan']['weight_decay'])
        self.dis_scheduler = get_scheduler(self.dis_opt, config)
        self.gen_scheduler = get_scheduler(self.gen_opt, config)
        self.apply(weights_init(config['gan']['init']))
        self.model.gen_test = copy.deepcopy(self.model.gen)

    def gen_update(self, source_data, target_data, hp):
        self.gen_opt.zero_grad()
        al, ad, xr, cr, sr, ac = self.model(source_data, target_data, hp, 'gen_update')
        self.loss_gen_total = torch.mean(al)
        self.loss_gen_adv = torch.mean(ad)
        self.accuracy_gen_adv = torch.mean(ac)
        self.gen_opt.step()
        update_average(self.model.gen_test, self.model.gen)
        return self.accuracy_gen_adv.item()

    def dis_update(self, source_data, target_data, hp):
        self.dis_opt.zero_grad()
        al, lfa, lre, reg, acc, l_cls = self.model(source_data, target_data, hp, 'dis_update')
        self.loss_dis_total = torch.mean(al)
        self.loss_dis_cls = torch.mean(l_cls)
        self.accuracy_dis_adv = torch.mean(acc)
        self.dis_opt.step()
        return self.accuracy_dis_adv.item()
