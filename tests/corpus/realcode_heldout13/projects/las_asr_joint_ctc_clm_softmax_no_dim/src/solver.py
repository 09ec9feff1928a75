"""part of positive project [LG011]: the trainer scores the raw character scores with an unreduced CrossEntropyLoss reduced per utterance, gives CTCLoss log_softmax(dim=-1) of the CTC scores, and feeds the adversarial text critic F.softmax(att_pred) without dim."""
# Source: Alexander-H-Liu/End-to-end-ASR-Pytorch@55d39528b27b18249d1e9a084d7ac2516bfcd562 src/solver.py (read as is; re-typed, identifiers renamed, cut at method boundaries: data loading, logging helpers, the tester and the RNN-LM trainer left out, validation shortened to its loss lines)
import math

import numpy as np
import torch
import torch.nn.functional as F

from src.asr import ListenAttendSpell
from src.clm import CLM_wrapper
from src.postprocess import cal_acc, cal_cer

GRAD_CLIP = 5
CLM_MIN_SEQ_LEN = 5


class Solver():
    def __init__(self, config, paras):
        self.config = config
        self.paras = paras
        self.device = torch.device('cuda') if (self.paras.gpu and torch.cuda.is_available()) else torch.device('cpu')
        self.step = 0
        self.max_step = config['solver']['total_steps']
        self.tf_start = config['solver']['tf_start']
        self.tf_end = config['solver']['tf_end']
        self.apply_clm = config['clm']['enable']


class Trainer(Solver):
    def set_model(self):
        self.model = ListenAttendSpell(self.sample_x, self.mapper.get_dim(), self.config['asr_model']).to(self.device)
        self.seq_loss = torch.nn.CrossEntropyLoss(ignore_index=0, reduction='none').to(self.device)
        self.ctc_loss = torch.nn.CTCLoss(blank=0, reduction='mean')
        self.ctc_weight = self.config['asr_model']['optimizer']['joint_ctc']
        opt_cls = getattr(torch.optim, self.config['asr_model']['optimizer']['type'])
        self.opt = opt_cls(self.model.parameters(), lr=self.config['asr_model']['optimizer']['learning_rate'], eps=1e-8)
        if self.apply_clm:
            self.clm = CLM_wrapper(self.mapper.get_dim(), self.config['clm']).to(self.device)

    def exec(self):
        while self.step < self.max_step:
            for x, y in self.train_set:
                tf_rate = self.tf_start - self.step * (self.tf_start - self.tf_end) / self.max_step
                x = x.squeeze(0).to(device=self.device, dtype=torch.float32)
                y = y.squeeze(0).to(device=self.device, dtype=torch.long)
                lens = np.sum(np.sum(x.cpu().data.numpy(), axis=-1) != 0, axis=-1)
                lens = [int(n) for n in lens]
                ans_len = int(torch.max(torch.sum(y != 0, dim=-1)))

                self.opt.zero_grad()
                ctc_pred, lens, att_pred, _ = self.model(x, ans_len, tf_rate=tf_rate, teacher=y, lens=lens)

                log = {}
                label = y[:, 1:ans_len + 1].contiguous()
                ctc_loss = 0
                att_loss = 0
                if self.ctc_weight < 1:
                    b, t, c = att_pred.shape
                    att_loss = self.seq_loss(att_pred.view(b * t, c), label.view(-1))
                    att_loss = torch.sum(att_loss.view(b, t), dim=-1) / torch.sum(y != 0, dim=-1)\
                        .to(device=self.device, dtype=torch.float32)
                    att_loss = torch.mean(att_loss)
                    log['train_att'] = att_loss
                if self.ctc_weight > 0:
                    target_len = torch.sum(y != 0, dim=-1)
                    ctc_loss = self.ctc_loss(F.log_softmax(ctc_pred.transpose(0, 1), dim=-1), label, torch.LongTensor(lens), target_len)
                    log['train_ctc'] = ctc_loss

                loss = (1 - self.ctc_weight) * att_loss + self.ctc_weight * ctc_loss
                log['train_full'] = loss

                if self.apply_clm and att_pred.shape[1] >= CLM_MIN_SEQ_LEN:
                    if (self.step % self.clm.update_freq) == 0:
                        clm_log, gp = self.clm.train(att_pred.detach(), CLM_MIN_SEQ_LEN)
                    critic = self.clm.compute_loss(F.softmax(att_pred))  # expect: LG011
                    loss -= critic

                loss.backward()
                grad_norm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), GRAD_CLIP)
                if math.isnan(grad_norm):
                    print('Error : grad norm is NaN @ step ' + str(self.step))
                else:
                    self.opt.step()

                self.log.add_scalars('loss', log, self.step)
                if self.ctc_weight < 1:
                    self.log.add_scalars('acc', {'train': cal_acc(att_pred, label)}, self.step)

                if self.step % self.valid_step == 0:
                    self.opt.zero_grad()
                    self.valid()
                self.step += 1
                if self.step > self.max_step:
                    break

    def valid(self):
        self.model.eval()
        val_ctc, val_att = 0.0, 0.0
        val_len = 0
        for x, y in self.dev_set:
            x = x.squeeze(0).to(device=self.device, dtype=torch.float32)
            y = y.squeeze(0).to(device=self.device, dtype=torch.long)
            lens = [int(n) for n in torch.sum(torch.sum(x.cpu(), dim=-1) != 0, dim=-1)]
            ans_len = int(torch.max(torch.sum(y != 0, dim=-1)))
            ctc_pred, lens, att_pred, att_maps = self.model(x, ans_len + 30, lens=lens)
            label = y[:, 1:ans_len + 1].contiguous()
            if self.ctc_weight < 1:
                seq_loss = self.seq_loss(att_pred[:, :ans_len, :].contiguous().view(-1, att_pred.shape[-1]), label.view(-1))
                seq_loss = torch.sum(seq_loss.view(x.shape[0], -1), dim=-1) / torch.sum(y != 0, dim=-1)\
                    .to(device=self.device, dtype=torch.float32)
                seq_loss = torch.mean(seq_loss)
                val_att += seq_loss.detach() * int(x.shape[0])
            if self.ctc_weight > 0:
                target_len = torch.sum(y != 0, dim=-1)
                ctc_loss = self.ctc_loss(F.log_softmax(ctc_pred.transpose(0, 1), dim=-1), label,
                                         torch.LongTensor(lens), target_len)
                val_ctc += ctc_loss.detach() * int(x.shape[0])
            val_len += int(x.shape[0])
        self.model.train()
        return val_att / val_len, val_ctc / val_len
