"""part of look-alike project [LG005, LG006]: training sums two L1 losses on (N, 1) quality scores against (N, 1) labels and on the features; validation averages one image's patch scores to a 0-dim score and compares it with label[0], a one-element tensor; every running sum takes loss.item()."""
# Source: lllllllllllll-llll/NSSADNN_IQA at 1cc3774c (read as is; issue #1 reports the L1Loss warning "target size (torch.Size([1])) that is different to input size (torch.Size([]))" and the author could not reproduce a problem), train.py;
# re-typed, identifiers renamed; the argument parser, the correlation metrics, the final test and model saving
# shortened.
import random

import numpy as np
import torch
import torch.nn as nn
import yaml

from IQADataset import PatchQualityDataset
from network import QualityNet


def run(args, config):
    device = torch.device("cuda" if torch.cuda.is_available() else "CPU")
    index = list(range(1, 30))
    random.shuffle(index)
    train_loader = torch.utils.data.DataLoader(PatchQualityDataset(args.dataset, config, index, "train"),
                                               batch_size=args.batch_size, shuffle=True, pin_memory=True,
                                               num_workers=0)
    val_loader = torch.utils.data.DataLoader(PatchQualityDataset(args.dataset, config, index, "val"))

    model = QualityNet().to(device)
    criterion = nn.L1Loss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, weight_decay=args.weight_decay, momentum=0.9)

    for epoch in range(args.epochs):
        model.train()
        LOSS_all = 0
        LOSS_NSS = 0
        LOSS_q = 0
        for i, (patches, (label, features)) in enumerate(train_loader):
            patches = patches.to(device)
            label = label.to(device)
            features = features.to(device).float()
            optimizer.zero_grad()
            outputs_q = model(patches)[0]
            outputs_NSS = model(patches)[1]
            loss_NSS = criterion(outputs_NSS, features)
            loss_q = criterion(outputs_q, label)
            loss = loss_NSS + loss_q
            loss.backward()
            optimizer.step()
            LOSS_all = LOSS_all + loss.item()
            LOSS_NSS = LOSS_NSS + loss_NSS.item()
            LOSS_q = LOSS_q + loss_q.item()
        train_loss_all = LOSS_all / (i + 1)

        y_pred = np.zeros(len(val_loader))
        y_val = np.zeros(len(val_loader))
        model.eval()
        L = 0
        with torch.no_grad():
            for i, (patches, (label, features)) in enumerate(val_loader):
                y_val[i] = label.item()
                patches = patches.to(device)
                label = label.to(device)
                outputs_q = model(patches)[0]
                score = outputs_q.mean()
                y_pred[i] = score
                loss = criterion(score, label[0])
                L = L + loss.item()
        val_loss = L / (i + 1)
        print("Epoch {} train loss={:.3f} valid loss={:.3f}".format(epoch, train_loss_all, val_loss))


if __name__ == '__main__':
    args = parse_args()
    with open(args.config) as f:
        config = yaml.load(f, Loader=yaml.FullLoader)
    run(args, config)
