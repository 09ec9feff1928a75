"""positive [LG001, LG006]: the book's transformer example ends its decoder in log_softmax and trains it with torch.nn.CrossEntropyLoss (log-softmax applied twice: redundant), and adds each batch's loss tensor to current_loss after backward (reset every five batches), keeping those batches' graphs alive."""
# Source: PacktPublishing/Advanced-Deep-Learning-with-Python at dcf2f634 (read as is), Chapter08/transformer.py;
# re-typed, identifiers renamed; the attention, feed-forward, layer-norm and positional-encoding modules shortened,
# the random copy-task dataset's masks kept. The same code is in PacktPublishing/Python-Deep-Learning-Third-Edition,
# Chapter07/transformer.py (same author).
import copy
import math

import numpy as np
import torch


def attention(q, k, v, mask=None, dropout=None):
    d_k = q.size(-1)
    scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(mask == 0, -1e9)
    p = torch.nn.functional.softmax(scores, dim=-1)
    if dropout is not None:
        p = dropout(p)
    return torch.matmul(p, v), p


class MultiHeadedAttention(torch.nn.Module):
    def __init__(self, h, d_model, dropout=0.1):
        super(MultiHeadedAttention, self).__init__()
        self.d_k = d_model // h
        self.h = h
        self.fc = torch.nn.ModuleList([torch.nn.Linear(d_model, d_model) for _ in range(4)])
        self.dropout = torch.nn.Dropout(p=dropout)

    def forward(self, q, k, v, mask=None):
        if mask is not None:
            mask = mask.unsqueeze(1)
        bs = q.size(0)
        q, k, v = [l(x).view(bs, -1, self.h, self.d_k).transpose(1, 2) for l, x in zip(self.fc, (q, k, v))]
        x, _ = attention(q, k, v, mask=mask, dropout=self.dropout)
        x = x.transpose(1, 2).contiguous().view(bs, -1, self.h * self.d_k)
        return self.fc[-1](x)


def clones(module, n):
    return torch.nn.ModuleList([copy.deepcopy(module) for _ in range(n)])


class FFN(torch.nn.Module):
    def __init__(self, d_model, d_ff, dropout=0.1):
        super(FFN, self).__init__()
        self.w_1 = torch.nn.Linear(d_model, d_ff)
        self.w_2 = torch.nn.Linear(d_ff, d_model)
        self.dropout = torch.nn.Dropout(dropout)

    def forward(self, x):
        return self.w_2(self.dropout(torch.nn.functional.relu(self.w_1(x))))


class Embeddings(torch.nn.Module):
    def __init__(self, d_model, vocab):
        super(Embeddings, self).__init__()
        self.lut = torch.nn.Embedding(vocab, d_model)
        self.d_model = d_model

    def forward(self, x):
        return self.lut(x) * math.sqrt(self.d_model)


class Residual(torch.nn.Module):
    def __init__(self, size, dropout):
        super(Residual, self).__init__()
        self.norm = torch.nn.LayerNorm(size)
        self.dropout = torch.nn.Dropout(dropout)

    def forward(self, x, sublayer):
        return x + self.dropout(sublayer(self.norm(x)))


class EncoderBlock(torch.nn.Module):
    def __init__(self, size, self_attn, ffn, dropout):
        super(EncoderBlock, self).__init__()
        self.self_attn = self_attn
        self.ffn = ffn
        self.subs = clones(Residual(size, dropout), 2)
        self.size = size

    def forward(self, x, mask):
        x = self.subs[0](x, lambda x: self.self_attn(x, x, x, mask))
        return self.subs[1](x, self.ffn)


class Encoder(torch.nn.Module):
    def __init__(self, block, N):
        super(Encoder, self).__init__()
        self.blocks = clones(block, N)
        self.norm = torch.nn.LayerNorm(block.size)

    def forward(self, x, mask):
        for layer in self.blocks:
            x = layer(x, mask)
        return self.norm(x)


class DecoderBlock(torch.nn.Module):
    def __init__(self, size, self_attn, enc_attn, ffn, dropout):
        super(DecoderBlock, self).__init__()
        self.size = size
        self.self_attn = self_attn
        self.enc_attn = enc_attn
        self.ffn = ffn
        self.subs = clones(Residual(size, dropout), 3)

    def forward(self, x, enc, src_mask, tgt_mask):
        x = self.subs[0](x, lambda x: self.self_attn(x, x, x, tgt_mask))
        x = self.subs[1](x, lambda x: self.enc_attn(x, enc, enc, src_mask))
        return self.subs[2](x, self.ffn)


