"""part of positive project [LG006, LG013]: the seq2seq trainer sums each step's back-propagated loss tensor (times the batch size) into the epoch's running sum, keeping every step's graph; and its masked loss flattens the logits a second time in place of the targets (trg = logits.view(-1)), so CrossEntropyLoss gets float scores as class indices (the fix uses loss.item() and trg.view(-1))."""

# Source: jiangqn/seq2seq@00d49c9221 trainer.py, fixed in b65ee86ed5 (cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from dataset import PairDataset
from model.decoder import Decoder, StackedCells
from model.encoder import Encoder
from model.seq2seq import Seq2Seq
from model.utils import length_mask


class Trainer(object):
    def __init__(self, config):
        self._config = config

    def _make_model(self):
        c = self._config
        embedding = nn.Embedding(c.vocab_size, c.embed_size)
        encoder = Encoder(c.embed_size, c.hidden_size, c.num_layers, c.bidirectional, c.dropout)
        cells = StackedCells(c.embed_size + c.hidden_size, c.hidden_size, c.num_layers, dropout=c.dropout)
        decoder = Decoder(embedding, cells, c.hidden_size)
        return Seq2Seq(embedding, encoder, decoder)

    def run(self):
        model = self._make_model().cuda()
        criterion = nn.CrossEntropyLoss(reduction="none")
        optimizer = optim.Adam(model.parameters(), lr=self._config.learning_rate)
        loader = DataLoader(PairDataset(self._config.train_path), self._config.batch_size, shuffle=True)
        for epoch in range(self._config.num_epochs):
            running = 0
            seen = 0
            for src, src_lens, trg, trg_lens in loader:
                src, src_lens, trg, trg_lens = src.cuda(), src_lens.tolist(), trg.cuda(), trg_lens.tolist()
                optimizer.zero_grad()
                logits = model(src, src_lens, trg)
                loss = self._loss(logits, trg, trg_lens, criterion)
                running += loss * src.size(0)  # expect: LG006
                seen += src.size(0)
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), self._config.clip)
                optimizer.step()
            print("epoch %d: loss %.4f" % (epoch, running / seen))

    def _loss(self, logits, trg, trg_lens, criterion):
        mask = length_mask(trg_lens, trg.size(1))
        vocab_size = logits.size(2)
        logits = logits.view(-1, vocab_size)
        trg = logits.view(-1)
        mask = mask.view(-1)
        losses = criterion(logits, trg).masked_select(mask)  # expect: LG013
        return losses.mean()
