"""part of positive project [LG002]: the configuration module builds the models, the losses (adversarial_criterion = nn.BCELoss()) and the optimizers as module-level names when mode == "train"."""
# Source: https://github.com/Lornatang/ESRGAN-PyTorch config.py at b3e1d1f6391c32eff869e0668d9300cc330d0136; re-typed, names changed, reduced (paths, resume options and the
# validation settings left out).
import os

import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import MultiStepLR
from torch.utils.tensorboard import SummaryWriter

from model import ContentLoss, Discriminator, Generator

upscale_factor = 4
device = torch.device("cuda:0")
cudnn.benchmark = True
mode = "train"
exp_name = "exp000"

if mode == "train":
    train_dir = "data/DFO2K/train"
    image_size = 128
    batch_size = 16
    discriminator = Discriminator().to(device)
    generator = Generator().to(device)
    p_epochs = 1162
    epochs = 465
    psnr_criterion = nn.MSELoss().to(device)
    pixel_criterion = nn.L1Loss().to(device)
    content_criterion = ContentLoss().to(device)
    adversarial_criterion = nn.BCELoss().to(device)
    pixel_weight = 0.01
    content_weight = 1.0
    adversarial_weight = 0.005
    p_optimizer = optim.Adam(generator.parameters(), 0.0002, (0.9, 0.999))
    d_optimizer = optim.Adam(discriminator.parameters(), 0.0001, (0.9, 0.999))
    g_optimizer = optim.Adam(generator.parameters(), 0.0001, (0.9, 0.999))
    milestones = [epochs * 0.125, epochs * 0.250, epochs * 0.500, epochs * 0.750]
    d_scheduler = MultiStepLR(d_optimizer, list(map(int, milestones)), 0.5)
    g_scheduler = MultiStepLR(g_optimizer, list(map(int, milestones)), 0.5)
    writer = SummaryWriter(os.path.join("samples", "logs", exp_name))
