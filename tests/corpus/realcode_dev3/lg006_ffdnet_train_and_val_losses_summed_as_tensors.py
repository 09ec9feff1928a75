"""positive [LG006]: the denoiser's training and validation loops sum every batch's MSE loss tensor into an epoch total (`train_losses += train_loss`, `val_losses += val_loss`), so each epoch keeps every batch's graph alive until the division at its end."""
# Source: Aoi-hosizora/FFDNet_pytorch@80b23129a2316139a9550c1b85f6546528b531f6 ffdnet.py (read as is; issue #4 "Cuda out of memory", fixed by the reporter with `float(train_loss)`; re-typed, image loading, progress printing and the test function left out)
import argparse
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from torch.utils.data import DataLoader

import utils
from model import FFDNet


def train(args):
    train_set = images_to_patches(load_images(True, args.is_gray, args.train_path), patch_size=args.patch_size)
    val_set = images_to_patches(load_images(False, args.is_gray, args.train_path), patch_size=args.patch_size)
    train_loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=6)
    val_loader = DataLoader(val_set, batch_size=args.batch_size, shuffle=False, num_workers=6)

    lo, hi, step = args.train_noise_interval
    train_levels = list(range(lo, hi, step))
    lo, hi, step = args.val_noise_interval
    val_levels = list(range(lo, hi, step))

    net = FFDNet(is_gray=args.is_gray)
    net.apply(utils.weights_init_kaiming)
    if args.cuda:
        net = net.cuda()
    mse = nn.MSELoss(reduction='sum')
    opt = optim.Adam(net.parameters(), lr=args.learning_rate)

    for epoch in range(args.epoches):
        count = 0
        train_losses = 0
        net.train()
        started = time.time()
        for i, clean in enumerate(train_loader):
            for level in train_levels:
                sigma = level / 255
                noisy = utils.add_batch_noise(clean, sigma)
                sigmas = torch.FloatTensor(np.array([sigma for _ in range(noisy.shape[0])]))
                noisy = Variable(noisy)
                sigmas = Variable(sigmas)
                if args.cuda:
                    noisy = noisy.cuda()
                    sigmas = sigmas.cuda()

                denoised = net(noisy, sigmas)
                train_loss = mse(denoised, clean.to(denoised.device))
                train_losses += train_loss  # expect: LG006
                count += 1

                opt.zero_grad()
                train_loss.backward()
                opt.step()
                print(f'\rEpoch {epoch + 1}, batch {i + 1}, loss {train_loss}', end='')

        train_losses /= count
        print(f', avg train loss {train_losses}, {int(time.time() - started)}s')

        count = 0
        val_losses = 0
        if (epoch + 1) % args.val_epoch != 0:
            continue
        net.eval()
        for i, clean in enumerate(val_loader):
            for level in val_levels:
                sigma = level / 255
                noisy = utils.add_batch_noise(clean, sigma)
                sigmas = torch.FloatTensor(np.array([sigma for _ in range(noisy.shape[0])]))
                noisy = Variable(noisy)
                sigmas = Variable(sigmas)
                if args.cuda:
                    noisy = noisy.cuda()
                    sigmas = sigmas.cuda()

                denoised = net(noisy, sigmas)
                val_loss = mse(denoised, clean.to(denoised.device))
                val_losses += val_loss  # expect: LG006
                count += 1
                print(f'\rEpoch {epoch + 1}, batch {i + 1}, val loss {val_loss}', end='')

        val_losses /= count
        print(f', avg val loss {val_losses}')

        if (epoch + 1) % args.save_checkpoints == 0:
            torch.save(net.state_dict(), args.model_path + ('net_gray_checkpoint.pth' if args.is_gray else 'net_rgb_checkpoint.pth'))

    net.eval()
    torch.save(net.state_dict(), args.model_path + ('net_gray.pth' if args.is_gray else 'net_rgb.pth'))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", action='store_true')
    args = parser.parse_args()
    if args.train:
        train(args)


if __name__ == "__main__":
    main()
