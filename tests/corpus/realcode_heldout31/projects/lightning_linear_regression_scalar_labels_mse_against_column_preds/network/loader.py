"""part of positive project [LG005]: each item is [torch.tensor(sample), torch.tensor(label)], a (1,) sample and a 0-dim label, so batches give (N,) labels."""
# Source: xmindfulx/pytorch-lightning-tutorial at f3bb3998a42d539e9e15215a802b676ea3f42388 linear_regression/standard/network/loader.py (section comments shortened)
import torch
import torch.utils.data as tech


class PointDataset(tech.Dataset):
    def __init__(self, data):
        self.data = data
        self.make_dataset()

    def make_dataset(self):
        all_labels, all_samples = self.data.labels, self.data.samples
        self.data = [[torch.tensor(sample), torch.tensor(label)]
                     for sample, label in zip(all_samples, all_labels)]

    def __getitem__(self, index):
        samples = self.data[index][0]
        samples = samples.float()
        self.data[index][0] = samples
        return self.data[index]

    def __len__(self):
        return len(self.data)
