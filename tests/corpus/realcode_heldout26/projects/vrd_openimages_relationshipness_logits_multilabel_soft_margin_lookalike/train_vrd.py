"""part of look-alike project [LG001, LG003, LG005]: the VRD training script sums the detector's losses with the relationship and attribute losses returned by the model and steps Adam, logging loss.item()."""
# Source: mesnico/pytorch-retinanet at 13a4465e (read as is; the relationship and attribute heads this fork adds for the
# OpenImages 2019 challenge), train_vrd.py; re-typed,
# identifiers renamed; argument parsing, the dataset, validation and checkpoints shortened (VRD, build_loaders stand for
# the cut parts).
import numpy as np
import torch
import torch.optim as optim

from models.vrd import VRD


def main(args):
    train_loader, dataset = build_loaders(args)
    model = VRD(dataset, args.rel_context, args.use_labels).cuda()
    optimizer = optim.Adam(model.parameters(), lr=1e-5)
    for epoch in range(args.epochs):
        model.train()
        epoch_loss = []
        for it, (images, targets) in enumerate(train_loader):
            optimizer.zero_grad()
            losses = model(images, targets)
            loss = sum(l.mean() for l in losses.values())
            if bool(loss == 0):
                continue
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
            optimizer.step()
            epoch_loss.append(float(loss.item()))
            if it % 50 == 0:
                print('Epoch {} | Iter {} | loss {:1.5f} | running {:1.5f}'.format(epoch, it, float(loss.item()),
                                                                                     np.mean(epoch_loss)))
