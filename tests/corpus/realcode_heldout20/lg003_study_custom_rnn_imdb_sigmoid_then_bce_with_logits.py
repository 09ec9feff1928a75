"""positive [LG003]: a study repository's hand-written RNN ends in nn.Linear(hidden, 1); the training, validation and test loops apply torch.sigmoid to its output and pass the probabilities to nn.BCEWithLogitsLoss, which applies a second sigmoid (the > 0.5 threshold also reads the sigmoided value)."""
# Source: yoon123seul/PyTorch-Study at 29013a9e (read as is), RNN/Rnn.py; re-typed, identifiers renamed; the NLTK
# cleaning and lemmatisation (shortened to one helper), the nltk.download calls and the history print cut.
import re

import pandas as pd
import torch
import torch.nn as nn
from torch.optim import Adam
from torch.utils.data import TensorDataset, DataLoader
from collections import Counter
from nltk.tokenize import word_tokenize
from tqdm import tqdm

device = 'cuda' if torch.cuda.is_available() else 'cpu'
df_train = pd.read_csv('IMDB_Dataset/Train.csv')
df_test = pd.read_csv('IMDB_Dataset/Test.csv')
df_valid = pd.read_csv('IMDB_Dataset/Valid.csv')


def clean(text):
    return ' '.join(word_tokenize(re.sub(r'[^a-zA-Z]', ' ', text).lower()))


for df in (df_train, df_valid, df_test):
    df['review'] = df.text.apply(clean)
    df['words'] = df.review.apply(word_tokenize)

counts = Counter(w for df in (df_train, df_valid, df_test) for ws in df['words'] for w in ws)
vocab = sorted(counts, key=counts.get, reverse=True)
idx2word = dict(enumerate(vocab, 1))
idx2word[0] = '<PAD>'
word2idx = {w: i for i, w in enumerate(idx2word, 1)}
word2idx['<PAD>'] = 0


def encode(text):
    return [word2idx.get(w, 0) for w in text.split()]


def pad(seq, n):
    return seq + [0] * (n - len(seq))


for df in (df_train, df_valid, df_test):
    df['ids'] = df['review'].apply(encode)
max_len = max(df_train['ids'].apply(len).max(), df_valid['ids'].apply(len).max())
for df in (df_train, df_valid, df_test):
    df['padded'] = df['ids'].apply(lambda s: pad(s, max_len))

bs = 32
train_set = TensorDataset(torch.Tensor(df_train['padded'].tolist()), torch.Tensor(df_train['label'].tolist()))
val_set = TensorDataset(torch.Tensor(df_valid['padded'].tolist()), torch.Tensor(df_valid['label'].tolist()))
test_set = TensorDataset(torch.Tensor(df_test['padded'].tolist()), torch.Tensor(df_test['label'].tolist()))
train_loader = DataLoader(train_set, shuffle=True, batch_size=bs, drop_last=True)
val_loader = DataLoader(val_set, shuffle=True, batch_size=bs, drop_last=True)
test_loader = DataLoader(test_set, shuffle=True, batch_size=bs, drop_last=True)


class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(Cell, self).__init__()
        self.hidden_size = hidden_size
        self.W_ih = nn.Parameter(torch.randn(hidden_size, input_size))
        self.W_hh = nn.Parameter(torch.randn(hidden_size, hidden_size))
        self.b_ih = nn.Parameter(torch.zeros(hidden_size))
        self.b_hh = nn.Parameter(torch.zeros(hidden_size))

    def forward(self, x, h):
        return torch.tanh(self.W_ih @ x.t() + self.b_ih + self.W_hh @ h + self.b_hh)


class SentimentRNN(nn.Module):
    def __init__(self, input_size, output_size, hidden_size, embedding_size):
        super(SentimentRNN, self).__init__()
        self.emb = nn.Embedding(input_size, embedding_size)
        self.cell = Cell(input_size=embedding_size, hidden_size=hidden_size)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = self.emb(x.long())
        h = torch.zeros(x.size(0), self.cell.hidden_size, device=x.device)
        for t in range(x.size(1)):
            h = self.cell.forward(x[:, t, :], h)
        return self.fc(h)


model = SentimentRNN(len(vocab), 1, 32, 400).to(device)
criterion = nn.BCEWithLogitsLoss()
optimizer = Adam(model.parameters(), lr=0.001)
grad_clip = 5
epochs = 10
history = {'train_loss': [], 'val_loss': [], 'test_loss': []}

for e in tqdm(range(epochs)):
    model.train()
    tr_loss, tr_hit, tr_n = 0, 0, 0
    for i, (feat, target) in enumerate(train_loader):
        feat, target = feat.to(device), target.to(device)
        optimizer.zero_grad()
        out = model(feat)
        out = torch.sigmoid(out)
        target = target.unsqueeze(1)
        loss = criterion(out, target)  # expect: LG003
        tr_loss += loss.item()
        tr_hit += ((out > 0.5).float() == target).sum().item()
        tr_n += target.size(0)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
        optimizer.step()
    history['train_loss'].append(tr_loss / len(train_loader))

    model.eval()
    va_loss = 0
    with torch.no_grad():
        for i, (feat, target) in enumerate(val_loader):
            feat, target = feat.to(device), target.to(device)
            out = model(feat)
            out = torch.sigmoid(out)
            target = target.unsqueeze(1)
            loss = criterion(out, target)  # expect: LG003
            va_loss += loss.item()
    history['val_loss'].append(va_loss / len(val_loader))

    te_loss = 0
    with torch.no_grad():
        for i, (feat, target) in enumerate(test_loader):
            feat, target = feat.to(device), target.to(device)
            out = model(feat)
            out = torch.sigmoid(out)
            target = target.unsqueeze(1)
            loss = criterion(out, target)  # expect: LG003
            te_loss += loss.item()
    history['test_loss'].append(te_loss / len(test_loader))
    print(f'Epoch {e+1}/{epochs} | Train Loss: {tr_loss / len(train_loader):.6f} | '
          f'Val Loss: {va_loss / len(val_loader):.6f} | Test Loss: {te_loss / len(test_loader):.6f}')
