"""look-alike [LG007, LG001, LG006]: hierarchical attention network notebook: word and sentence attention use F.softmax(..., dim=1) inside the model, the document head returns F.log_softmax(d.view(-1, c), dim=1), and nn.NLLLoss (a module-level criterion passed through two functions) trains it; train_data returns loss.data[0]."""
# Source: https://github.com/pandeykartikey/Hierarchical-Attention-Network "HAN yelp.ipynb" at
# 5bc1399b18c874c22f2cd455eef820d4a0ff5a43 (issue #3 asks about the README's note on NLLLoss and log_softmax);
# re-typed from cells 25, 26, 35, 38 and 42, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def attention_mul(rnn_outputs, att_weights):
    attn_vectors = None
    for i in range(rnn_outputs.size(0)):
        h_i = rnn_outputs[i]
        a_i = att_weights[i]
        h_i = (a_i * h_i).unsqueeze(0)
        attn_vectors = h_i if attn_vectors is None else torch.cat((attn_vectors, h_i), 0)
    return torch.sum(attn_vectors, 0).unsqueeze(0)


class WordRNN(nn.Module):
    def __init__(self, vocab_size, embedsize, batch_size, hid_size):
        super(WordRNN, self).__init__()
        self.embed = nn.Embedding(vocab_size, embedsize)
        self.wordRNN = nn.GRU(embedsize, hid_size, bidirectional=True)
        self.wordattn = nn.Linear(2 * hid_size, 2 * hid_size)
        self.attn_combine = nn.Linear(2 * hid_size, 2 * hid_size, bias=False)

    def forward(self, inp, hid_state):
        emb_out = self.embed(inp)
        out_state, hid_state = self.wordRNN(emb_out, hid_state)
        word_annotation = self.wordattn(out_state)
        attn = F.softmax(self.attn_combine(word_annotation), dim=1)
        sent = attention_mul(out_state, attn)
        return sent, hid_state


class SentenceRNN(nn.Module):
    def __init__(self, vocab_size, embedsize, batch_size, hid_size, c):
        super(SentenceRNN, self).__init__()
        self.batch_size = batch_size
        self.hid_size = hid_size
        self.cls = c
        self.wordRNN = WordRNN(vocab_size, embedsize, batch_size, hid_size)
        self.sentRNN = nn.GRU(embedsize, hid_size, bidirectional=True)
        self.sentattn = nn.Linear(2 * hid_size, 2 * hid_size)
        self.attn_combine = nn.Linear(2 * hid_size, 2 * hid_size, bias=False)
        self.doc_linear = nn.Linear(2 * hid_size, c)

    def forward(self, inp, hid_state_sent, hid_state_word):
        s = None
        for i in range(len(inp[0])):
            r1 = np.asarray([inp[j][i] for j in range(len(inp))])
            _s, state_word = self.wordRNN(torch.LongTensor(r1).view(-1, self.batch_size), hid_state_word)
            s = _s if s is None else torch.cat((s, _s), 0)
        out_state, hid_state = self.sentRNN(s, hid_state_sent)
        sent_annotation = self.sentattn(out_state)
        attn = F.softmax(self.attn_combine(sent_annotation), dim=1)
        doc = attention_mul(out_state, attn)
        d = self.doc_linear(doc)
        cls = F.log_softmax(d.view(-1, self.cls), dim=1)
        return cls, hid_state

    def init_hidden_sent(self):
        return torch.zeros(2, self.batch_size, self.hid_size)

    def init_hidden_word(self):
        return torch.zeros(2, self.batch_size, self.hid_size)


def train_data(batch_size, review, targets, sent_attn_model, sent_optimizer, criterion):
    state_word = sent_attn_model.init_hidden_word()
    state_sent = sent_attn_model.init_hidden_sent()
    sent_optimizer.zero_grad()
    y_pred, state_sent = sent_attn_model(review, state_sent, state_word)
    loss = criterion(y_pred, torch.LongTensor(targets))
    max_index = y_pred.max(dim=1)[1]
    correct = (max_index == torch.LongTensor(targets)).sum()
    acc = float(correct) / batch_size
    loss.backward()
    sent_optimizer.step()
    return loss.data[0], acc


def train_early_stopping(batch_size, batches, sent_attn_model, sent_attn_optimiser, loss_criterion, num_epoch):
    loss_full = []
    for i in range(1, num_epoch + 1):
        loss_epoch = []
        for x, y in batches:
            loss, acc = train_data(batch_size, x, y, sent_attn_model, sent_attn_optimiser, loss_criterion)
            loss_epoch.append(loss)
        loss_full.append(np.mean(loss_epoch))
    return loss_full


sent_attn = SentenceRNN(30000, 200, 64, 100, 5)
sent_optimizer = torch.optim.SGD(sent_attn.parameters(), lr=1e-3, momentum=0.9)
criterion = nn.NLLLoss()
loss_full = train_early_stopping(64, [], sent_attn, sent_optimizer, criterion, 10)
