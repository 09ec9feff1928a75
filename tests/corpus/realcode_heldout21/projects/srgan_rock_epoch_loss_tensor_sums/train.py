"""part of positive project [LG006]: two-phase SRGAN training on rock images: each batch adds the graph-holding discriminator loss (loss_disc_epoch += loss_disc) and generator loss (loss_gen_epoch += g_loss) to epoch totals that are only turned into floats with .item() after the 600-batch epoch."""
# Source: MBasting/SRGAN at 29b70557 (read as is), train.py; re-typed, identifiers renamed; the validation and test
# loaders, the PSNR json dump and the weight loading shortened. SRCNN.py (the generator) and Load_dataset.py are
# not included.
import random
import time

import torch
from torch.utils.data import DataLoader
from torchvision.models import vgg19
from tqdm import tqdm

from Discriminator import Discriminator
from Load_dataset import load_dataset
from Losses import DLoss, ADVloss, VGG19_Loss, L2loss, PSNR
from SRCNN import SRCNN


def try_gpu():
    if torch.cuda.is_available():
        return torch.device("cuda:0")
    return torch.device("cpu")


def train(gen, disc, vgg, device, load_from_file=False, weights_gen=None, weights_disc=None):
    epochs_gen = 166
    lr_gen = 1e-4
    alpha = 1e-5
    beta = 5e-3

    l1 = torch.nn.L1Loss(size_average=None, reduce=None, reduction="mean")
    criterion_disc = DLoss

    lr_disc = 1e-4
    fake_label = 0
    real_label = 1
    epochs_both = 250

    train_set, *_ = load_dataset()
    bs = 16
    loader = DataLoader(train_set, batch_size=bs, shuffle=True, num_workers=4, pin_memory=True, drop_last=True)

    hist_gen = []
    hist_disc = []
    hist_psnr = []

    for phase, epochs in enumerate([epochs_gen, epochs_both]):
        opt_disc = torch.optim.Adam(disc.parameters(), lr_disc)
        opt_gen = torch.optim.Adam(gen.parameters(), lr_gen)

        if phase == 0 and load_from_file and weights_gen is not None:
            continue
        if load_from_file and weights_disc is not None:
            continue

        outer = tqdm(range(epochs), position=0, desc="Epoch", leave=True)
        for epoch in outer:
            loss_gen_epoch = 0
            loss_disc_epoch = 0
            psnr_epoch = 0

            inner = tqdm(total=600, desc="Batch", position=1, leave=False)
            for i_batch, sample in enumerate(loader):
                gen.train()
                disc.train()

                lr_img = sample["LR"].to(device)
                hr_img = sample["HR"].to(device)

                opt_gen.zero_grad()
                opt_disc.zero_grad()

                sr_img = gen(lr_img)

                g_loss = l1(sr_img, hr_img)
                l2 = L2loss(sr_img, hr_img)
                psnr_single = PSNR(l2, 2)

                if phase == 1:
                    y_real = torch.full((bs, 1), real_label, dtype=torch.float32, device=device)
                    y_fake = torch.full((bs, 1), fake_label, dtype=torch.float32, device=device)

                    out_sr = disc(sr_img.detach())
                    loss_disc_sr = criterion_disc(y_fake, out_sr)

                    p_sr = torch.ones(bs, device=device) - out_sr.detach()

                    adv_loss = ADVloss(p_sr, device=device)
                    vgg_loss = VGG19_Loss(sr_img, hr_img, vgg)

                    loss_disc_sr.backward()
                    opt_disc.step()

                    opt_disc.zero_grad()
                    out_hr = disc(hr_img.detach())
                    loss_disc_hr = criterion_disc(y_real, out_hr)
                    loss_disc_hr.backward()
                    opt_disc.step()

                    loss_disc = loss_disc_hr + loss_disc_sr
                    # running total of the discriminator loss
                    loss_disc_epoch += loss_disc  # expect: LG006

                    g_loss += alpha * vgg_loss + beta * adv_loss

                g_loss.backward()
                opt_gen.step()
                # running total of the generator loss
                loss_gen_epoch += g_loss  # expect: LG006

                psnr_epoch += psnr_single

                inner.update(1)
                if phase == 0:
                    inner.set_postfix(loss=g_loss.item(), loss_l2=l2.item())
                else:
                    inner.set_postfix(loss=g_loss.item(), adv=adv_loss.item(), vgg=vgg_loss.item(), d=loss_disc.item())

            avg_gen = loss_gen_epoch.item() / len(loader)
            hist_gen.append(avg_gen)
            avg_psnr = psnr_epoch / len(loader)
            hist_psnr.append(avg_psnr)

            if phase == 0:
                outer.set_postfix(loss=avg_gen, psnr=avg_psnr)
            else:
                avg_disc = loss_disc_epoch.item() / len(loader)
                hist_disc.append(avg_disc)
                outer.set_postfix(loss_gen=avg_gen, loss_disc=avg_disc, psnr=avg_psnr)

        torch.save(gen.state_dict(), "weights/gen_{}_{}.pth".format(phase + 1, time.time()))
        if phase == 1:
            torch.save(disc.state_dict(), "weights/disc_{}_{}.pth".format(phase + 1, time.time()))


if __name__ == "__main__":
    seed = random.randint(1, 10000)
    random.seed(seed)
    torch.manual_seed(seed)
    device = try_gpu()
    gen = SRCNN(1)
    disc = Discriminator(1)
    gen.to(device)
    disc.to(device)

    vgg_cut = vgg19(pretrained=True).features[:-1]
    vgg_cut.to(device)

    train(gen, disc, vgg_cut, device)
