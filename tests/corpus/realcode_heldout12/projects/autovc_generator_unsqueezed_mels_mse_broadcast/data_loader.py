"""part of positive project [LG005]: each item is one (len_crop, 80) mel crop and a speaker embedding; the DataLoader batches them to (B, len_crop, 80)."""
# Source: auspicious3000/autovc@c1827a60e83e6d26030b8953843b2f7cf2bd36db data_loader.py (read as is; re-typed, identifiers renamed, the multi-process metadata loading shortened)
import os
import pickle

import numpy as np
import torch
from torch.utils import data


class Utterances(data.Dataset):

    def __init__(self, root_dir, len_crop):
        self.root_dir = root_dir
        self.len_crop = len_crop
        meta = pickle.load(open(os.path.join(self.root_dir, "train.pkl"), "rb"))
        self.train_dataset = [[m[0], m[1]] + [np.load(os.path.join(self.root_dir, f)) for f in m[2:]] for m in meta]
        self.num_tokens = len(self.train_dataset)

    def __getitem__(self, index):
        utts = self.train_dataset[index]
        emb_org = utts[1]
        a = np.random.randint(2, len(utts))
        tmp = utts[a]
        if tmp.shape[0] < self.len_crop:
            pad = self.len_crop - tmp.shape[0]
            uttr = np.pad(tmp, ((0, pad), (0, 0)), 'constant')
        elif tmp.shape[0] > self.len_crop:
            left = np.random.randint(tmp.shape[0] - self.len_crop)
            uttr = tmp[left:left + self.len_crop, :]
        else:
            uttr = tmp
        return uttr, emb_org

    def __len__(self):
        return self.num_tokens


def get_loader(root_dir, batch_size=16, len_crop=128, num_workers=0):
    dataset = Utterances(root_dir, len_crop)
    worker_init_fn = lambda x: np.random.seed((torch.initial_seed()) % (2 ** 32))
    return data.DataLoader(dataset=dataset, batch_size=batch_size, shuffle=True, num_workers=num_workers,
                           drop_last=True, worker_init_fn=worker_init_fn)
