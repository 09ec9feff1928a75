"""part of look-alike project [LG004]: the dataset, whose per-gene labels are floats (the original)."""

# Source: HUST-NingKang-Lab/BGC-Prophet@e524ff543b bgc_prophet/train/data.py (BGCLabelsDataset, re-typed; the LMDB reads cut to a lookup)
import numpy as np
import torch
from torch.utils.data import Dataset


class GeneLabelsDataset(Dataset):
    def __init__(self, data, embeddings, mode="train") -> None:
        super().__init__()
        self.data = data
        self.embeddings = embeddings
        self.mode = mode

    def __len__(self):
        if self.mode == "train":
            return len(self.data.train)
        return len(self.data.test)

    def __getitem__(self, idx):
        if self.mode == "train":
            index = self.data.train[idx]
        elif self.mode == "test":
            index = self.data.test[idx]
        else:
            raise ValueError("No such mode: {}!".format(self.mode))
        sentence, labels_onehot, gene_labels = self.data[index]
        sentence_embedding = torch.stack([self.embeddings[word] for word in sentence])
        labels_onehot = np.array(labels_onehot)
        gene_labels = np.array(gene_labels)
        return sentence_embedding, torch.tensor(labels_onehot, dtype=torch.float32), torch.tensor(gene_labels, dtype=torch.float32)
