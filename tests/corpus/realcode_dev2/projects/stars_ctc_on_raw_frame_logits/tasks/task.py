"""part of positive project [LG012]: the task concatenates slices of output['ph_frame_logits'] and a helper passes them, permuted to (T, N, C), straight to F.ctc_loss."""
# Source: https://github.com/gwx314/STARS tasks/stars/task.py at 0e4fbb2ca05b277d8266cc68ea431df48ab86d5c (issue #9); re-typed, names changed, reduced.
import torch
import torch.nn.functional as F

from modules.stars import STARS
from utils.commons.hparams import hparams


class StarsTask:
    def __init__(self):
        self.model = STARS(hparams)
        self.global_step = 0

    def run_model(self, sample, infer=False):
        mel = sample["mels"]
        ph = sample["ph"]
        ph_lengths = sample["ph_lengths"]
        output = self.model(mel=mel, train=not infer)
        losses = {}
        if not infer:
            self.add_ph_bd_loss(output["ph_bd_logits"], sample["ph_bd"].float(), losses)
            input_lengths = sample["mel_lengths"]
            ph_frame = sample["ph_frame"]
            ctc_logits = torch.cat([output["ph_frame_logits"][:, :, [0]], output["ph_frame_logits"][:, :, 2:]], dim=-1)
            if hparams.get("use_ctc_loss", True):
                self.add_phone_ctc_loss(ctc_logits, ph, input_lengths, ph_lengths, losses)
            self.add_phone_ce_loss(output["ph_frame_logits"][:, :, 1:], ph_frame, losses)
        return losses, output

    def add_phone_ctc_loss(self, ph_frame_logits, ph, input_lengths, target_length, losses):
        if self.global_step >= hparams.get("ph_start", 0):
            ph_frame_logits = ph_frame_logits.permute(1, 0, 2)
            ph_ctc_loss = torch.nn.functional.ctc_loss(ph_frame_logits, ph, input_lengths, target_length)  # expect: LG012
            losses["ph_ctc_loss"] = ph_ctc_loss * hparams.get("lambda_ph_ctc", 1.0)
        else:
            losses["ph_ctc_loss"] = 0.0

    def add_ph_bd_loss(self, ph_bd_logits, ph_bd, losses):
        losses["ph_bd"] = F.binary_cross_entropy_with_logits(ph_bd_logits, ph_bd)

    def add_phone_ce_loss(self, ph_frame_logits, ph_frame, losses):
        losses["ph_ce"] = F.cross_entropy(ph_frame_logits.transpose(1, 2), ph_frame)

    def training_step(self, sample, optimizer):
        losses, _ = self.run_model(sample)
        total_loss = sum(v for v in losses.values() if isinstance(v, torch.Tensor))
        optimizer.zero_grad()
        total_loss.backward()
        optimizer.step()
        self.global_step += 1
        return total_loss.item()
