"""positive [LG006]: the book's character language model notebook appends train_loss, the last batch's un-detached CrossEntropyLoss tensor, to history_train_loss once per epoch for plotting, so each epoch's last graph stays alive for the whole run; the validation losses are .item() floats."""
# Source: PacktPublishing/Generative-AI-with-Python-and-PyTorch-Second-Edition at c78b45dd (read as is),
# ch_03/03_character_language_model.ipynb; the code cells concerned, re-typed, identifiers renamed; the `!wget`
# download, the beam-search and sampling generation helpers and the checkpoint cells cut.
import numpy as np
import torch
from torch.nn import LSTM, Dropout, Embedding, Linear, Module
from torch.utils.data import DataLoader, Dataset, SubsetRandomSampler
from tqdm.notebook import tqdm

# ---- cell 6
text = open(r'./metamorphosis_franz_kafka.txt', 'rb').read().decode(encoding='utf-8')
idx = 920
# ---- cell 9
CUDA = True if torch.cuda.is_available() else False
if CUDA:
    DEVICE = 'cuda'
    LongTensor = torch.cuda.LongTensor
else:
    DEVICE = 'cpu'
    LongTensor = torch.LongTensor


# ---- cell 11
class CharDataset(Dataset):
    def __init__(self, data, window_size=100):
        super(CharDataset, self).__init__()
        self.text = text
        self.window_size = window_size
        self.vocab = tuple(set(text))
        self.int2char = dict(enumerate(self.vocab))
        self.char2int = {ch: ii for ii, ch in self.int2char.items()}

    def __len__(self):
        return len(self.text) - self.window_size

    def __getitem__(self, ix):
        x = LongTensor([self.char2int[c] for c in self.text[ix: ix + self.window_size]])
        y = self.char2int[self.text[ix + self.window_size]]
        return x, y


# ---- cell 13
class CharModel(Module):
    def __init__(self, vocab_size, embedding_dim=16, dense_dim=32, hidden_dim=8, n_layers=2):
        super().__init__()
        self.vocab_size = vocab_size
        self.embedding = Embedding(vocab_size, embedding_dim)
        self.lstm = LSTM(embedding_dim, hidden_dim, batch_first=True, num_layers=n_layers)
        self.dropout = Dropout(p=0.4)
        self.linear_1 = Linear(hidden_dim, dense_dim)
        self.linear_2 = Linear(dense_dim, vocab_size)

    def forward(self, x, h=None, c=None):
        emb = self.embedding(x)
        if h is not None and c is not None:
            _, (h, c) = self.lstm(emb, (h, c))
        else:
            _, (h, c) = self.lstm(emb)
        h_mean = h.mean(dim=0)
        logits = self.linear_2(self.linear_1(self.dropout(h_mean)))
        return logits, h, c


# ---- cell 15
def compute_loss(criterion, model, loader):
    model.eval()
    total = []
    for xb, yb in loader:
        if CUDA:
            xb = xb.to(DEVICE)
            yb = yb.to(DEVICE)
        probs, _, _ = model(xb)
        total.append(criterion(probs, yb).item())
    return np.mean(total)


# ---- cell 21
batch_size = 1024
n_epochs = 30
# ---- cell 22
ds = CharDataset(text[idx:], window_size=100)
n = len(ds)
cut = int(n * 0.8)
tr_idx, va_idx = np.arange(cut), np.arange(cut, n)
# ---- cell 23
train_dl = DataLoader(ds, sampler=SubsetRandomSampler(tr_idx), batch_size=batch_size)
val_dl = DataLoader(ds, sampler=SubsetRandomSampler(va_idx), batch_size=batch_size)
# ---- cell 24
lm = CharModel(len(ds.vocab), hidden_dim=128, n_layers=2, dense_dim=32, embedding_dim=64)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(lm.parameters(), lr=1e-2)
# ---- cell 25
if CUDA:
    lm.cuda()
# ---- cell 27
history_train_loss = list()
history_val_loss = list()
for e in range(n_epochs + 1):
    lm.train()
    train_loss = 0.0
    for xb, yb in tqdm(train_dl):
        if e == 0:
            break
        optimizer.zero_grad()
        probs, _, _ = lm(xb.to('cuda'))
        train_loss = criterion(probs, yb.to('cuda'))
        train_loss.backward()
        optimizer.step()
    val_loss = compute_loss(criterion, lm, val_dl)
    print(f"Epoch: {e}, {train_loss=:.3f}, {val_loss=:.3f}")
    history_train_loss.append(train_loss)  # expect: LG006
    history_val_loss.append(val_loss)
