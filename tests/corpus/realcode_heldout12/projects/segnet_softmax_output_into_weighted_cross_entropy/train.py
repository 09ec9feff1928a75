"""part of positive project [LG001, LG006]: the training script unpacks (scores, probabilities) from the SegNet, gives the probabilities to a class-weighted CrossEntropyLoss, and sums loss.float() (still the graph-carrying tensor) into the epoch loss it compares and saves by."""
# Source: say4n/pytorch-segnet@be538aecd677b703e0cd9d803b51e33c06fa8a27 src/train.py (the parent of f7738c6 "Update train.py", "Fixes #5", which passes the first output instead; the epoch sum is unchanged by the fix; re-typed, identifiers renamed, the usage docstring and some arguments left out)
from __future__ import print_function

import argparse
import os
import time

import torch
from torch.utils.data import DataLoader

from dataset import PascalVOCDataset, NUM_CLASSES
from model import SegNetLite

IN_CHANNELS = 3
OUT_CHANNELS = NUM_CLASSES
N_EPOCHS = 6000
LR = 1e-6
BATCH = 16

parser = argparse.ArgumentParser(description='Train a SegNet model')
parser.add_argument('--data_root', required=True)
parser.add_argument('--train_path', required=True)
parser.add_argument('--img_dir', required=True)
parser.add_argument('--mask_dir', required=True)
parser.add_argument('--save_dir', required=True)
parser.add_argument('--checkpoint')
parser.add_argument('--gpu', type=int)
args = parser.parse_args()


def train():
    best = float('inf')
    net.train()
    for epoch in range(N_EPOCHS):
        epoch_loss = 0
        t0 = time.time()
        for batch in loader:
            images = torch.autograd.Variable(batch['image'])
            masks = torch.autograd.Variable(batch['mask'])
            if USE_CUDA:
                images = images.cuda(DEVICE)
                masks = masks.cuda(DEVICE)

            scores, probs = net(images)

            optimizer.zero_grad()
            loss = criterion(probs, masks)  # expect: LG001
            loss.backward()
            optimizer.step()

            epoch_loss += loss.float()  # expect: LG006
            last_probs = probs.float()

        elapsed = time.time() - t0
        improved = epoch_loss < best
        if improved:
            best = epoch_loss
            torch.save(net.state_dict(), os.path.join(args.save_dir, "model_best.pth"))
        print("Epoch #{}\tLoss: {:.8f}\t Time: {:2f}s".format(epoch + 1, epoch_loss, elapsed))


if __name__ == "__main__":
    root = args.data_root
    dataset = PascalVOCDataset(list_file=os.path.join(root, args.train_path),
                               img_dir=os.path.join(root, args.img_dir),
                               mask_dir=os.path.join(root, args.mask_dir))
    loader = DataLoader(dataset, batch_size=BATCH, shuffle=True, num_workers=4)

    USE_CUDA = args.gpu is not None
    DEVICE = args.gpu

    if USE_CUDA:
        net = SegNetLite(input_channels=IN_CHANNELS, output_channels=OUT_CHANNELS).cuda(DEVICE)
        weights = 1.0 / dataset.get_class_probability().cuda(DEVICE)
        criterion = torch.nn.CrossEntropyLoss(weight=weights).cuda(DEVICE)
    else:
        net = SegNetLite(input_channels=IN_CHANNELS, output_channels=OUT_CHANNELS)
        weights = 1.0 / dataset.get_class_probability()
        criterion = torch.nn.CrossEntropyLoss(weight=weights)

    if args.checkpoint:
        net.load_state_dict(torch.load(args.checkpoint))

    optimizer = torch.optim.Adam(net.parameters(), lr=LR)
    train()
