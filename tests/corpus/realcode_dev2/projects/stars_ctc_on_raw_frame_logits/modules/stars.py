"""part of positive project [LG012]: the frame predictor writes raw nn.Linear frame logits (divided by a temperature) into the model's output dict."""
# Source: https://github.com/gwx314/STARS modules/stars/stars.py at 0e4fbb2ca05b277d8266cc68ea431df48ab86d5c (issue #9 "CTC loss appears to use raw logits
# instead of log-probabilities", fixed after this commit); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


class PhFramePredictor(nn.Module):
    def __init__(self, hparams):
        super(PhFramePredictor, self).__init__()
        self.hidden_size = hidden_size = hparams["hidden_size"]
        self.dropout = hparams.get("dropout", 0.0)
        self.ph_head = nn.Linear(hidden_size, hparams.get("ph_num", 58) + 3)
        self.ph_bd_temperature = max(1e-7, hparams.get("ph_bd_temperature", 1.0))

    def forward(self, feat, ret, train):
        frame_logits = self.ph_head(F.dropout(feat, self.dropout, train)).squeeze(-1)
        ph_bd_logits = frame_logits[:, :, 0] / self.ph_bd_temperature
        ph_bd_logits = torch.clamp(ph_bd_logits, min=-16.0, max=16.0)
        ph_frame_logits = frame_logits[:, :, 1:] / self.ph_bd_temperature
        ret["ph_bd_logits"], ret["ph_frame_logits"] = ph_bd_logits, ph_frame_logits


class STARS(nn.Module):
    def __init__(self, hparams):
        super(STARS, self).__init__()
        self.encoder = nn.GRU(hparams["n_mels"], hparams["hidden_size"], batch_first=True)
        self.ph_frame_predictor = PhFramePredictor(hparams)

    def forward(self, mel, train=True, **kwargs):
        ret = {}
        feat, _ = self.encoder(mel)
        self.ph_frame_predictor(feat, ret, train)
        return ret