class Decoder(torch.nn.Module):
    def __init__(self, block, N, vocab):
        super(Decoder, self).__init__()
        self.blocks = clones(block, N)
        self.norm = torch.nn.LayerNorm(block.size)
        self.proj = torch.nn.Linear(block.size, vocab)

    def forward(self, x, enc, src_mask, tgt_mask):
        for layer in self.blocks:
            x = layer(x, enc, src_mask, tgt_mask)
        x = self.norm(x)
        return torch.nn.functional.log_softmax(self.proj(x), dim=-1)


class Seq2Seq(torch.nn.Module):
    def __init__(self, encoder, decoder, src_embed, tgt_embed):
        super(Seq2Seq, self).__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.src_embed = src_embed
        self.tgt_embed = tgt_embed

    def forward(self, src, tgt, src_mask, tgt_mask):
        enc = self.encoder(x=self.src_embed(src), mask=src_mask)
        return self.decoder(x=self.tgt_embed(tgt), enc=enc, src_mask=src_mask, tgt_mask=tgt_mask)


def build_model(src_vocab, tgt_vocab, N=6, d_model=512, d_ff=2048, h=8, dropout=0.1):
    c = copy.deepcopy
    attn = MultiHeadedAttention(h, d_model)
    ff = FFN(d_model, d_ff, dropout)
    model = Seq2Seq(
        encoder=Encoder(EncoderBlock(d_model, c(attn), c(ff), dropout), N),
        decoder=Decoder(DecoderBlock(d_model, c(attn), c(attn), c(ff), dropout), N, tgt_vocab),
        src_embed=torch.nn.Sequential(Embeddings(d_model, src_vocab)),
        tgt_embed=torch.nn.Sequential(Embeddings(d_model, tgt_vocab)))
    for p in model.parameters():
        if p.dim() > 1:
            torch.nn.init.xavier_uniform_(p)
    return model


class CopyDataset(torch.utils.data.Dataset):
    def __init__(self, V, total, length):
        self.samples = list()
        sample = dict()
        for i in range(total):
            data = torch.from_numpy(np.random.randint(1, V, size=(length,)))
            data[0] = 1
            src = torch.autograd.Variable(data, requires_grad=False)
            tgt = torch.autograd.Variable(data, requires_grad=False)
            sample['source'] = src
            sample['target'] = tgt[:-1]
            sample['target_y'] = tgt[1:]
            sample['source_mask'] = (src != 0).unsqueeze(-2)
            sample['target_mask'] = self.std_mask(sample['target'], 0)
            self.samples.append(sample)

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        return self.samples[idx]

    @staticmethod
    def std_mask(tgt, pad):
        m = (tgt != pad)
        sub = np.triu(np.ones((tgt.size(-1), tgt.size(-1))), k=1).astype('uint8')
        return m & torch.autograd.Variable((torch.from_numpy(sub) == 0).type_as(m.data))


def train_model(model, loss_function, optimizer, data_loader):
    model.train()
    current_loss = 0.0
    counter = 0
    for i, batch in enumerate(data_loader):
        with torch.set_grad_enabled(True):
            out = model.forward(batch['source'], batch['target'], batch['source_mask'], batch['target_mask'])
            loss = loss_function(out.contiguous().view(-1, out.size(-1)),  # expect: LG001
                                 batch['target_y'].contiguous().view(-1))
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            current_loss += loss  # expect: LG006
            counter += 1
            if counter % 5 == 0:
                print("Batch: %d; Loss: %f" % (i + 1, current_loss / counter))
                current_loss = 0.0
                counter = 0


if __name__ == '__main__':
    V = 11
    BATCH = 50
    train_set = CopyDataset(11, BATCH * 1000, 10)
    loader = torch.utils.data.DataLoader(train_set, batch_size=BATCH)
    model = build_model(V, V, N=2)
    optimizer = torch.optim.Adam(model.parameters())
    loss_function = torch.nn.CrossEntropyLoss()
    train_model(model, loss_function, optimizer, loader)
