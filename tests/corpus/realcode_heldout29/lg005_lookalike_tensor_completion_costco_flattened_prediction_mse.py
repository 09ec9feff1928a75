"""look-alike [LG005, LG006, LG013]: a CoSTCo traffic-tensor completion model (time, user and item embeddings stacked and convolved) ends in LazyLinear(1) and returns x.flatten(), a (B,) prediction, against the (B,) observed entry values cast with .float() in MSELoss; the epoch's losses are kept as float(loss)."""
# Source: 34704366/pytorch_practice at 5e75fe66, experiment/bayesian/lyh/MF/run_costco.py; re-typed, identifiers renamed;
# the per-dataset slicing of the traffic tensors, the metrics and the argument parser shortened; the star import of
# torch.nn kept as in the source.
import logging

import numpy as np
import torch
import torch as t
from torch.utils.data import DataLoader, Dataset
from torch.nn import *
from tqdm import trange

logger = logging.getLogger('costco')


class EntryDataset(Dataset):
    def __init__(self, dense, offset):
        self.dense = dense
        self.tIdx, self.rIdx, self.cIdx = self.dense.nonzero()
        self.offset = offset

    def __len__(self):
        return len(self.tIdx)

    def __getitem__(self, i):
        tIdx = self.tIdx[i]
        rIdx = self.rIdx[i]
        cIdx = self.cIdx[i]
        value = self.dense[tIdx, rIdx, cIdx]
        return tIdx + self.offset, rIdx, cIdx, value


def metrics(pred, true):
    nonzero = np.nonzero(true)
    error = np.sum(np.abs(pred[nonzero] - true[nonzero])) / np.sum(true[nonzero])
    return error


class CoSTCo(Module):
    def __init__(self, num_times, num_users, num_items, num_modes, rank):
        super(CoSTCo, self).__init__()
        self.num_modes = num_modes
        self.channels = rank
        self.time_embeds = Embedding(num_times, rank)
        self.user_embeds = Embedding(num_users, rank)
        self.item_embeds = Embedding(num_items, rank)
        self.conv1 = Sequential(LazyConv2d(self.channels, kernel_size=(self.num_modes, 1)), ReLU())
        self.conv2 = Sequential(LazyConv2d(self.channels, kernel_size=(1, rank)), ReLU())
        self.flatten = Flatten()
        self.hidden = Sequential(LazyLinear(rank), ReLU())
        self.out = Sequential(LazyLinear(1), ReLU())

    def forward(self, tIdx, rIdx, cIdx):
        x = t.stack([self.time_embeds(tIdx), self.user_embeds(rIdx), self.item_embeds(cIdx)], dim=1)
        x = t.unsqueeze(x, dim=1)
        x = self.conv1(x)
        x = self.conv2(x)
        x = self.flatten(x)
        x = self.hidden(x)
        x = self.out(x)
        return x.flatten()


def get_loaders(args):
    tensor = np.load('../dataset/abilene.npy')[:4000].astype('float32')
    thsh = np.percentile(tensor, q=args.quantile)
    tensor[tensor > thsh] = thsh
    tensor /= thsh
    tIdx, sIdx, dIdx = tensor.nonzero()
    p = np.random.permutation(len(tIdx))
    tIdx, sIdx, dIdx = tIdx[p], sIdx[p], dIdx[p]
    n = int(np.prod(tensor.shape) * args.density)
    train = np.zeros_like(tensor)
    train[tIdx[:n], sIdx[:n], dIdx[:n]] = tensor[tIdx[:n], sIdx[:n], dIdx[:n]]
    test = np.zeros_like(tensor)
    test[tIdx[n:], sIdx[n:], dIdx[n:]] = tensor[tIdx[n:], sIdx[n:], dIdx[n:]]
    test = test[3000:4000]
    train_loader = DataLoader(EntryDataset(train, offset=0), batch_size=args.bs, shuffle=True, num_workers=1)
    test_set = EntryDataset(test, offset=3000)
    test_loader = DataLoader(test_set, batch_size=len(test_set), shuffle=True, num_workers=1)
    return train_loader, test_loader, thsh, tensor.shape


def run(runid, args):
    train_loader, test_loader, thsh, shape = get_loaders(args)
    num_times, num_users, num_items = shape
    model = CoSTCo(num_times, num_users, num_items, num_modes=3, rank=args.rank).to(args.device)
    optimizer = t.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = MSELoss()

    for epoch in trange(args.iter):
        model.train()
        losses = []
        for batch in train_loader:
            optimizer.zero_grad()
            tIdx, rIdx, cIdx, value = batch
            pred = model.forward(tIdx.to(args.device), rIdx.to(args.device), cIdx.to(args.device))
            loss = loss_fn(pred, value.float().to(args.device))
            loss.backward()
            optimizer.step()
            losses += [float(loss)]

    errors = []
    model.eval()
    with torch.no_grad():
        for batch in test_loader:
            tIdx, rIdx, cIdx, value = batch
            pred = model.forward(tIdx.to(args.device), rIdx.to(args.device), cIdx.to(args.device))
            errors += [metrics(pred.cpu().numpy() * thsh, value.numpy() * thsh)]
    logger.info(f"Run ID={runid}, ER={np.mean(errors):.3f}")
    return np.mean(errors)
