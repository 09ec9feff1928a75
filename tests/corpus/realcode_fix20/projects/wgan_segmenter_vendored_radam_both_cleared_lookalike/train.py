"""part of look-alike project [LG014]: the adversarial segmentation loop clears both the generator's and the discriminator's RAdam every batch."""

# Source: hokuseihal/brain-segmentation-pytorch@bd4ef6a876 train.py (the fix commit; cut, renamed)
import numpy as np
import torch

from core import addvalue
from gan import Discriminator
from radam import RectifiedAdam
from unet import UNet
from utils.own import MulticlassCrackDataset as Dataset


def onehot(x, num_class=3):
    return torch.eye(num_class)[x].permute(0, 3, 1, 2).to(x.device)


def main(args):
    device = torch.device("cpu" if not torch.cuda.is_available() else args.device)
    unet = UNet(in_channels=3, out_channels=3, cutpath=args.cutpath)
    discriminator = Discriminator(3).to(device)
    writer = {}
    unet.to(device)
    traindataset = Dataset(args.trainmask, train=True, random=args.random, split=args.split)
    validdataset = Dataset(args.validmask, train=False, random=args.random, split=args.split)
    trainloader = torch.utils.data.DataLoader(traindataset, batch_size=args.batchsize // args.subdivision, shuffle=True)
    validloader = torch.utils.data.DataLoader(validdataset, batch_size=args.batchsize // args.subdivision, shuffle=True)
    loaders = {'train': trainloader, 'valid': validloader}

    g_optimizer = RectifiedAdam(unet.parameters(), lr=args.lr)
    d_optimizer = RectifiedAdam(discriminator.parameters())

    for epoch in range(args.epochs):
        losslist = []
        for phase in ["train"] * args.num_train + ["valid"]:
            if phase == "train":
                unet.train()
            else:
                unet.eval()
            for i, data in enumerate(loaders[phase]):
                x, y_true = data
                x, y_true = x.to(device), y_true.to(device)
                g_optimizer.zero_grad()
                d_optimizer.zero_grad()

                with torch.set_grad_enabled(phase == "train"):
                    y_pred = unet(x)
                    gan_x = onehot(y_true)
                    d_real_out = discriminator(gan_x).mean()
                    d_fake_out = discriminator(y_pred).mean()
                    gloss = -d_fake_out
                    addvalue(writer, f'g_loss:{phase}', gloss.item(), epoch)
                    losslist += [gloss.item()]
                    if phase == "train":
                        (-d_real_out + d_fake_out).backward(retain_graph=True)
                        gloss.backward()
                        if i % (args.batchsize // args.subdivision) == 0:
                            g_optimizer.step()
                            d_optimizer.step()
            addvalue(writer, f'gloss:{phase}', np.mean(losslist), epoch)
