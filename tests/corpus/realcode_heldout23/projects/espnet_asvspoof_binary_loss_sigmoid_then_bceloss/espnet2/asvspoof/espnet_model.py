"""part of positive project [LG016]: the spoofing-countermeasure model encodes the speech, runs the decoder for pred and, when neither softmax-margin loss is configured, calls self.losses["binary_loss"](pred, label) times its weight; the accuracy thresholds pred at 0.5 and the stats keep loss.detach()."""
# Source: espnet/espnet at 0d5259b2 (read as is), espnet2/asvspoof/espnet_model.py; re-typed, identifiers renamed;
# the feature extraction and the encoder call shortened. The frontend, encoder and the ESPnet trainer are not included.
from typing import Dict, Optional, Tuple

import torch

from espnet2.asvspoof.decoder.abs_decoder import AbsDecoder
from espnet2.asvspoof.loss.abs_loss import AbsASVSpoofLoss
from espnet2.torch_utils.device_funcs import force_gatherable
from espnet2.train.abs_espnet_model import AbsESPnetModel


class ESPnetASVSpoofModel(AbsESPnetModel):
    def __init__(self, frontend, specaug, normalize, encoder, preencoder, decoder: AbsDecoder,
                 losses: Dict[str, AbsASVSpoofLoss]):
        super().__init__()
        self.preencoder = preencoder
        self.encoder = encoder
        self.normalize = normalize
        self.frontend = frontend
        self.specaug = specaug
        self.decoder = decoder
        self.losses = losses

    def forward(self, speech: torch.Tensor, speech_lengths: torch.Tensor = None, label: torch.Tensor = None,
                **kwargs) -> Tuple[torch.Tensor, Dict[str, torch.Tensor], torch.Tensor]:
        assert speech.shape[0] == label.shape[0], (speech.shape, label.shape)
        batch_size = speech.shape[0]
        encoder_out, encoder_out_lens = self.encode(speech, speech_lengths)
        pred = self.decoder(encoder_out, encoder_out_lens)

        if "oc_softmax_loss" in self.losses:
            loss = self.losses["oc_softmax_loss"](label, encoder_out) * self.losses["oc_softmax_loss"].weight
            pred = self.losses["am_softmax_loss"].score(encoder_out)
        elif "am_softmax_loss" in self.losses:
            loss = self.losses["am_softmax_loss"](label, encoder_out) * self.losses["am_softmax_loss"].weight
            pred = self.losses["am_softmax_loss"].score(encoder_out)
        else:
            loss = self.losses["binary_loss"](pred, label) * self.losses["binary_loss"].weight
        acc = torch.sum(((pred.view(-1) > 0.5) == (label.view(-1) > 0.5))) / batch_size
        stats = dict(loss=loss.detach(), acc=acc.detach())
        loss, stats, weight = force_gatherable((loss, stats, batch_size), loss.device)
        return loss, stats, weight

    def encode(self, speech: torch.Tensor, speech_lengths: torch.Tensor):
        feats, feats_lengths = self.frontend(speech, speech_lengths)
        if self.specaug is not None and self.training:
            feats, feats_lengths = self.specaug(feats, feats_lengths)
        if self.normalize is not None:
            feats, feats_lengths = self.normalize(feats, feats_lengths)
        encoder_out, encoder_out_lens, _ = self.encoder(feats, feats_lengths)
        return encoder_out, encoder_out_lens
