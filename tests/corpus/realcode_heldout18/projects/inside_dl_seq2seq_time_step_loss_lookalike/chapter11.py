"""part of look-alike project [LG006, LG001, LG011, LG014]: the book's attention seq2seq returns a stack of per-step Linear logits; its loss function sums nn.CrossEntropyLoss over the time steps of one batch (loss += ... inside the function) and is handed to the helper's train_network; softmax appears only in the attention and to sample the next token under no_grad."""
# Source: EdwardRaff/Inside-Deep-Learning at bc4dccf1 (read as is), Chapter_11.ipynb; the code cells concerned (1, 4,
# 5, 8, 12 to 17), re-typed, identifiers renamed; the dataset download and vocabulary building (cells 6 to 11, but
# MAX_LEN) cut, so word2indx, PAD_token and the split datasets stay undefined; the plotting and translation cells cut.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
from torch.utils.data import DataLoader

from idlmam import ApplyAttention, DotScore, mask_by_fill, set_seed, train_network

# ---- cell 4
device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
# ---- cell 5
B = 128
epochs = 10
# ---- cell 8
MAX_LEN = 6


# ---- cell 12
def pad_batch(batch):
    max_x = max([i[0].size(0) for i in batch])
    max_y = max([i[1].size(0) for i in batch])
    PAD = word2indx[PAD_token]
    X = [F.pad(i[0], (0, max_x - i[0].size(0)), value=PAD) for i in batch]
    Y = [F.pad(i[1], (0, max_y - i[1].size(0)), value=PAD) for i in batch]
    X, Y = torch.stack(X), torch.stack(Y)
    return (X, Y), Y


train_loader = DataLoader(train_dataset, batch_size=B, shuffle=True, collate_fn=pad_batch)
test_loader = DataLoader(test_dataset, batch_size=B, collate_fn=pad_batch)


# ---- cell 13
class AttnSeq2Seq(nn.Module):
    def __init__(self, n_tokens, emb_size, hidden, padding_idx=None, layers=1, max_decode_length=20):
        super(AttnSeq2Seq, self).__init__()
        self.padding_idx = padding_idx
        self.hidden = hidden
        self.embd = nn.Embedding(n_tokens, emb_size, padding_idx=padding_idx)
        self.encoder = nn.GRU(input_size=emb_size, hidden_size=hidden // 2, num_layers=layers, bidirectional=True)
        self.decoder = nn.ModuleList([nn.GRUCell(emb_size, hidden)] +
                                     [nn.GRUCell(hidden, hidden) for i in range(layers - 1)])
        self.score_net = DotScore(hidden)
        self.word_head = nn.Sequential(
            nn.Linear(2 * hidden, hidden),
            nn.LeakyReLU(),
            nn.LayerNorm(hidden),
            nn.Linear(hidden, hidden),
            nn.LeakyReLU(),
            nn.LayerNorm(hidden),
            nn.Linear(hidden, n_tokens)
        )
        self.max_decode_length = max_decode_length
        self.attend = ApplyAttention()

    def forward(self, input):
        if isinstance(input, tuple):
            input, target = input
        else:
            target = None
        B = input.size(0)
        T = input.size(1)
        x = self.embd(input)
        dev = x.device
        mask = mask_by_fill(x)
        lengths = mask.sum(dim=1).view(-1)
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        h_enc, h_last = self.encoder(packed)
        h_enc, _ = pad_packed_sequence(h_enc)
        h_enc = h_enc.view(B, T, -1)
        size = h_enc.size(2)
        h_last = h_last.view(-1, 2, B, size // 2)[-1, :, :, :]
        h_last = h_last.permute(1, 0, 2).reshape(B, -1)
        h_prevs = [h_last for l in range(len(self.decoder))]
        attentions = []
        predictions = []
        dec_in = self.embd(input.gather(1, lengths.view(-1, 1) - 1).flatten())
        steps = min(self.max_decode_length, T)
        if target is not None:
            steps = target.size(1)
        teacher_forcing = np.random.choice((True, False))
        for t in range(steps):
            x_in = dec_in
            for l in range(len(self.decoder)):
                h = self.decoder[l](x_in, h_prevs[l])
                h_prevs[l] = h
                x_in = h
            h_dec = x_in
            scores = self.score_net(h_enc, h_dec)
            context, weights = self.attend(h_enc, scores, mask=mask)
            attentions.append(weights.detach())
            word_logits = self.word_head(torch.cat((context, h_dec), dim=1))
            predictions.append(word_logits)
            with torch.no_grad():
                if self.training:
                    if target is not None and teacher_forcing:
                        next_words = target[:, t].squeeze()
                    else:
                        next_words = torch.multinomial(F.softmax(word_logits, dim=1), 1)[:, -1]
                else:
                    next_words = torch.argmax(word_logits, dim=1)
            dec_in = self.embd(next_words.to(dev))
        if self.training:
            return torch.stack(predictions, dim=1)
        else:
            return torch.stack(predictions, dim=1), torch.stack(attentions, dim=1).squeeze()


# ---- cell 14
set_seed(42)
# ---- cell 15
model = AttnSeq2Seq(len(word2indx), 64, 256, padding_idx=word2indx[PAD_token], layers=3, max_decode_length=MAX_LEN + 2)
for p in model.parameters():
    p.register_hook(lambda grad: torch.clamp(grad, -10, 10))


# ---- cell 16
def time_step_ce(x, y):
    if isinstance(x, tuple):
        x, _ = x
    ce = nn.CrossEntropyLoss(ignore_index=word2indx[PAD_token])
    T = min(x.size(1), y.size(1))
    loss = 0
    for t in range(T):
        loss += ce(x[:, t, :], y[:, t])
    return loss


# ---- cell 17
results = train_network(model, time_step_ce, train_loader, epochs=epochs, device=device)
