"""look-alike [LG003, LG014, LG004]: the fixed relativistic-average GAN step: BCEWithLogitsLoss on differences of raw discriminator scores, labels from torch.full with an explicit float dtype, mixed precision with one GradScaler; each optimizer is zeroed before its scaled backward and stepped through scaler.step."""
# Source: Lornatang/RFB_ESRGAN-PyTorch at 32d44c5e ("Upgrade..."), trainer.py, train_gan and the criterion set-up of
# the Trainer class; re-typed, identifiers renamed; the PSNR stage, the logging and tensorboard writes, the image
# dumps and the schedulers' bookkeeping cut. As in the source, the module imports discriminator and VGGLoss from
# esrgan_pytorch (the package of the author's ESRGAN repository, installed separately), not from this repository's
# rfb_esrgan_pytorch package, whose discriminator file is included; neither esrgan_pytorch module is included.
import torch
import torch.cuda.amp as amp
import torch.nn as nn
import torch.utils.data
from tqdm import tqdm

from esrgan_pytorch.loss import VGGLoss
from esrgan_pytorch.models.discriminator import discriminator


def train_gan(epoch, total_epoch, dataloader, disc, gen, pixel_criterion, perceptual_criterion,
              adversarial_criterion, d_opt, g_opt, scaler, device):
    gen.train()
    disc.train()
    for i, (inp, target) in tqdm(enumerate(dataloader), total=len(dataloader)):
        lr_img = inp.to(device)
        hr_img = target.to(device)
        n = lr_img.size(0)
        real_label = torch.full((n, 1), 1, dtype=lr_img.dtype, device=device)
        fake_label = torch.full((n, 1), 0, dtype=lr_img.dtype, device=device)

        d_opt.zero_grad()
        with amp.autocast():
            sr_img = gen(lr_img)
            real_out = disc(hr_img)
            fake_out = disc(sr_img.detach())
            errD_real = adversarial_criterion(real_out - torch.mean(fake_out), real_label)
            errD_fake = adversarial_criterion(fake_out - torch.mean(real_out), fake_label)
            errD = errD_fake + errD_real
        scaler.scale(errD).backward()
        scaler.step(d_opt)
        scaler.update()

        g_opt.zero_grad()
        with amp.autocast():
            pixel = pixel_criterion(sr_img, hr_img)
            perceptual = perceptual_criterion(sr_img, hr_img)
            real_out = disc(hr_img.detach())
            fake_out = disc(sr_img)
            adversarial = adversarial_criterion(fake_out - torch.mean(real_out), real_label)
            errG = perceptual + 0.005 * adversarial + 0.01 * pixel
        scaler.scale(errG).backward()
        scaler.step(g_opt)
        scaler.update()


class Trainer(object):
    def __init__(self, args, generator, train_dataloader, device):
        self.args = args
        self.device = device
        self.train_dataloader = train_dataloader
        self.generator = generator.to(device)
        self.discriminator = discriminator().to(device)
        self.scaler = amp.GradScaler()
        self.epochs = args.epochs
        self.d_opt = torch.optim.Adam(self.discriminator.parameters(), lr=args.lr, betas=(0.9, 0.999))
        self.g_opt = torch.optim.Adam(self.generator.parameters(), lr=args.lr, betas=(0.9, 0.999))
        self.perceptual_criterion = VGGLoss().to(self.device)
        self.pixel_criterion = nn.L1Loss().to(self.device)
        self.adversarial_criterion = nn.BCEWithLogitsLoss().to(self.device)

    def run(self):
        for epoch in range(self.epochs):
            train_gan(epoch, self.epochs, self.train_dataloader, self.discriminator, self.generator,
                      self.pixel_criterion, self.perceptual_criterion, self.adversarial_criterion,
                      self.d_opt, self.g_opt, self.scaler, self.device)
