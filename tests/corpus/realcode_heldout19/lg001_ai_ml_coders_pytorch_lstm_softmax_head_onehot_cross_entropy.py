"""positive [LG001]: the PyTorch edition of "AI and ML for Coders" ports the Keras next-word model: the bidirectional LSTM's forward ends in a stored nn.Softmax(dim=1), and the notebook trains it with nn.CrossEntropyLoss against one-hot float rows (class-probability targets, valid), so the probabilities are log-softmaxed a second time."""
# Source: lmoroney/PyTorch-Book-FIles at 99de24f7 (read as is), Chapter08/PyTorch_Chapter_8.ipynb, code cells 1 and 5-8;
# re-typed, identifiers renamed; the song text (cell 2, a long string: `corpus_text` stays undefined), the token
# printing cells, the plotting and the text-generation cells cut. Chapter08/Pytorch_Chapter_8_Notebook_2.ipynb
# trains the same model the same way.
import matplotlib.pyplot as plt
import torch
import torch.nn as nn


# ---- cell 1
def tokenize(text):
    return text.lower().split()


def build_vocab(words):
    vocab = {}
    vocab["UNK"] = 0
    nxt = 1
    for w in words:
        if w not in vocab:
            vocab[w] = nxt
            nxt += 1
    return vocab


def to_ids(sentence, vocab):
    words = sentence.lower().strip().split()
    return [vocab[w] for w in words]


def left_pad(seqs, max_len=None):
    if max_len is None:
        max_len = max(len(s) for s in seqs)
    out = []
    for s in seqs:
        out.append([0] * (max_len - len(s)) + list(s))
    return out


def split_last(seqs):
    xs = [s[:-1] for s in seqs]
    ys = [s[-1:] for s in seqs]
    return xs, ys


def one_hot(value, size):
    if not 0 <= value < size:
        raise ValueError(f"Value {value} is out of range for corpus size {size}")
    row = [0] * size
    row[value] = 1
    return row


# ---- cell 5
vocab = build_vocab(tokenize(corpus_text))
lines = corpus_text.lower().split("\n")
seqs = []
for line in lines:
    ids = to_ids(line, vocab)
    for i in range(1, len(ids)):
        seqs.append(ids[:i + 1])
max_len = max([len(s) for s in seqs])
seqs = left_pad(seqs, max_len)
# ---- cell 6
xs, last = split_last(seqs)
# ---- cell 7
n_words = len(vocab)
ys = []
for y in last:
    ys.append(one_hot(y[0], n_words))


# ---- cell 8
class NextWord(nn.Module):
    def __init__(self, n_words, emb_dim=8, hidden=None):
        super(NextWord, self).__init__()
        if hidden is None:
            hidden = max_len - 1
        self.emb = nn.Embedding(n_words, emb_dim)
        self.lstm = nn.LSTM(input_size=emb_dim, hidden_size=hidden, bidirectional=True, batch_first=True)
        self.fc = nn.Linear(hidden * 2, n_words)
        self.sm = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.emb(x)
        seq_out, _ = self.lstm(x)
        seq_out = seq_out[:, -1, :]
        out = self.fc(seq_out)
        out = self.sm(out)
        return out


net = NextWord(n_words)
crit = nn.CrossEntropyLoss()
opt = torch.optim.Adam(net.parameters())
x_t = torch.LongTensor(xs)
y_t = torch.FloatTensor(ys)
hist_loss = []
hist_acc = []
EPOCHS = 15000
net.train()
for ep in range(EPOCHS):
    out = net(x_t)
    loss = crit(out, y_t)  # expect: LG001
    _, guess = torch.max(out.data, 1)
    _, truth = torch.max(y_t, 1)
    hits = (guess == truth).sum().item()
    acc = 100 * hits / truth.size(0)
    hist_loss.append(loss.item())
    hist_acc.append(acc)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if (ep + 1) % 100 == 0:
        print(f'Epoch [{ep + 1}/{EPOCHS}], Loss: {loss.item():.4f}, Accuracy: {acc:.2f}%')

plt.figure(figsize=(12, 4))
plt.plot(hist_loss)
plt.show()
