"""part of positive project [LG011]: the training functions of the book's seq2seq; one step sums nn.NLLLoss over the decoder's per-token log-probabilities (teacher forcing or greedy) and returns the float loss.data[0] / length, which train_iters adds up."""
# Source: xiaobaoonline/pytorch-in-action at 193745dc (read as is), chapter7_序列预测模型/train.py; re-typed, identifiers
# renamed; the docstrings, the evaluation, plotting (showPlot stays undefined) and attention-display functions cut.
# `from process import *` (MAX_LENGTH, SOS_token, EOS_token, the tensor helpers) is another file of the folder, not
# included.
import random
import time

import torch
from logger import logger
from process import *
from torch import nn
from torch import optim
from torch.autograd import Variable

use_cuda = torch.cuda.is_available()
teacher_forcing_ratio = 0.5


def train_step(src, tgt, encoder, decoder, enc_opt, dec_opt, criterion, max_length=MAX_LENGTH):
    h = encoder.init_hidden()
    enc_opt.zero_grad()
    dec_opt.zero_grad()
    src_len = src.size()[0]
    tgt_len = tgt.size()[0]
    enc_outs = Variable(torch.zeros(max_length, encoder.hidden))
    enc_outs = enc_outs.cuda() if use_cuda else enc_outs
    loss = 0
    for ei in range(src_len):
        enc_out, h = encoder(src[ei], h)
        enc_outs[ei] = enc_out[0][0]
    dec_in = Variable(torch.LongTensor([[SOS_token]]))
    dec_in = dec_in.cuda() if use_cuda else dec_in
    dec_h = h
    forcing = True if random.random() < teacher_forcing_ratio else False
    if forcing:
        for di in range(tgt_len):
            dec_out, dec_h, attn = decoder(dec_in, dec_h, enc_out, enc_outs)
            loss += criterion(dec_out, tgt[di])
            dec_in = tgt[di]
    else:
        for di in range(tgt_len):
            dec_out, dec_h, attn = decoder(dec_in, dec_h, enc_out, enc_outs)
            topv, topi = dec_out.data.topk(1)
            ni = topi[0][0]
            dec_in = Variable(torch.LongTensor([[ni]]))
            dec_in = dec_in.cuda() if use_cuda else dec_in
            loss += criterion(dec_out, tgt[di])
            if ni == EOS_token:
                break
    loss.backward()
    enc_opt.step()
    dec_opt.step()
    return loss.data[0] / tgt_len


def train_iters(in_lang, out_lang, pairs, encoder, decoder, n_iters, print_every=1000, plot_every=100,
                learning_rate=0.01):
    start = time.time()
    points = []
    print_total = 0
    plot_total = 0
    enc_opt = optim.SGD(encoder.parameters(), lr=learning_rate)
    dec_opt = optim.SGD(decoder.parameters(), lr=learning_rate)
    batches = [variablesFromPair(in_lang, out_lang, random.choice(pairs)) for i in range(n_iters)]
    criterion = nn.NLLLoss()
    for it in range(1, n_iters + 1):
        src, tgt = batches[it - 1]
        loss = train_step(src, tgt, encoder, decoder, enc_opt, dec_opt, criterion)
        print_total += loss
        plot_total += loss
        if it % print_every == 0:
            avg = print_total / print_every
            print_total = 0
            logger.info('%s (%d %d%%) %.4f' % (timeSince(start, it / n_iters), it, it / n_iters * 100, avg))
        if it % plot_every == 0:
            points.append(plot_total / plot_every)
            plot_total = 0
    showPlot(points)
