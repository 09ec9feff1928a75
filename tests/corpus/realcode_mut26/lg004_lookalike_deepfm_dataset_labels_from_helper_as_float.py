"""look-alike: the same DeepFM dataset building its rating labels with the helper given dtype=torch.float32 (the repository's code): BCELoss gets a float target."""

# Source: cksruf91/recomm-deepfm-pytorch@7927123652 common/data_iterator.py (Iterator), deepfm_train.py (train);
# re-typed, identifiers renamed; the test iterator, the metrics, callbacks and the progress bar cut, the model
# reduced to its embedding and linear parts
# Mutation: none (the repository's `dtype=torch.float32`)
import time

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class RatingRows(Dataset):
    def __init__(self, df, device=None):
        self.device = device or torch.device("cpu")
        self.rows = df[["user_id", "prev_item_id", "item_id"]].values
        self.labels = df["Rating"].values
        self.row_tensor = self._to_tensor(self.rows)
        self.label_tensor = self._to_tensor(self.labels, dtype=torch.float32)

    def _to_tensor(self, value, dtype=torch.int64):
        return torch.tensor(value, device=self.device, dtype=dtype)

    def __getitem__(self, index):
        return self.row_tensor[index], self.label_tensor[index]

    def __len__(self):
        return len(self.labels)


class FieldScorer(torch.nn.Module):
    def __init__(self, field_dims, embed_dim):
        super().__init__()
        self.embedding = torch.nn.Embedding(sum(field_dims), embed_dim)
        self.offsets = np.array((0, *np.cumsum(field_dims)[:-1]), dtype=np.int64)
        self.out = torch.nn.Linear(len(field_dims) * embed_dim, 1)

    def forward(self, x):
        x = x + x.new_tensor(self.offsets).unsqueeze(0)
        emb = self.embedding(x).flatten(1)
        return torch.sigmoid(self.out(emb).squeeze(1))


def train(model, epochs, loader, loss_func, optim):
    for epoch in range(epochs):
        model.train()
        started = time.time()
        train_loss = 0
        for step, (rows, labels) in enumerate(loader):
            pred = model(rows)
            loss = loss_func(pred, labels)
            loss.backward()
            optim.step()
            model.zero_grad()
            train_loss += loss.item()
        print(epoch + 1, round(time.time() - started, 2), train_loss / len(loader))


def main(train_df, batch_size=256, lr=1e-3):
    rows = RatingRows(train_df)
    loader = DataLoader(rows, batch_size=batch_size, shuffle=True)
    field_dims = np.max(rows.rows, axis=0) + 1
    model = FieldScorer(field_dims, embed_dim=16)
    optim = torch.optim.Adam(model.parameters(), lr=lr)
    train(model, 50, loader, torch.nn.BCELoss(), optim)
