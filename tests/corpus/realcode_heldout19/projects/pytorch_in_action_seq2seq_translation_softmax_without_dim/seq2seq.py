"""part of positive project [LG011]: the entry script of the book's seq2seq; builds the encoder and the attention decoder from model.py and trains them with train_iters from train.py (imported with *)."""
# Source: xiaobaoonline/pytorch-in-action at 193745dc (read as is), chapter7_序列预测模型/seq2seq.py; re-typed,
# identifiers renamed; the pickling of the vocabularies and the model saving cut.
import sys

import torch
from logger import logger
from process import prepareData

from model import AttnDecoder, Encoder
from train import *

use_cuda = torch.cuda.is_available()
src_name = 'eng'
tgt_name = 'cmn'
if len(sys.argv) > 1:
    tgt_name = sys.argv[1]

in_lang, out_lang, pairs = prepareData(src_name, tgt_name, True)
HIDDEN = 256
enc = Encoder(in_lang.n_words, HIDDEN)
dec = AttnDecoder(HIDDEN, out_lang.n_words, 1, dropout_p=0.1)
if use_cuda:
    enc = enc.cuda()
    dec = dec.cuda()
train_iters(in_lang, out_lang, pairs, enc, dec, 75000, print_every=5000)
logger.info('train end. ')
