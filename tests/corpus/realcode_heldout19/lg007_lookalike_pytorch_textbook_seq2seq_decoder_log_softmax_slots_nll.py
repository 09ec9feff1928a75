"""look-alike [LG007, LG006, LG001]: the Korean PyTorch textbook's GRU seq2seq: the decoder ends in nn.LogSoftmax(dim=1), the Seq2Seq wrapper copies each step's log-probabilities into a preallocated torch.zeros tensor (rows after an early EOS stay zero and add nothing to the loss), and the step function sums nn.NLLLoss over its rows, back-propagates and returns a float (loss.item() / steps), which the driver adds into total_loss_iterations."""
# Source: gilbutITbook/080289 at 6ccdc7c0 (read as is), chap10/python_10장.ipynb, code cells 34, 35, 37-42 and 44
# (section 10.2.1); re-typed, identifiers renamed; the text-normalising and file-reading helpers (cell 36: process_data
# stays undefined) and the evaluation cells cut. Not marked: the wrapper assigns the next input to a variable the
# decoder never reads (it always decodes from SOS), a translation bug but no loss misuse.
import random

import torch
import torch.nn as nn
import torch.optim as optim

# ---- cell 34
dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# ---- cell 35
SOS = 0
EOS = 1
MAX_LEN = 20


class Vocab:
    def __init__(self):
        self.w2i = {}
        self.counts = {}
        self.i2w = {0: "SOS", 1: "EOS"}
        self.n_words = 2

    def add_sentence(self, s):
        for w in s.split(' '):
            self.add_word(w)

    def add_word(self, w):
        if w not in self.w2i:
            self.w2i[w] = self.n_words
            self.counts[w] = 1
            self.i2w[self.n_words] = w
            self.n_words += 1
        else:
            self.counts[w] += 1


# ---- cell 37
def ids_of(vocab, s):
    return [vocab.w2i[w] for w in s.split(' ')]


def tensor_of(vocab, s):
    ids = ids_of(vocab, s)
    ids.append(EOS)
    return torch.tensor(ids, dtype=torch.long, device=dev).view(-1, 1)


def tensors_of(src_vocab, tgt_vocab, pair):
    return (tensor_of(src_vocab, pair[0]), tensor_of(tgt_vocab, pair[1]))


# ---- cell 38
class Enc(nn.Module):
    def __init__(self, in_dim, hid, emb, n_layers):
        super(Enc, self).__init__()
        self.in_dim = in_dim
        self.emb_dim = emb
        self.hid = hid
        self.n_layers = n_layers
        self.emb = nn.Embedding(in_dim, self.emb_dim)
        self.gru = nn.GRU(self.emb_dim, self.hid, num_layers=self.n_layers)

    def forward(self, src):
        x = self.emb(src).view(1, 1, -1)
        outs, h = self.gru(x)
        return outs, h


# ---- cell 39
class Dec(nn.Module):
    def __init__(self, out_dim, hid, emb, n_layers):
        super(Dec, self).__init__()
        self.emb_dim = emb
        self.hid = hid
        self.out_dim = out_dim
        self.n_layers = n_layers
        self.emb = nn.Embedding(out_dim, self.emb_dim)
        self.gru = nn.GRU(self.emb_dim, self.hid, num_layers=self.n_layers)
        self.proj = nn.Linear(self.hid, out_dim)
        self.log_sm = nn.LogSoftmax(dim=1)

    def forward(self, tok, h):
        tok = tok.view(1, -1)
        x = torch.relu(self.emb(tok))
        out, h = self.gru(x, h)
        pred = self.log_sm(self.proj(out[0]))
        return pred, h


# ---- cell 40
class Seq2Seq(nn.Module):
    def __init__(self, encoder, decoder, device, max_len=MAX_LEN):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.device = device

    def forward(self, src, tgt, teacher_forcing_ratio=0.5):
        src_len = src.size(0)
        batch = tgt.shape[1]
        tgt_len = tgt.shape[0]
        vocab = self.decoder.out_dim
        outs = torch.zeros(tgt_len, batch, vocab).to(self.device)
        for i in range(src_len):
            enc_out, enc_h = self.encoder(src[i])
        dec_h = enc_h.to(dev)
        dec_in = torch.tensor([SOS], device=dev)
        for t in range(tgt_len):
            dec_out, dec_h = self.decoder(dec_in, dec_h)
            outs[t] = dec_out
            forcing = random.random() < teacher_forcing_ratio
            topv, topi = dec_out.topk(1)
            nxt = (tgt[t] if forcing else topi)
            if (forcing == False and nxt.item() == EOS):
                break
        return outs


# ---- cell 41
teacher_forcing_ratio = 0.5


def step(model, src, tgt, optimizer, criterion):
    optimizer.zero_grad()
    loss = 0
    out = model(src, tgt)
    n = out.size(0)
    for t in range(n):
        loss += criterion(out[t], tgt[t])
    loss.backward()
    optimizer.step()
    return loss.item() / n


# ---- cell 42
def train_model(model, src_vocab, tgt_vocab, pairs, n_iters=20000):
    model.train()
    optimizer = optim.SGD(model.parameters(), lr=0.01)
    criterion = nn.NLLLoss()
    total_loss_iterations = 0
    batches = [tensors_of(src_vocab, tgt_vocab, random.choice(pairs)) for i in range(n_iters)]
    for it in range(1, n_iters + 1):
        src, tgt = batches[it - 1]
        loss = step(model, src, tgt, optimizer, criterion)
        total_loss_iterations += loss
        if it % 5000 == 0:
            avg = total_loss_iterations / 5000
            total_loss_iterations = 0
            print('%d %.4f' % (it, avg))
    torch.save(model.state_dict(), '../chap10/data/mytraining.pt')
    return model


# ---- cell 44
src_vocab, tgt_vocab, pairs = process_data('eng', 'fra')
enc = Enc(src_vocab.n_words, 512, 256, 1)
dec = Dec(tgt_vocab.n_words, 512, 256, 1)
model = Seq2Seq(enc, dec, dev).to(dev)
model = train_model(model, src_vocab, tgt_vocab, pairs, 75000)
