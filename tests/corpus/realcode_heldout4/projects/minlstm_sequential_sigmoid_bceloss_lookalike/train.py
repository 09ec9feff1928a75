"""part of look-alike project [LG002, LG016, LG003]: the sarcasm classifier's nn.Sequential head ends in nn.Sigmoid and train() uses nn.BCELoss on the squeezed output with float32 labels; torch.sigmoid is applied again only to compute the accuracy, and the losses are summed as .item()."""
# Source: https://github.com/YecanLee/min-LSTM-torch train.py at b0048d8deb3a65cd848f291244e8f6870c7dc592, the parent of fb8219d4694f61e80a4e4bb093f8601d34edf9ac
# (pull request #1 "Replace BCELoss with BCEWithLogitsLoss and remove redundant Sigmoid": the loss itself was right,
# the fix is for numerical stability and for the accuracy's second sigmoid); re-typed, names changed, reduced
# (the tokenizer helper create_tokenizer left out, data loading and the validation pass shortened).
import json

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset

from minRNN import MinRNN


class SarcasmDataset(Dataset):
    def __init__(self, sentences, labels, tokenizer):
        self.sentences = sentences
        self.labels = labels
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.sentences)

    def __getitem__(self, idx):
        encoded = self.tokenizer.encode(self.sentences[idx])
        return torch.tensor(encoded.ids, dtype=torch.long), torch.tensor(self.labels[idx], dtype=torch.float32)


def collate_fn(batch):
    sequences, labels = zip(*batch)
    padded = pad_sequence(sequences, batch_first=True)
    return padded, torch.tensor(labels, dtype=torch.float32)


def train(batch_size, epochs):
    with open("./data/sarcasm.json", "r") as f:
        datastore = json.load(f)
    sentences = np.array([item["headline"] for item in datastore])
    labels = np.array([item["is_sarcastic"] for item in datastore])
    size = int(len(sentences) * 0.8)
    tokenizer = create_tokenizer(sentences[:size], size)
    train_loader = DataLoader(SarcasmDataset(sentences[:size], labels[:size], tokenizer), batch_size=batch_size,
                              shuffle=True, collate_fn=collate_fn)
    test_loader = DataLoader(SarcasmDataset(sentences[size:], labels[size:], tokenizer), batch_size=batch_size,
                             shuffle=False, collate_fn=collate_fn)

    model = MinRNN(units=128, embedding_size=100, vocab_size=tokenizer.get_vocab_size(), input_length=25)
    optimizer = optim.Adam(model.parameters(), lr=0.0001)
    criterion = nn.BCELoss()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model.to(device)

    for epoch in range(epochs):
        model.train()
        total_loss = 0
        correct = 0
        total = 0
        for batch in train_loader:
            inputs, targets = batch
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs.squeeze(), targets)
            loss.backward()
            optimizer.step()
            total_loss += loss.item()
            prediction = torch.sigmoid(outputs.squeeze())
            prediction = (prediction >= 0.5).float()
            correct += (prediction == targets).sum().item()
            total += targets.size(0)
        print(f"Epoch {epoch + 1}/{epochs}, Average Loss: {total_loss / len(train_loader):.4f}, Accuracy: {correct / total:.4f}")

        model.eval()
        test_loss = 0
        with torch.no_grad():
            for inputs, targets in test_loader:
                inputs, targets = inputs.to(device), targets.to(device)
                outputs = model(inputs)
                test_loss += criterion(outputs.squeeze(), targets).item()
        print(f"Test Loss: {test_loss / len(test_loader):.4f}")


if __name__ == "__main__":
    train(batch_size=64, epochs=100)
