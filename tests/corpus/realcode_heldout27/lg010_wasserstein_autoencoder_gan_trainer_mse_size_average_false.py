"""positive [LG010]: the WAE-GAN trainer's reconstruction term is F.mse_loss(x_recon, x, size_average=False) divided by the batch size (the deprecated flag for reduction='sum'); the latent adversary's logits plus the prior's log-density go to binary_cross_entropy_with_logits against (B, 1) ones and zeros, each optimizer cleared before its own backward."""
# Source: 1Konny/WAE-pytorch at 8b5ac00a, trainer_gan.py (Trainer.__init__ and train); re-typed, identifiers renamed;
# the visdom plotting, checkpointing, image saving and the learning-rate schedule helper's body shortened. WAE,
# Adversary, DataGather, return_data and the ops helpers are the repository's (not included).
from pathlib import Path

import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable
from tqdm import tqdm

from dataset import return_data
from model import WAE, Adversary
from ops import cuda, log_density_igaussian, multistep_lr_decay
from utils import DataGather


class Trainer(object):
    def __init__(self, args):
        self.use_cuda = args.cuda and torch.cuda.is_available()
        self.max_epoch = args.max_epoch
        self.global_epoch = 0
        self.global_iter = 0
        self.z_dim = args.z_dim
        self.z_var = args.z_var
        self.z_sigma = self.z_var ** 0.5
        self._lambda = args.reg_weight
        self.lr = args.lr
        self.lr_D = args.lr_D
        self.beta1 = args.beta1
        self.beta2 = args.beta2
        self.lr_schedules = {30: 2, 50: 5, 100: 10}
        if args.dataset.lower() == 'celeba':
            self.nc = 3
            self.decoder_dist = 'gaussian'
        else:
            raise NotImplementedError
        self.net = cuda(WAE(self.z_dim, self.nc), self.use_cuda)
        self.optim = optim.Adam(self.net.parameters(), lr=self.lr, betas=(self.beta1, self.beta2))
        self.D = cuda(Adversary(self.z_dim), self.use_cuda)
        self.optim_D = optim.Adam(self.D.parameters(), lr=self.lr_D, betas=(self.beta1, self.beta2))
        self.gather = DataGather()
        self.ckpt_dir = Path(args.ckpt_dir).joinpath(args.viz_name)
        self.batch_size = args.batch_size
        self.data_loader = return_data(args)

    def sample_z(self, template=None, n_sample=None, sigma=1):
        if template is not None:
            z = sigma * Variable(template.data.new(template.size()).normal_())
        else:
            z = sigma * torch.randn(n_sample, self.z_dim)
            z = Variable(cuda(z, self.use_cuda))
        return z

    def train(self):
        self.net.train()
        ones = Variable(cuda(torch.ones(self.batch_size, 1), self.use_cuda))
        zeros = Variable(cuda(torch.zeros(self.batch_size, 1), self.use_cuda))
        iters_per_epoch = len(self.data_loader)
        max_iter = self.max_epoch * iters_per_epoch
        with tqdm(total=max_iter) as pbar:
            pbar.update(self.global_iter)
            out = False
            while not out:
                for x in self.data_loader:
                    pbar.update(1)
                    self.global_iter += 1
                    if self.global_iter % iters_per_epoch == 0:
                        self.global_epoch += 1
                    self.optim = multistep_lr_decay(self.optim, self.global_epoch, self.lr_schedules)
                    x = Variable(cuda(x, self.use_cuda))
                    x_recon, z_tilde = self.net(x)
                    z = self.sample_z(template=z_tilde, sigma=self.z_sigma)
                    log_p_z = log_density_igaussian(z, self.z_var).view(-1, 1)
                    D_z = self.D(z)
                    D_z_tilde = self.D(z_tilde)
                    D_loss = F.binary_cross_entropy_with_logits(D_z + log_p_z, ones) + \
                        F.binary_cross_entropy_with_logits(D_z_tilde + log_p_z, zeros)
                    total_D_loss = self._lambda * D_loss
                    self.optim_D.zero_grad()
                    total_D_loss.backward(retain_graph=True)
                    self.optim_D.step()

                    recon_loss = F.mse_loss(x_recon, x, size_average=False).div(self.batch_size)  # expect: LG010
                    Q_loss = F.binary_cross_entropy_with_logits(D_z_tilde + log_p_z, ones)
                    total_AE_loss = recon_loss + self._lambda * Q_loss
                    self.optim.zero_grad()
                    total_AE_loss.backward()
                    self.optim.step()

                    if self.global_iter % 10 == 0:
                        self.gather.insert(iter=self.global_iter,
                                           D_z=F.sigmoid(D_z).mean().detach().data,
                                           D_z_tilde=F.sigmoid(D_z_tilde).mean().detach().data,
                                           mu=z.mean(0).data, var=z.var(0).data, recon_loss=recon_loss.data,
                                           Q_loss=Q_loss.data, D_loss=D_loss.data)
                    if self.global_iter % 50 == 0:
                        pbar.write('[{}] recon_loss:{:.3f} Q_loss:{:.3f} D_loss:{:.3f}'.format(
                            self.global_iter, recon_loss.data[0], Q_loss.data[0], D_loss.data[0]))
                    if self.global_iter >= max_iter:
                        out = True
                        break
        pbar.write("[Training Finished]")
