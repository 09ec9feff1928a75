"""look-alike [LG005, LG001, LG006]: the book's word-level LSTM returns (B, T, V) logits; the loss transposes them to (B, V, T) for nn.CrossEntropyLoss against (B, T) next-word ids, adds loss.item() to the running total, and softmax is used only to sample words after training."""
# Source: markhliu/DGAI at 23700d3c (read as is), ch08TextGenerationRNNs.ipynb; the code cells concerned (5 to 8,
# 12 to 17, 19, 20), re-typed, identifiers renamed; the tokenisation demonstrations, the pickle cells and the top-k generator cut.
from collections import Counter

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader

# ---- cell 5
with open("files/anna.txt", "r") as f:
    raw = f.read()
clean = raw.lower().replace("\n", " ").replace("-", " ")
for ch in ",.:;?!$()/_&%*@'`":
    clean = clean.replace(f"{ch}", f" {ch} ")
clean = clean.replace('"', ' " ')
tokens = clean.split()
# ---- cell 8
counts = Counter(tokens)
vocab = sorted(counts, key=counts.get, reverse=True)
w2i = {w: i for i, w in enumerate(vocab)}
i2w = {i: w for i, w in enumerate(vocab)}
ids = [w2i[w] for w in tokens]
# ---- cell 12
seq_len = 100
pairs = []
for n in range(0, len(ids) - seq_len - 1):
    src = ids[n:n + seq_len]
    tgt = ids[n + 1:n + seq_len + 1]
    pairs.append((torch.tensor(src), (torch.tensor(tgt))))
# ---- cell 13
torch.manual_seed(42)
batch_size = 32
loader = DataLoader(pairs, batch_size=batch_size, shuffle=True)
# ---- cell 14
device = "cuda" if torch.cuda.is_available() else "cpu"


class WordRNN(nn.Module):
    def __init__(self, input_size=128, n_embed=128, n_layers=3, drop_prob=0.2):
        super().__init__()
        self.input_size = input_size
        self.drop_prob = drop_prob
        self.n_layers = n_layers
        self.n_embed = n_embed
        n_vocab = len(w2i)
        self.embedding = nn.Embedding(n_vocab, n_embed)
        self.lstm = nn.LSTM(input_size=self.input_size, hidden_size=self.n_embed, num_layers=self.n_layers,
                            dropout=self.drop_prob, batch_first=True)
        self.fc = nn.Linear(input_size, n_vocab)

    def forward(self, x, hc):
        e = self.embedding(x)
        x, hc = self.lstm(e, hc)
        x = self.fc(x)
        return x, hc

    def init_hidden(self, n_seqs):
        w = next(self.parameters()).data
        return (w.new(self.n_layers, n_seqs, self.n_embed).zero_(),
                w.new(self.n_layers, n_seqs, self.n_embed).zero_())


# ---- cell 15
model = WordRNN().to(device)
# ---- cell 16
opt = torch.optim.Adam(model.parameters(), lr=0.0001)
criterion = nn.CrossEntropyLoss()
# ---- cell 17
model.train()
for epoch in range(50):
    running = 0
    sh, sc = model.init_hidden(batch_size)
    for i, (x, y) in enumerate(loader):
        if x.shape[0] == batch_size:
            inputs, targets = x.to(device), y.to(device)
            opt.zero_grad()
            out, (sh, sc) = model(inputs, (sh, sc))
            loss = criterion(out.transpose(1, 2), targets)
            sh, sc = sh.detach(), sc.detach()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5)
            opt.step()
            running += loss.item()
        if (i + 1) % 1000 == 0:
            print(f"at epoch {epoch} iteration {i + 1} average loss = {running / (i + 1)}")
# ---- cell 19
model.load_state_dict(torch.load("files/wordLSTM.pth"))


# ---- cell 20
def sample(model, prompt, length=200):
    model.eval()
    words = prompt.lower().split(' ')
    hc = model.init_hidden(1)
    length = length - len(words)
    for i in range(0, length):
        if len(words) <= seq_len:
            x = torch.tensor([[w2i[w] for w in words]])
        else:
            x = torch.tensor([[w2i[w] for w in words[-seq_len:]]])
        out, hc = model(x.to(device), hc)
        logits = out[0][-1]
        p = nn.functional.softmax(logits, dim=0).detach().cpu().numpy()
        k = np.random.choice(len(logits), p=p)
        words.append(i2w[k])
    return " ".join(words)


print(sample(model, prompt='Anna and the prince'))
