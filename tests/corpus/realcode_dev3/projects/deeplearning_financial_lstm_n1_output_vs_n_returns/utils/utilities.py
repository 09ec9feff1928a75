"""part of positive project [LG005]: the windowing helper returns the log returns of a price series, one number per window, and the dataset slices them into batches."""
# Source: mlpanda/DeepLearning_Financial@7e846144629d8b49b8fd74a87d5ff047b7af55d1 utils/utilities.py (read as is; re-typed, evaluation, checkpoint and back-test helpers left out)
import numpy as np
from torch.utils.data import Dataset


def prepare_data_lstm(x_encoded, y_close, time_steps, log_return=True, train=True):
    data = []
    for i in range(len(x_encoded) - time_steps):
        if train:
            window = x_encoded[i:i + time_steps]
        else:
            window = x_encoded[:i + time_steps]
        data.append(window)
    if log_return == False:
        y_close = y_close.pct_change()[1:]
    else:
        y_close = (np.log(y_close) - np.log(y_close.shift(1)))[1:]
    if train:
        y = y_close[time_steps - 1:]
    else:
        y = y_close
    return data, y


class ExampleDataset(Dataset):
    def __init__(self, x, y, batchsize):
        self.datalist = x
        self.target = y
        self.batchsize = batchsize
        self.length = len(x)

    def __len__(self):
        return int(self.length / self.batchsize + 1)

    def __getitem__(self, idx):
        x = self.datalist[idx * self.batchsize:(idx + 1) * self.batchsize]
        y = self.target[idx * self.batchsize:(idx + 1) * self.batchsize]
        return {'x': x, 'y': y}
