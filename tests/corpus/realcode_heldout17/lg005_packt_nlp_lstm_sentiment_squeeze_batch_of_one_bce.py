"""positive [LG005]: the book's LSTM sentiment notebook trains with batch_size = 1 and scores output.squeeze() with nn.BCELoss against labels.float(); the model returns one probability per sample (shape (1,)), which squeeze() turns into a 0-dim tensor while the target keeps shape (1,), in the training step and in validation (the test loop, without squeeze, matches)."""
# Source: PacktPublishing/Hands-On-Natural-Language-Processing-with-PyTorch-1.x at 6a3b5273 (read as is),
# Chapter05/LSTM Sentiment Analysis.ipynb; the code cells concerned, re-typed, identifiers renamed; the vocabulary
# JSON dump, the printing cells and the single-review prediction helper cut.
import json
from string import punctuation

import numpy as np
import pandas as pd
import torch
from nltk.tokenize import word_tokenize
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

# ---- cell 1
with open("sentiment labelled sentences/sentiment.txt") as f:
    raw = f.read()
data = pd.DataFrame([r.split('\t') for r in raw.split('\n')])
data.columns = ['Review', 'Sentiment']
data = data.sample(frac=1)


# ---- cell 3
def tokenize_reviews(data):
    text = list(data['Review'].values)
    clean = [t.translate(str.maketrans('', '', punctuation)).lower().rstrip() for t in text]
    toks = [word_tokenize(x) for x in clean]
    words = [w for ts in toks for w in ts]
    return toks, set(words)


reviews, vocab = tokenize_reviews(data)
# ---- cell 4
w2i = {w: i + 1 for i, w in enumerate(vocab)}
i2w = {i: w for w, i in w2i.items()}


# ---- cell 7
def pad_text(tokenized, seq_length):
    out = []
    for r in tokenized:
        if len(r) >= seq_length:
            out.append(r[:seq_length])
        else:
            out.append([''] * (seq_length - len(r)) + r)
    return np.array(out)


padded = pad_text(reviews, seq_length=50)
# ---- cell 8
i2w[0] = ''
w2i[''] = 0
# ---- cell 9
encoded = np.array([[w2i[w] for w in r] for r in padded])


# ---- cell 10
class SentimentLSTM(nn.Module):
    def __init__(self, n_vocab, n_embed, n_hidden, n_output, n_layers, drop_p=0.8):
        super().__init__()
        self.n_vocab = n_vocab
        self.n_layers = n_layers
        self.n_hidden = n_hidden
        self.embedding = nn.Embedding(n_vocab, n_embed)
        self.lstm = nn.LSTM(n_embed, n_hidden, n_layers, batch_first=True, dropout=drop_p)
        self.dropout = nn.Dropout(drop_p)
        self.fc = nn.Linear(n_hidden, n_output)
        self.sigmoid = nn.Sigmoid()

    def forward(self, input_words):
        emb = self.embedding(input_words)
        lstm_out, h = self.lstm(emb)
        lstm_out = self.dropout(lstm_out)
        lstm_out = lstm_out.contiguous().view(-1, self.n_hidden)
        fc_out = self.fc(lstm_out)
        sig = self.sigmoid(fc_out)
        sig = sig.view(batch_size, -1)
        sig_last = sig[:, -1]
        return sig_last, h

    def init_hidden(self, batch_size):
        w = next(self.parameters()).data
        return (w.new(self.n_layers, batch_size, self.n_hidden).zero_(),
                w.new(self.n_layers, batch_size, self.n_hidden).zero_())


# ---- cell 11
net = SentimentLSTM(len(w2i), 50, 100, 1, 2)
# ---- cell 12
labels = np.array([int(x) for x in data['Sentiment'].values])
total = len(encoded)
tr_cut = int(total * 0.8)
va_cut = int(total * (1 - (1 - 0.8) / 2))
train_x, train_y = torch.Tensor(encoded[:tr_cut]).long(), torch.Tensor(labels[:tr_cut]).long()
valid_x, valid_y = torch.Tensor(encoded[tr_cut:va_cut]).long(), torch.Tensor(labels[tr_cut:va_cut]).long()
test_x, test_y = torch.Tensor(encoded[va_cut:]).long(), torch.Tensor(labels[va_cut:])
batch_size = 1
train_loader = DataLoader(TensorDataset(train_x, train_y), batch_size=batch_size, shuffle=True)
valid_loader = DataLoader(TensorDataset(valid_x, valid_y), batch_size=batch_size, shuffle=True)
test_loader = DataLoader(TensorDataset(test_x, test_y), batch_size=batch_size, shuffle=True)
# ---- cell 13
print_every = 2400
step = 0
n_epochs = 3
clip = 5
criterion = nn.BCELoss()
optimizer = optim.Adam(net.parameters(), lr=0.001)
# ---- cell 14
for epoch in range(n_epochs):
    h = net.init_hidden(batch_size)
    for inputs, labels in train_loader:
        step += 1
        net.zero_grad()
        output, h = net(inputs)
        loss = criterion(output.squeeze(), labels.float())  # expect: LG005
        loss.backward()
        nn.utils.clip_grad_norm(net.parameters(), clip)
        optimizer.step()
        if (step % print_every) == 0:
            net.eval()
            valid_losses = []
            for v_inputs, v_labels in valid_loader:
                v_output, v_h = net(v_inputs)
                v_loss = criterion(v_output.squeeze(), v_labels.float())  # expect: LG005
                valid_losses.append(v_loss.item())
            print("Epoch: {}/{}".format(epoch + 1, n_epochs), "Step: {}".format(step),
                  "Training Loss: {:.4f}".format(loss.item()), "Validation Loss: {:.4f}".format(np.mean(valid_losses)))
            net.train()
# ---- cell 16
net = SentimentLSTM(len(w2i), 50, 100, 1, 2)
net.load_state_dict(torch.load('model.pkl'))
# ---- cell 17
net.eval()
test_losses = []
num_correct = 0
for inputs, labels in test_loader:
    test_output, test_h = net(inputs)
    loss = criterion(test_output, labels)
    test_losses.append(loss.item())
    preds = torch.round(test_output.squeeze())
    correct = np.squeeze(preds.eq(labels.float().view_as(preds)).numpy())
    num_correct += np.sum(correct)
print("Test Loss: {:.4f}".format(np.mean(test_losses)))
print("Test Accuracy: {:.2f}".format(num_correct / len(test_loader.dataset)))
