"""look-alike [LG007]: seq2seq decoder of unknown origin returns log-probs (its docstring says so); NLLLoss(ignore_index=PAD) on them."""
import torch
import torch.nn as nn

from seq2seq.models import AttnDecoder, Encoder

PAD = 0
encoder = Encoder(vocab=8000, hidden=256)
decoder = AttnDecoder(vocab=8000, hidden=256)
criterion = nn.NLLLoss(ignore_index=PAD)
enc_opt = torch.optim.Adam(encoder.parameters(), lr=1e-3)
dec_opt = torch.optim.Adam(decoder.parameters(), lr=1e-3)


def train_batch(src, tgt):
    enc_opt.zero_grad()
    dec_opt.zero_grad()
    enc_out, hidden = encoder(src)
    log_probs, _ = decoder(tgt[:, :-1], hidden, enc_out)
    loss = criterion(log_probs.reshape(-1, log_probs.size(-1)), tgt[:, 1:].reshape(-1))
    loss.backward()
    enc_opt.step()
    dec_opt.step()
    return loss.item()
