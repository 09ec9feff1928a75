"""positive [LG004]: the script's collate function turns the sentiment of each row into 0/1 and makes the labels an
int64 tensor; the training function gives them to BCEWithLogitsLoss without .float()."""

# Source: mindspice/Sentiment-Analysis-PyTorch@14bca2b919 training.py (SentimentDataset, label_pipeline,
# text_pipeline, collate_batch, the loaders, train, the epoch loop), sentiment_classifier.py (SentimentClassifier,
# get_lstm_model); re-typed; the tokenizer, the vocabulary, the scheduler, evaluation and the test split cut
# Mutation: train's `criterion(predictions, labels.float())` written `criterion(predictions, labels)`
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset, random_split


class SentimentDataset(Dataset):
    def __init__(self, csv_file):
        self.data = pd.read_csv(csv_file).reset_index(drop=True)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        return self.data.loc[idx, "sentiment"], self.data.loc[idx, "text"]


class SentimentClassifier(nn.Module):
    def __init__(self, input_dim, embedding_dim, hidden_dim, output_dim=1):
        super().__init__()
        self.embedding = nn.Embedding(input_dim, embedding_dim)
        self.rnn = nn.LSTM(embedding_dim, hidden_dim, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hidden_dim * 2, output_dim)

    def forward(self, text):
        _, (hidden, _) = self.rnn(self.embedding(text))
        return self.fc(torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1))


def label_pipeline(label):
    if label == 4:
        return 1
    else:
        return 0


def text_pipeline(tokens):
    return [vocab[token] for token in tokens]


def collate_batch(batch):
    label_list, text_list = [], []
    for _label, _text in batch:
        label_list.append(label_pipeline(_label))
        if isinstance(_text, float):
            _text = ""
        text_list.append(torch.tensor(text_pipeline(tokenizer(_text)), dtype=torch.int64))
    labels = torch.tensor(label_list, dtype=torch.int64)
    texts = pad_sequence(text_list, padding_value=vocab["<pad>"], batch_first=True)
    return labels, texts


def train(model, iterator, optimizer, criterion, device):
    epoch_loss = 0
    model.train()
    model.to(device)
    for batch in iterator:
        labels, texts = batch
        labels, texts = labels.to(device), texts.to(device)
        optimizer.zero_grad()
        predictions = model(texts).squeeze(1)
        loss = criterion(predictions, labels)  # expect: LG004
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    return epoch_loss / len(iterator)


dataset = SentimentDataset("training_data/sentiment140_condensed.csv")
train_data, valid_data = random_split(dataset, [0.9, 0.1])
train_loader = DataLoader(train_data, batch_size=128, shuffle=True, collate_fn=collate_batch)
model = SentimentClassifier(len(vocab), 200, 256)
optimizer = optim.AdamW(model.parameters(), lr=1e-4)
criterion = nn.BCEWithLogitsLoss()
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
for epoch in range(200):
    print(train(model, train_loader, optimizer, criterion, device))
