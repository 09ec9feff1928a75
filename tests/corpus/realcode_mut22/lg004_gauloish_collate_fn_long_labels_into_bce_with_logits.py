"""positive [LG004]: the notebook's dataset makes each label an int64 tensor; the loader's collate_fn pads the token ids
and stacks the labels, and the epoch function gives them to BCEWithLogitsLoss."""

# Source: gauloish/sentiment-analysis-pytorch@b783986542 notebooks/notebook.ipynb (IMDBDataset, collate_fn, the
# loaders, NBoWModel, train_epoch; re-typed; the tokenizer, the vocabulary, the metrics and evaluation cut)
# Mutation: IMDBDataset.__getitem__'s label torch.tensor(label, dtype=torch.long) (was dtype=torch.float)
import torch
import torch.nn as nn
import torch.optim as optim

device = torch.device("cpu")


class IMDBDataset(torch.utils.data.Dataset):
    def __init__(self, hf_dataset, vocab):
        self.data = hf_dataset
        self.vocab = vocab

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        text = self.data[index]["text"]
        label = float(self.data[index]["label"])
        numericalized = [self.vocab.get(token, self.vocab["<unk>"]) for token in text.split()]
        return torch.tensor(numericalized, dtype=torch.long), torch.tensor(label, dtype=torch.long)


def collate_fn(batch):
    texts, labels = zip(*batch)
    texts_padded = nn.utils.rnn.pad_sequence(texts, batch_first=True, padding_value=vocab["<pad>"])
    labels = torch.stack(labels)
    return texts_padded.to(device), labels.to(device)


class NBoWModel(nn.Module):
    def __init__(self, vocab_size, embedding_dim, output_dim):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim, padding_idx=vocab["<pad>"])
        self.fc = nn.Linear(embedding_dim, output_dim)

    def forward(self, text):
        return self.fc(self.embedding(text))


def train_epoch(model, iterator, optimizer, criterion):
    model.train()
    epoch_loss = 0
    for texts, labels in iterator:
        optimizer.zero_grad()
        predictions = model(texts).squeeze(1)
        loss = criterion(predictions, labels)  # expect: LG004
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    return epoch_loss / len(iterator)


train_loader = torch.utils.data.DataLoader(IMDBDataset(train_data, vocab), batch_size=64, shuffle=True, collate_fn=collate_fn)
model = NBoWModel(len(vocab), embedding_dim=64, output_dim=1).to(device)
optimizer = optim.Adam(model.parameters(), lr=0.001)
criterion = nn.BCEWithLogitsLoss()
for epoch in range(5):
    print(train_epoch(model, train_loader, optimizer, criterion))
