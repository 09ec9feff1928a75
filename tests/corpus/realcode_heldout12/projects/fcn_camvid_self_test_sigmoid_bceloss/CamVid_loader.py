"""part of positive project [LG016]: the CamVid dataset loads an integer label map, makes it a long tensor, and builds a float one-hot target of shape (n_class, H, W) from it; 'Y' (the float one-hot) is the training target, 'l' (the long map) is kept for the metrics."""
# Source: pochih/FCN-pytorch@89fabead0735470127076f3d5dd0a55ee27bd599 python/CamVid_loader.py (re-typed, identifiers renamed, the plotting helper and module-level paths left out)
from __future__ import print_function

import random

import numpy as np
import pandas as pd
import scipy.misc
import torch
from torch.utils.data import Dataset

num_class = 32
means = np.array([103.939, 116.779, 123.68]) / 255.
h, w = 720, 960
train_h = int(h * 2 / 3)
train_w = int(w * 2 / 3)
val_h = int(h / 32) * 32
val_w = w


class CamVidSet(Dataset):

    def __init__(self, csv_file, phase, n_class=num_class, crop=True, flip_rate=0.5):
        self.data = pd.read_csv(csv_file)
        self.means = means
        self.n_class = n_class
        self.flip_rate = flip_rate
        self.crop = crop
        if phase == 'train':
            self.new_h = train_h
            self.new_w = train_w
        elif phase == 'val':
            self.new_h = val_h
            self.new_w = val_w

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        img = scipy.misc.imread(self.data.ix[idx, 0], mode='RGB')
        label = np.load(self.data.ix[idx, 1])
        if self.crop:
            h, w, _ = img.shape
            top = random.randint(0, h - self.new_h)
            left = random.randint(0, w - self.new_w)
            img = img[top:top + self.new_h, left:left + self.new_w]
            label = label[top:top + self.new_h, left:left + self.new_w]
        if random.random() < self.flip_rate:
            img = np.fliplr(img)
            label = np.fliplr(label)

        h, w, _ = img.shape
        img = img[:, :, ::-1]
        img = torch.from_numpy(img.copy()).permute(2, 0, 1).float().div(255)
        img[0].sub_(self.means[0])
        img[1].sub_(self.means[1])
        img[2].sub_(self.means[2])
        label = torch.from_numpy(label.copy()).long()

        target = torch.zeros(self.n_class, h, w)
        for c in range(self.n_class):
            target[c][label == c] = 1

        return {'X': img, 'Y': target, 'l': label}
