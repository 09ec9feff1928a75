"""part of look-alike project [LG002, LG004, LG005, LG006]: the dataset keeps each label as a one-element list, [[0], [1], ...], and collate_fn stacks the labels with torch.Tensor(...), a float32 (N, 1) target matching the head's (N, 1) probabilities."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, dataset_loader/tweet_disaster_dataset.py; re-typed, identifiers renamed;
# the k-fold splitter and the worker seeding cut.
import torch
from torch.utils.data import Dataset


def collate_fn(samples, max_seq, padding_idx):
    xs = []
    ys = []
    for x, y in samples:
        if len(x) > max_seq:
            x = x[:max_seq]
        elif len(x) < max_seq:
            x = [*x, *[padding_idx] * (max_seq - len(x))]
        xs.append(x)
        ys.append(y)
    return torch.LongTensor(xs), torch.Tensor(ys)


class DisasterTweets(Dataset):
    def __init__(self, text_file: str, label_file, vocab, max_seq=None):
        super().__init__()
        self.vocab = vocab
        with open(text_file, 'rt', encoding='utf8') as f:
            self.lines = [list(map(int, line.strip().split(','))) for line in f.readlines()]
        with open(label_file, 'rt', encoding='utf8') as f:
            self.labels = [[int(label)] for label in f.readlines()]
        if len(self.lines) != len(self.labels):
            raise IndexError('text and label length are different!')

    def __len__(self):
        return len(self.lines)

    def __getitem__(self, index):
        return self.lines[index], self.labels[index]
