"""part of look-alike project [LG006, LG015, LG018]: each training step back-propagates the generator loss, whose adversarial term reaches the motion discriminator's parameters, after clearing the generator's optimizer; every dis_motion_update_steps steps the discriminator's optimizer is cleared before its own backward and step; the running average keeps total_loss.item()."""
# Source: mkocabas/VIBE at 851f7794, lib/core/trainer.py (Trainer.train, read as is); re-typed, identifiers renamed;
# data iteration over the 2D / 3D / motion loaders, timers, visualisation and validation shortened (AverageMeter,
# move_dict_to_device as in the source's utils).
import torch

from lib.utils.utils import move_dict_to_device, AverageMeter


class Trainer:
    def __init__(self, generator, motion_discriminator, gen_optimizer, dis_motion_optimizer, dis_motion_update_steps,
                 criterion, writer, device='cuda'):
        self.generator = generator
        self.motion_discriminator = motion_discriminator
        self.gen_optimizer = gen_optimizer
        self.dis_motion_optimizer = dis_motion_optimizer
        self.dis_motion_update_steps = dis_motion_update_steps
        self.criterion = criterion
        self.writer = writer
        self.device = device
        self.train_global_step = 0

    def train(self, batches):
        losses = AverageMeter()
        self.generator.train()
        self.motion_discriminator.train()
        for target_2d, target_3d, real_motion in batches:
            move_dict_to_device(target_3d, self.device)
            move_dict_to_device(real_motion, self.device)
            if target_2d and target_3d:
                inp = torch.cat((target_2d['features'], target_3d['features']), dim=0).to(self.device)
            else:
                inp = target_3d['features'].to(self.device)
            preds = self.generator(inp)
            gen_loss, motion_dis_loss, parts = self.criterion(generator_outputs=preds, data_2d=target_2d,
                                                              data_3d=target_3d, data_motion_mosh=real_motion,
                                                              motion_discriminator=self.motion_discriminator)
            self.gen_optimizer.zero_grad()
            gen_loss.backward()
            self.gen_optimizer.step()
            if self.train_global_step % self.dis_motion_update_steps == 0:
                self.dis_motion_optimizer.zero_grad()
                motion_dis_loss.backward()
                self.dis_motion_optimizer.step()
            total_loss = gen_loss + motion_dis_loss
            losses.update(total_loss.item(), inp.size(0))
            for k, v in parts.items():
                self.writer.add_scalar('train_loss/' + k, v, global_step=self.train_global_step)
            self.train_global_step += 1
        return losses.avg
