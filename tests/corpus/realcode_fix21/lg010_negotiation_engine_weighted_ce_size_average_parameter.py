"""positive [LG010]: the negotiation agents' training engine wraps a weighted CrossEntropyLoss whose size_average comes from the wrapper's own parameter (default True) (the fix replaces it with reduction='elementwise_mean')."""

# Source: facebookresearch/end-to-end-negotiator@3d2cb41121 src/engine.py, fixed in cdc6bb19b1 (cut, renamed)
import time

import torch
import torch.nn as nn
from torch import optim
from torch.autograd import Variable


class Criterion(object):
    """Weighted CrossEntropyLoss."""

    def __init__(self, dictionary, device_id=None, bad_toks=[], size_average=True):
        w = torch.Tensor(len(dictionary)).fill_(1)
        for tok in bad_toks:
            w[dictionary.get_idx(tok)] = 0.0
        if device_id is not None:
            w = w.cuda(device_id)
        self.crit = nn.CrossEntropyLoss(w, size_average=size_average)  # expect: LG010

    def __call__(self, out, tgt):
        return self.crit(out, tgt)


class Engine(object):
    def __init__(self, model, args, device_id=None):
        self.model = model
        self.args = args
        self.opt = optim.SGD(self.model.parameters(), lr=args.lr, momentum=args.momentum)
        self.crit = Criterion(self.model.word_dict, device_id=device_id)
        self.sel_crit = Criterion(self.model.item_dict, device_id=device_id, bad_toks=["<disconnect>", "<disagree>"])

    @staticmethod
    def forward(model, batch, volatile=True):
        ctx, inpt, tgt, sel_tgt = [Variable(t, volatile=volatile) for t in batch]
        ctx_h = model.forward_context(ctx)
        lang_h = model.zero_hid(ctx_h.size(1), model.args.nhid_lang)
        out, lang_h = model.forward_lm(inpt, lang_h, ctx_h)
        sel_out = model.forward_selection(inpt, lang_h, ctx_h)
        return out, lang_h, tgt, sel_out, sel_tgt

    def train_pass(self, N, trainset):
        self.model.train()
        total_loss = 0
        start_time = time.time()
        for batch in trainset:
            out, hid, tgt, sel_out, sel_tgt = Engine.forward(self.model, batch, volatile=False)
            loss = self.crit(out.view(-1, N), tgt)
            loss += self.sel_crit(sel_out, sel_tgt) * self.model.args.sel_weight
            self.opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm(self.model.parameters(), self.args.clip)
            self.opt.step()
            total_loss += loss.data[0]
        return total_loss / len(trainset), time.time() - start_time
