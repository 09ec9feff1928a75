"""look-alike [LG007]: the anti-spoofing model with a learned confidence branch gives nn.NLLLoss the log of a mixture of the softmax probabilities and the one-hot target, so its input is log-probabilities; the confidence head ends in a sigmoid and is penalised with -log(conf)."""
# Source: nii-yamagishilab/project-NN-Pytorch-scripts at 112ec0ff,
# project/06-asvspoof-ood/Softmax-conf/config_train_asvspoof2019/01/model.py (Model, read as is); re-typed,
# identifiers renamed; the LFCC front end, the LCNN-BLSTM embedding, mean / std preparation, the protocol parser and the
# inference printing shortened (nii_front_end, nii_seq_tk, _compute_embedding and _get_target stand for cut parts).
import numpy as np
import torch
import torch.nn as torch_nn
import torch.nn.functional as torch_nn_func

import core_scripts.data_io.seq_info as nii_seq_tk
import sandbox.util_frontend as nii_front_end


class Model(torch_nn.Module):
    def __init__(self, in_dim, out_dim, args, prj_conf, mean_std=None):
        super(Model, self).__init__()
        self.v_submodels = 1
        self.v_out_class = 2
        lfcc_dim = 60
        self.m_output_act = torch_nn.ModuleList([torch_nn.Linear((lfcc_dim // 16) * 32, self.v_out_class)])
        self.m_conf = torch_nn.ModuleList([
            torch_nn.Sequential(
                torch_nn.Linear((lfcc_dim // 16) * 32, 128),
                torch_nn.Tanh(),
                torch_nn.Linear(128, 1),
                torch_nn.Sigmoid(),
            )
        ])
        self.m_loss = torch_nn.NLLLoss()
        self.m_lambda = torch_nn.Parameter(torch.tensor([0.1]), requires_grad=False)
        self.m_budget = 0.5

    def _compute_logit(self, emb):
        n = emb.shape[0]
        out = torch.zeros([n * self.v_submodels, self.v_out_class], device=emb.device, dtype=emb.dtype)
        for idx, head in enumerate(self.m_output_act):
            part = emb[idx * n:(idx + 1) * n]
            out[idx * n:(idx + 1) * n] = head(part)
        return out

    def _compute_conf(self, emb):
        n = emb.shape[0]
        conf = torch.zeros([n * self.v_submodels, 1], device=emb.device, dtype=emb.dtype)
        for idx, head in enumerate(self.m_conf):
            part = emb[idx * n:(idx + 1) * n]
            conf[idx * n:(idx + 1) * n] = head(part)
        return conf.squeeze(1)

    def _compute_score(self, logits):
        if logits.shape[1] == 2:
            return logits[:, 1] - logits[:, 0]
        return logits[:, -1]

    def _clamp_prob(self, p, eps=1e-12):
        return torch.clamp(p, 0.0 + eps, 1.0 - eps)

    def _loss(self, logits, targets, conf):
        with torch.no_grad():
            onehot = torch.zeros_like(logits)
            onehot.scatter_(1, targets.data.view(-1, 1), 1)
        prob = self._clamp_prob(torch_nn_func.softmax(logits, dim=1))
        c = self._clamp_prob(conf)
        log_prob = torch.log(prob * c.view(-1, 1) + (1 - c.view(-1, 1)) * onehot)
        loss = self.m_loss(log_prob, targets)
        conf_penalty = -torch.log(conf).mean()
        loss = loss + self.m_lambda * conf_penalty
        if self.m_budget > conf_penalty:
            self.m_lambda.data = self.m_lambda / 1.01
        else:
            self.m_lambda.data = self.m_lambda / 0.99
        return loss.mean()

    def forward(self, x, fileinfo):
        names = [nii_seq_tk.parse_filename(y) for y in fileinfo]
        lengths = [nii_seq_tk.parse_length(y) for y in fileinfo]
        if self.training:
            target = self._get_target(names)
            bona = np.argwhere(np.array(target) > 0)[:, 0]
            spoof = np.argwhere(np.array(target) == 0)[:, 0]
            num = np.min([len(bona), len(spoof)])
            picked = np.concatenate([bona[0:num], spoof[0:num]])
            if len(picked) == 0:
                x_ = x
                empty = True
            else:
                names = [names[i] for i in picked]
                lengths = [lengths[i] for i in picked]
                x_ = x[picked]
                empty = False
        else:
            x_ = x
        emb = self._compute_embedding(x_, lengths)
        logits = self._compute_logit(emb)
        conf = self._compute_conf(emb)
        if self.training:
            target = self._get_target(names)
            target_vec = torch.tensor(target, device=x.device, dtype=torch.long)
            target_vec = target_vec.repeat(self.v_submodels)
            keep = torch.bernoulli(torch.zeros_like(conf).uniform_(0, 1))
            conf = conf * keep + (1 - keep)
            loss = self._loss(logits, target_vec, conf)
            if empty:
                return loss * 0
            return loss
        scores = self._compute_score(logits)
        for name, score, c in zip(names, scores, conf):
            print("Output, %s, %f, %f" % (name, score.item(), c.item()))
        return None
