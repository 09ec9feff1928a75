"""part of look-alike project [LG001, LG014, LG017, LG018]: the GAN stage alternates dis_update and gen_update over the source and reference loaders until max_iter."""
# Source: orpatashnik/BalaGAN at a34fba9f (read as is; issue #4 asks why the discriminator is not frozen during the
# generator update), train.py; re-typed, identifiers
# renamed; the modality-encoder stage, logging and checkpoints shortened (get_config, get_gan_loaders, Timer, write_loss, logger as in the source).
import torch

from gan_trainer import GANTrainer
from utils import Timer, get_config, get_gan_loaders

config = get_config('configs/balagan.yaml')
train_source_loader, train_ref_loader = get_gan_loaders(config)
gan_trainer = GANTrainer(config)
gan_trainer.to(config['device'])
global_it = 0
while global_it < config['gan']["max_iter"]:
    for it, (source_data, ref_data) in enumerate(zip(train_source_loader, train_ref_loader)):
        with Timer("Elapsed time in update: %f"):
            d_acc = gan_trainer.dis_update(source_data, ref_data, config)
            g_acc = gan_trainer.gen_update(source_data, ref_data, config)
            torch.cuda.synchronize(config['device'])
            print('D acc: %.4f\t G acc: %.4f' % (d_acc, g_acc))
        if global_it % config['logger']['log_loss'] == 0:
            write_loss(global_it, gan_trainer, logger)
        global_it += 1
