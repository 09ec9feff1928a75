"""look-alike [LG005]: the textbook's masked cross-entropy subclasses nn.CrossEntropyLoss, sets its own reduction to 'none' in forward and hands super().forward the decoder's (batch, steps, vocab) scores permuted to (batch, vocab, steps) against the (batch, steps) token ids, then averages the masked per-token losses per sequence; the training loop sums them before backward."""

# Source: d2l-ai/d2l-zh@e6b18ccea7 d2l/torch.py (MaskedSoftmaxCELoss, train_seq2seq, Seq2SeqDecoder; re-typed, renamed;
# the encoder reduced to an embedding and a GRU, the weight init, the animator and the timer cut)
import torch
from torch import nn


def sequence_mask(x, valid_len, value=0):
    steps = x.size(1)
    mask = torch.arange(steps, dtype=torch.float32, device=x.device)[None, :] < valid_len[:, None]
    x[~mask] = value
    return x


class MaskedSoftmaxCE(nn.CrossEntropyLoss):
    def forward(self, pred, label, valid_len):
        weights = torch.ones_like(label)
        weights = sequence_mask(weights, valid_len)
        self.reduction = "none"
        unweighted = super(MaskedSoftmaxCE, self).forward(pred.permute(0, 2, 1), label)
        return (unweighted * weights).mean(dim=1)


class Seq2Seq(nn.Module):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers):
        super().__init__()
        self.src_embedding = nn.Embedding(vocab_size, embed_size)
        self.encoder = nn.GRU(embed_size, num_hiddens, num_layers)
        self.tgt_embedding = nn.Embedding(vocab_size, embed_size)
        self.decoder = nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers)
        self.dense = nn.Linear(num_hiddens, vocab_size)

    def forward(self, src, dec_input, src_valid_len):
        _, state = self.encoder(self.src_embedding(src).permute(1, 0, 2))
        x = self.tgt_embedding(dec_input).permute(1, 0, 2)
        context = state[-1].repeat(x.shape[0], 1, 1)
        output, state = self.decoder(torch.cat((x, context), 2), state)
        return self.dense(output).permute(1, 0, 2), state


def train_seq2seq(net, data_iter, lr, num_epochs, bos_id, device):
    net.to(device)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss = MaskedSoftmaxCE()
    net.train()
    for epoch in range(num_epochs):
        total, tokens = 0.0, 0
        for batch in data_iter:
            optimizer.zero_grad()
            src, src_valid_len, tgt, tgt_valid_len = [x.to(device) for x in batch]
            bos = torch.tensor([bos_id] * tgt.shape[0], device=device).reshape(-1, 1)
            dec_input = torch.cat([bos, tgt[:, :-1]], 1)
            tgt_hat, _ = net(src, dec_input, src_valid_len)
            l = loss(tgt_hat, tgt, tgt_valid_len)
            l.sum().backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1)
            optimizer.step()
            with torch.no_grad():
                total += l.sum().item()
                tokens += tgt_valid_len.sum().item()
        print(epoch, total / tokens)


train_seq2seq(Seq2Seq(len(tgt_vocab), 32, 32, 2), train_iter, 0.005, 300, tgt_vocab["<bos>"], "cuda")
