"""part of look-alike project [LG012, LG015, LG005, LG006]: the FastPitch loss takes element-wise F.mse_loss(reduction='none') terms, masks and sums them to scalars before adding the alignment CTC term, and returns detached clones for logging."""
# Source: NVIDIA/DeepLearningExamples at 729963dd (read as is), PyTorch/SpeechSynthesis/FastPitch/fastpitch/loss_function.py;
# re-typed, identifiers renamed; licence header cut.
import torch
import torch.nn.functional as F
from torch import nn

from common.utils import mask_from_lens
from fastpitch.attn_loss_function import AlignmentCTCLoss


class FastPitchLoss(nn.Module):
    def __init__(self, dur_scale=1.0, pitch_scale=1.0, attn_scale=1.0, energy_scale=0.1):
        super().__init__()
        self.dur_scale = dur_scale
        self.pitch_scale = pitch_scale
        self.energy_scale = energy_scale
        self.attn_scale = attn_scale
        self.attn_ctc_loss = AlignmentCTCLoss()

    def forward(self, model_out, targets, is_training=True, meta_agg='mean'):
        (mel_out, dec_mask, dur_pred, log_dur_pred, pitch_pred, pitch_tgt, energy_pred, energy_tgt, attn_soft,
         attn_hard, attn_dur, attn_logprob) = model_out
        (mel_tgt, in_lens, out_lens) = targets
        dur_tgt = attn_dur
        mel_tgt.requires_grad = False
        mel_tgt = mel_tgt.transpose(1, 2)

        dur_mask = mask_from_lens(in_lens, max_len=dur_tgt.size(1))
        log_dur_tgt = torch.log(dur_tgt.float() + 1)
        dur_loss = F.mse_loss(log_dur_pred, log_dur_tgt, reduction='none')
        dur_loss = (dur_loss * dur_mask).sum() / dur_mask.sum()

        pad = mel_tgt.size(1) - mel_out.size(1)
        mel_out = F.pad(mel_out, (0, 0, 0, pad, 0, 0), value=0.0)
        mel_mask = mel_tgt.ne(0).float()
        mel_loss = F.mse_loss(mel_out, mel_tgt, reduction='none')
        mel_loss = (mel_loss * mel_mask).sum() / mel_mask.sum()

        pad = pitch_tgt.size(2) - pitch_pred.size(2)
        pitch_pred = F.pad(pitch_pred, (0, pad, 0, 0, 0, 0), value=0.0)
        pitch_loss = F.mse_loss(pitch_tgt, pitch_pred, reduction='none')
        pitch_loss = (pitch_loss * dur_mask.unsqueeze(1)).sum() / dur_mask.sum()

        if energy_pred is not None:
            energy_pred = F.pad(energy_pred, (0, pad, 0, 0), value=0.0)
            energy_loss = F.mse_loss(energy_tgt, energy_pred, reduction='none')
            energy_loss = (energy_loss * dur_mask).sum() / dur_mask.sum()
        else:
            energy_loss = 0

        attn_loss = self.attn_ctc_loss(attn_logprob, in_lens, out_lens)
        loss = (mel_loss + dur_loss * self.dur_scale + pitch_loss * self.pitch_scale
                + energy_loss * self.energy_scale + attn_loss * self.attn_scale)
        meta = {
            'loss': loss.clone().detach(),
            'mel_loss': mel_loss.clone().detach(),
            'duration_predictor_loss': dur_loss.clone().detach(),
            'pitch_loss': pitch_loss.clone().detach(),
            'attn_loss': attn_loss.clone().detach(),
            'dur_error': (torch.abs(dur_pred - dur_tgt).sum() / dur_mask.sum()).detach(),
        }
        if energy_pred is not None:
            meta['energy_loss'] = energy_loss.clone().detach()
        if meta_agg == 'sum':
            bsz = mel_out.size(0)
            meta = {k: v * bsz for k, v in meta.items()}
        return loss, meta
