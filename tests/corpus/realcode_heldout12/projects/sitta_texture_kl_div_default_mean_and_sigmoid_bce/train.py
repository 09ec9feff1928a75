"""part of positive project [LG009, LG016]: the training loop swaps textures between domains and adds a symmetric texture term built from four F.kl_div calls on the ReLU texture codes, all with the default mean reduction."""
# Source: Boyiliee/SITTA@25826617526321daacf9624736de58a4c82c2011 train.py (read as is; its issue #4 "Question about the kl divergence loss" asks about this term; re-typed, identifiers renamed, cut to the per-iteration body: the meters, the cycle/identity/VGG terms, image writing and checkpointing left out)
import torch
import torch.nn.functional as F
import torch.optim as optim

import models


def train(opts, config, imagesAs, imagesBs, config_g, config_d):
    gen_a = models.SwapGenerator(config_g).to(opts.device)
    gen_b = models.SwapGenerator(config_g).to(opts.device)
    crit_a = models.PatchCritic(config_d).to(opts.device)
    crit_b = models.PatchCritic(config_d).to(opts.device)
    opt_gen_a = optim.Adam(gen_a.parameters(), lr=config['lr_g'], betas=(config['beta1'], config['beta2']))
    opt_gen_b = optim.Adam(gen_b.parameters(), lr=config['lr_g'], betas=(config['beta1'], config['beta2']))
    opt_crit_a = optim.Adam(crit_a.parameters(), lr=config['lr_d'], betas=(config['beta1'], config['beta2']))
    opt_crit_b = optim.Adam(crit_b.parameters(), lr=config['lr_d'], betas=(config['beta1'], config['beta2']))

    for epoch in range(opts.start_epoch, config['max_epochs'] + 1):
        for it in range(len(imagesAs)):
            images_a = imagesAs[it]
            images_b = imagesBs[it]

            crit_a.zero_grad()
            crit_b.zero_grad()
            s_a, stats_a = gen_a.encode_s(images_a)
            s_b, stats_b = gen_a.encode_s(images_b)
            t_a = gen_a.encode_t(images_a)
            t_b = gen_a.encode_t(images_b)
            x_ab = gen_b.decode(s_a, t_b, stats_a)
            x_ba = gen_a.decode(s_b, t_a, stats_b)
            loss_crit = config['gan_w'] * crit_a.calc_dis_loss(x_ba.detach(), images_a) \
                + config['gan_w'] * crit_b.calc_dis_loss(x_ab.detach(), images_b)
            loss_crit.backward()
            opt_crit_a.step()
            opt_crit_b.step()

            gen_a.zero_grad()
            gen_b.zero_grad()
            loss_adv_a = crit_a.calc_gen_loss(x_ba)
            loss_adv_b = crit_b.calc_gen_loss(x_ab)
            if 'texture_w' in config.keys() and config['texture_w'] > 0:
                t_ab = gen_a.encode_t(x_ab)
                t_ba = gen_a.encode_t(x_ba)
                loss_tex_a = -0.5 * (F.kl_div(t_a, t_ba) + F.kl_div(t_ba, t_a))  # expect: LG009
                loss_tex_b = -0.5 * (F.kl_div(t_b, t_ab) + F.kl_div(t_ab, t_b))  # expect: LG009
            else:
                loss_tex_a = torch.tensor(0)
                loss_tex_b = torch.tensor(0)
            loss_gen = config['gan_w'] * loss_adv_a + config['gan_w'] * loss_adv_b \
                + config['texture_w'] * loss_tex_a + config['texture_w'] * loss_tex_b
            loss_gen.backward()
            opt_gen_a.step()
            opt_gen_b.step()
