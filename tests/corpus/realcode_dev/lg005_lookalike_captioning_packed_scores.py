"""look-alike [LG005, LG001, LG006]: show-attend-tell: the decoder returns (scores, caps_sorted, decode_lengths, alphas, sort_ind); scores and targets are both packed with pack_padded_sequence(..., batch_first=True) before CrossEntropyLoss; a doubly stochastic attention term is added; losses.update(loss.item(), ...)."""
# Source: https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Image-Captioning train.py at
# cc9c7e2f4017938d414178d3781fed8dbe442852; re-typed, names changed, reduced. Correct code.
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

alpha_c = 1.
grad_clip = 5.


def train(train_loader, encoder, decoder, criterion, encoder_optimizer, decoder_optimizer, epoch, losses, device):
    decoder.train()
    encoder.train()
    for i, (imgs, caps, caplens) in enumerate(train_loader):
        imgs = imgs.to(device)
        caps = caps.to(device)
        caplens = caplens.to(device)
        imgs = encoder(imgs)
        scores, caps_sorted, decode_lengths, alphas, sort_ind = decoder(imgs, caps, caplens)
        targets = caps_sorted[:, 1:]
        scores, _ = pack_padded_sequence(scores, decode_lengths, batch_first=True)
        targets, _ = pack_padded_sequence(targets, decode_lengths, batch_first=True)
        loss = criterion(scores, targets)
        loss += alpha_c * ((1. - alphas.sum(dim=1)) ** 2).mean()
        decoder_optimizer.zero_grad()
        if encoder_optimizer is not None:
            encoder_optimizer.zero_grad()
        loss.backward()
        if grad_clip is not None:
            torch.nn.utils.clip_grad_norm_(decoder.parameters(), grad_clip)
        decoder_optimizer.step()
        if encoder_optimizer is not None:
            encoder_optimizer.step()
        losses.update(loss.item(), sum(decode_lengths))


def main(encoder, decoder, train_loader, device, epochs=120):
    decoder_optimizer = torch.optim.Adam(params=filter(lambda p: p.requires_grad, decoder.parameters()), lr=4e-4)
    criterion = nn.CrossEntropyLoss().to(device)
    for epoch in range(epochs):
        train(train_loader, encoder, decoder, criterion, None, decoder_optimizer, epoch, [], device)
