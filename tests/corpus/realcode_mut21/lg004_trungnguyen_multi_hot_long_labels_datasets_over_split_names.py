"""positive [LG004]: the dataset's multi-hot labels are made long; the datasets and loaders are built by split name
over a module-level list of names, and the epoch helper feeds them to BCEWithLogitsLoss."""

# Source: trungnguyennhat/pytorch-multilabel-emotion@79ac6ff17f src/run_mean_pooling_mlp.py (GoEmotionsTorchDataset,
# build_dataloaders, MeanPoolingMLP, train_one_epoch, train_and_select, main; re-typed; tokenisation, evaluation,
# checkpointing and reporting cut)
# Mutation: labels = torch.zeros(self.num_labels, dtype=torch.long) (was torch.float32)
import torch
import torch.nn as nn
from torch.nn.utils import clip_grad_norm_
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm

SPLITS = ["train", "validation", "test"]
BATCH = 64
EPOCHS = 20


class EmotionSet(Dataset):
    def __init__(self, rows, vocab, max_len, n_labels):
        self.rows = rows
        self.vocab = vocab
        self.max_len = max_len
        self.n_labels = n_labels

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        row = self.rows[index]
        ids, mask = encode(row["text"], self.vocab, self.max_len)
        labels = torch.zeros(
            self.n_labels,
            dtype=torch.long,
        )
        labels[row["labels"]] = 1.0
        return {
            "input_ids": torch.tensor(ids, dtype=torch.long),
            "attention_mask": torch.tensor(mask, dtype=torch.bool),
            "labels": labels,
        }


def make_loaders(data, vocab, max_len, n_labels, device):
    sets = {name: EmotionSet(data[name], vocab, max_len, n_labels) for name in SPLITS}
    loaders = {
        "train": DataLoader(sets["train"], batch_size=BATCH, shuffle=True, pin_memory=device.type == "cuda"),
        "validation": DataLoader(sets["validation"], batch_size=BATCH, shuffle=False),
        "test": DataLoader(sets["test"], batch_size=BATCH, shuffle=False),
    }
    return sets, loaders


class MeanPool(nn.Module):
    def __init__(self, vocab_size, n_labels, dim, hidden, dropout):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.classifier = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, n_labels))

    def forward(self, input_ids, attention_mask):
        emb = self.embedding(input_ids)
        m = attention_mask.unsqueeze(-1).to(dtype=emb.dtype)
        pooled = (emb * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
        return self.classifier(pooled)


def one_epoch(model, dataloader, criterion, optimizer, device):
    model.train()
    total, seen = 0.0, 0
    for batch in tqdm(dataloader, desc="Train", leave=False):
        ids = batch["input_ids"].to(device, non_blocking=True)
        mask = batch["attention_mask"].to(device, non_blocking=True)
        labels = batch["labels"].to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        logits = model(ids, mask)
        loss = criterion(logits, labels)  # expect: LG004
        loss.backward()
        clip_grad_norm_(model.parameters(), max_norm=1.0)
        optimizer.step()
        total += loss.item() * labels.shape[0]
        seen += labels.shape[0]
    return total / max(seen, 1)


def fit(model, dataloaders, criterion, optimizer, device):
    history = []
    for epoch in range(1, EPOCHS + 1):
        history.append(one_epoch(model=model, dataloader=dataloaders["train"], criterion=criterion, optimizer=optimizer, device=device))
    return history


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data = load_clean_splits()
    vocab = build_vocab(data["train"]["text"])
    _, loaders = make_loaders(data, vocab, 64, 28, device)
    model = MeanPool(len(vocab), 28, 128, 256, 0.3).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
    fit(model=model, dataloaders=loaders, criterion=nn.BCEWithLogitsLoss(), optimizer=optimizer, device=device)


if __name__ == "__main__":
    main()
