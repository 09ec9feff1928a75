"""part of positive project [LG016]: the EEND-OLA diarization model adds the attractor existence loss, the permutation-invariant speaker loss and the power-set cross-entropy into one training loss."""
# Source: modelscope/FunASR at 3c58cb56, funasr/models/eend/e2e_diar_eend_ola.py (DiarEENDOLAModel.forward); re-typed,
# identifiers renamed; the constructor, the encoder and post-net helpers, inference and statistics cut.
from typing import List

import torch

from funasr.models.eend.utils.losses import cal_power_loss, fast_batch_pit_n_speaker_loss, standard_loss
from funasr.models.eend.utils.power import create_powerlabel


class DiarEENDOLAModel(torch.nn.Module):
    def forward(self, speech: List[torch.Tensor], speaker_labels: List[torch.Tensor], orders: torch.Tensor):
        assert len(speech) == len(speaker_labels), (len(speech), len(speaker_labels))
        speech_lengths = torch.tensor([len(s) for s in speech]).to(torch.int64)
        label_lengths = torch.tensor([s.shape[-1] for s in speaker_labels]).to(torch.int64)

        enc_out = self.forward_encoder(speech, speech_lengths)
        att_loss, atts = self.encoder_decoder_attractor([e[o] for e, o in zip(enc_out, orders)], label_lengths)
        spk_logits = [torch.matmul(e, a.permute(1, 0)) for e, a in zip(enc_out, atts)]

        pit_labels = fast_batch_pit_n_speaker_loss(spk_logits, speaker_labels)
        pit_loss = standard_loss(spk_logits, pit_labels)

        with torch.no_grad():
            power_ts = [
                create_powerlabel(lab.cpu().numpy(), self.mapping_dict, self.max_n_speaker).to(enc_out[0].device)
                for lab in pit_labels
            ]
        pad_atts = [pad_attractor(a, self.max_n_speaker) for a in atts]
        pse_logits = [torch.matmul(e, a.permute(1, 0)) for e, a in zip(enc_out, pad_atts)]
        pse_logits = self.forward_post_net(pse_logits, speech_lengths)
        pse_loss = cal_power_loss(pse_logits, power_ts)

        loss = pse_loss + pit_loss + self.attractor_loss_weight * att_loss
        stats = dict(pse_loss=pse_loss.detach(), pit_loss=pit_loss.detach(), attractor_loss=att_loss.detach())
        return loss, stats
