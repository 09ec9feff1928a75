"""part of positive project [LG005]: FairBatch.adjust_lambda runs the whole training set through self.model (an (N, 1) output) and calls BCELoss(reduction='none') on it against the (N,) label vector, or an (N,) ones vector, so each per-sample loss broadcasts to (N, N) (or raises on recent torch) instead of pairing sample with label."""
# Source: yuji-roh/fairbatch@4f652764be12ce18d237d563d291b63fa1ddf67f FairBatchSampler.py (read as is; pull request #2, "Ensure the target with the same shape as the input", was closed unmerged; re-typed, cut at class and function boundaries: the index bookkeeping of __init__, the lambda updates of the eqodds and dp branches, select_batch_replacement and __iter__ shortened)
import random

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import Dataset
from torch.utils.data.sampler import Sampler


class CustomDataset(Dataset):
    def __init__(self, x_tensor, y_tensor, z_tensor):
        self.x = x_tensor
        self.y = y_tensor
        self.z = z_tensor

    def __getitem__(self, index):
        return (self.x[index], self.y[index], self.z[index])

    def __len__(self):
        return len(self.x)


class FairBatch(Sampler):
    def __init__(self, model, x_tensor, y_tensor, z_tensor, batch_size, alpha, target_fairness, replacement=False, seed=0):
        self.model = model
        np.random.seed(seed)
        random.seed(seed)

        self.x_data = x_tensor
        self.y_data = y_tensor
        self.z_data = z_tensor
        self.alpha = alpha
        self.fairness_type = target_fairness
        self.replacement = replacement
        self.N = len(z_tensor)
        self.batch_size = batch_size
        self.batch_num = int(len(self.y_data) / self.batch_size)

        self.z_item = list(set(z_tensor.tolist()))
        self.y_item = list(set(y_tensor.tolist()))
        self.yz_tuple = [(y, z) for y in self.y_item for z in self.z_item]

        self.z_index = {z: (self.z_data == z).nonzero().squeeze() for z in self.z_item}
        self.y_index = {y: (self.y_data == y).nonzero().squeeze() for y in self.y_item}
        self.yz_index = {yz: ((self.y_data == yz[0]) & (self.z_data == yz[1])).nonzero().squeeze() for yz in self.yz_tuple}
        self.z_len = {z: len(self.z_index[z]) for z in self.z_item}
        self.y_len = {y: len(self.y_index[y]) for y in self.y_item}
        self.yz_len = {yz: len(self.yz_index[yz]) for yz in self.yz_tuple}

        self.S = {yz: self.batch_size * self.yz_len[yz] / self.N for yz in self.yz_tuple}
        self.lb1 = self.S[1, 1] / (self.S[1, 1] + self.S[1, 0])
        self.lb2 = self.S[-1, 1] / (self.S[-1, 1] + self.S[-1, 0])

    def adjust_lambda(self):
        self.model.eval()
        logit = self.model(self.x_data)

        criterion = torch.nn.BCELoss(reduction='none')

        if self.fairness_type == 'eqopp':
            yhat_yz = {}
            yhat_y = {}

            eo_loss = criterion((F.tanh(logit) + 1) / 2, (self.y_data + 1) / 2)  # expect: LG005

            for tmp_yz in self.yz_tuple:
                yhat_yz[tmp_yz] = float(torch.sum(eo_loss[self.yz_index[tmp_yz]])) / self.yz_len[tmp_yz]
            for tmp_y in self.y_item:
                yhat_y[tmp_y] = float(torch.sum(eo_loss[self.y_index[tmp_y]])) / self.y_len[tmp_y]

            if yhat_yz[(1, 1)] > yhat_yz[(1, 0)]:
                self.lb1 += self.alpha
            else:
                self.lb1 -= self.alpha
            self.lb1 = min(max(self.lb1, 0), 1)

        elif self.fairness_type == 'eqodds':
            yhat_yz = {}

            eo_loss = criterion((F.tanh(logit) + 1) / 2, (self.y_data + 1) / 2)  # expect: LG005

            for tmp_yz in self.yz_tuple:
                yhat_yz[tmp_yz] = float(torch.sum(eo_loss[self.yz_index[tmp_yz]])) / self.yz_len[tmp_yz]

            y1_diff = abs(yhat_yz[(1, 1)] - yhat_yz[(1, 0)])
            y0_diff = abs(yhat_yz[(-1, 1)] - yhat_yz[(-1, 0)])
            if y1_diff > y0_diff:
                self.lb1 += self.alpha if yhat_yz[(1, 1)] > yhat_yz[(1, 0)] else -self.alpha
            else:
                self.lb2 += self.alpha if yhat_yz[(-1, 1)] > yhat_yz[(-1, 0)] else -self.alpha

        elif self.fairness_type == 'dp':
            yhat_yz = {}

            ones_array = np.ones(len(self.y_data))
            ones_tensor = torch.FloatTensor(ones_array)
            dp_loss = criterion((F.tanh(logit) + 1) / 2, ones_tensor)  # expect: LG005

            for tmp_yz in self.yz_tuple:
                yhat_yz[tmp_yz] = float(torch.sum(dp_loss[self.yz_index[tmp_yz]])) / self.z_len[tmp_yz[1]]

            y1_diff = abs(yhat_yz[(1, 1)] - yhat_yz[(1, 0)])
            y0_diff = abs(yhat_yz[(-1, 1)] - yhat_yz[(-1, 0)])
            if y1_diff > y0_diff:
                self.lb1 += self.alpha if yhat_yz[(1, 1)] > yhat_yz[(1, 0)] else -self.alpha
            else:
                self.lb2 += -self.alpha if yhat_yz[(-1, 1)] > yhat_yz[(-1, 0)] else self.alpha

    def select_batch_replacement(self, batch_size, full_index, batch_num, replacement=False):
        select_index = []
        for _ in range(batch_num):
            select_index.append(np.random.choice(len(full_index), batch_size, replace=replacement))
        return select_index

    def __iter__(self):
        if self.fairness_type != 'original':
            self.adjust_lambda()
        sort_index = self.select_batch_replacement(self.batch_size, np.arange(self.N), self.batch_num, self.replacement)
        for i in range(self.batch_num):
            yield sort_index[i]

    def __len__(self):
        return len(self.y_data)
