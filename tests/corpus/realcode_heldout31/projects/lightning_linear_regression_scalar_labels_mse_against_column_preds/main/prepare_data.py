"""part of positive project [LG005]: load_data splits the CSV rows into samples data[:, :-1] (one column) and labels data[:, -1] (a vector)."""
# Source: xmindfulx/pytorch-lightning-tutorial at f3bb3998a42d539e9e15215a802b676ea3f42388 linear_regression/standard/main/prepare_data.py (section comments shortened)
import numpy as np


class Dataset:
    def __init__(self, samples, labels):
        self.labels = labels
        self.samples = samples


def load_data(path):
    data_file = open(path, "r")
    data = []
    for line in data_file:
        data.append([float(ele.strip("\n")) for ele in line.split(",")])
    data = np.asarray(data)
    samples, labels = data[:, :-1], data[:, -1]
    return Dataset(samples, labels)
