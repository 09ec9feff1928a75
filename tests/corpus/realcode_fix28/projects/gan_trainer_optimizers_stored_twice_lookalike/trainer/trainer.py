"""part of look-alike project [LG014]: the GAN trainer hands both optimizers to the base class and stores them again as `self.Generator_opt` and `self.Discriminator_opt`; each batch clears `self.optimizer_D` and steps `self.Discriminator_opt`, then clears `self.optimizer_G` and steps `self.Generator_opt`: each pair is one optimizer by two names, cleared every step."""

# Source: zxpzhong/3D-RecGAN-pytorch@95615352bc trainer/trainer.py (cut, renamed)
import torch
import torch.nn.functional as F
from base import BaseTrainer
from tqdm import tqdm


class VoxelGANTrainer(BaseTrainer):
    def __init__(self, model, criterion, optimizer_G, optimizer_D, config, data_loader, lr_scheduler_G=None, lr_scheduler_D=None):
        super().__init__(model, criterion, optimizer_G, optimizer_D, config)
        self.data_loader = data_loader
        self.lr_scheduler_G = lr_scheduler_G
        self.lr_scheduler_D = lr_scheduler_D
        self.Generator_opt = optimizer_G
        self.Discriminator_opt = optimizer_D

    def _train_epoch(self, epoch):
        for batch_idx, (partial, full) in enumerate(tqdm(self.data_loader)):
            partial, full = partial.to(self.device).float(), full.to(self.device).float()
            real_labels = torch.ones(partial.shape[0]).to(self.device)
            fake_labels = torch.zeros(partial.shape[0]).to(self.device)
            self.optimizer_D.zero_grad()
            fake, dis_fake, dis_real = self.model(partial, full, train_D=True)
            loss_D = F.binary_cross_entropy(dis_real, real_labels) + F.binary_cross_entropy(dis_fake, fake_labels)
            loss_D.backward()
            self.Discriminator_opt.step()
            self.optimizer_G.zero_grad()
            fake, dis_fake = self.model(partial)
            flat_fake = fake.reshape(fake.shape[0], -1)
            flat_full = full.reshape(full.shape[0], -1)
            ae_loss = F.binary_cross_entropy(flat_fake, flat_full)
            loss_G = ae_loss + F.binary_cross_entropy(dis_fake, real_labels)
            loss_G.backward()
            self.Generator_opt.step()
        if self.lr_scheduler_D is not None:
            self.lr_scheduler_D.step()
        if self.lr_scheduler_G is not None:
            self.lr_scheduler_G.step()
        return loss_G.item()
