"""part of positive project [LG009]: auxiliary heads on the video encoder: the length predictor ends in a Linear over max_len positions and, with use_kl, returns F.log_softmax(out, dim=-1) (otherwise a ReLU regression); the object and attribute predictors end in nn.Sigmoid()."""
# Source: ybCliff/VideoCaptioning at 93fc3b09 (read as is; non-autoregressive video captioning), models/predictor.py; re-typed, identifiers renamed.
import torch
import torch.nn as nn
import torch.nn.functional as F

import models.Constants as Constants


class LengthHead(nn.Module):
    def __init__(self, opt):
        super(LengthHead, self).__init__()
        self.use_kl = opt.get('use_kl', False)
        if self.use_kl:
            self.net = nn.Sequential(nn.Linear(opt['dim_hidden'], opt['dim_hidden']), nn.ReLU(),
                                     nn.Dropout(opt['hidden_dropout_prob']),
                                     nn.Linear(opt['dim_hidden'], opt['max_len']))
        else:
            self.net = nn.Sequential(nn.Linear(opt['dim_hidden'], opt['dim_hidden']), nn.ReLU(),
                                     nn.Dropout(opt['hidden_dropout_prob']),
                                     nn.Linear(opt['dim_hidden'], opt['max_len']), nn.ReLU())

    def forward(self, enc):
        if isinstance(enc, list):
            enc = enc[0]
        out = self.net(enc.mean(1))
        if self.use_kl:
            return F.log_softmax(out, dim=-1)
        else:
            return out


class TagHead(nn.Module):
    def __init__(self, opt, dim_out):
        super(TagHead, self).__init__()
        self.net = nn.Sequential(nn.Linear(opt['dim_hidden'], opt['dim_hidden']), nn.ReLU(),
                                 nn.Dropout(opt['hidden_dropout_prob']), nn.Linear(opt['dim_hidden'], dim_out),
                                 nn.Sigmoid())

    def forward(self, enc):
        if isinstance(enc, list):
            enc = torch.stack(enc, dim=0).sum(0)
        return self.net(enc.mean(1))


class AuxiliaryHeads(nn.Module):
    def __init__(self, opt):
        super(AuxiliaryHeads, self).__init__()
        table = {'obj': ('predictor_obj', TagHead(opt, opt['dim_object'])),
                 'length': ('predictor_length', LengthHead(opt)),
                 'attr': ('predictor_attr', TagHead(opt, opt.get('dim_t', 1000)))}
        self.heads = []
        self.names = []
        for item in ['obj', 'length', 'attr']:
            if item in opt['crit']:
                name, module = table[item]
                self.heads.append(module)
                self.add_module(name, module)
                self.names.append(Constants.mapping[item][0])

    def forward(self, enc):
        return {name: head(enc) for name, head in zip(self.names, self.heads)}
