"""part of look-alike project [LG001, LG007, LG015]: LocationEncoder stores nn.LogSoftmax(dim=1) as self.log_softmax; encode_for_n_sources puts its output for the source-count columns into the returned dict under "n_source_log_probs"."""
# Source: prob-ml/bliss@a764fb7d5ebae4970673a2d6b300bf8e355f73bc bliss/models/location_encoder.py (at the fix "replace CrossEntropyLoss with NLLLoss (#423)", unchanged by it; re-typed, cut at function and class boundaries: only LocationEncoder's __init__, encode, encode_for_n_sources and _get_logprob_n_from_var_params, with the index buffers, the per-source parameter gathering and EncoderCNN shortened or left out)
from typing import Dict

import torch
from torch import Tensor, nn


class LocationEncoder(nn.Module):
    def __init__(self, max_detections: int = 1, n_bands: int = 1, tile_slen: int = 2, ptile_slen: int = 6,
                 channel: int = 8, spatial_dropout=0, dropout=0, hidden: int = 128):
        super().__init__()
        self.max_detections = max_detections
        self.n_bands = n_bands
        self.tile_slen = tile_slen
        self.ptile_slen = ptile_slen
        self.border_padding = int((ptile_slen - tile_slen) / 2)

        self.n_params_per_source = 2 + 2 * n_bands + 2 * n_bands
        self.dim_out_all = int(
            0.5 * self.max_detections * (self.max_detections + 1) * self.n_params_per_source + 1 + self.max_detections,
        )
        dim_enc_conv_out = ((self.ptile_slen + 1) // 2 + 1) // 2

        self.enc_conv = EncoderCNN(n_bands, channel, spatial_dropout)
        self.enc_final = nn.Sequential(
            nn.Flatten(1),
            nn.Linear(channel * 4 * dim_enc_conv_out ** 2, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(True),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(True),
            nn.Dropout(dropout),
            nn.Linear(hidden, self.dim_out_all),
        )
        self.log_softmax = nn.LogSoftmax(dim=1)

        self.register_buffer("prob_n_source_indx", torch.arange(self.dim_out_all - self.max_detections - 1, self.dim_out_all), persistent=False)

    def encode(self, image_ptiles: Tensor) -> Tensor:
        log_img = torch.log(image_ptiles - image_ptiles.min() + 1.0)
        var_params = self.enc_conv(log_img)
        return self.enc_final(var_params)

    def encode_for_n_sources(self, var_params, tile_n_sources) -> Dict[str, Tensor]:
        tile_n_sources = tile_n_sources.clamp(max=self.max_detections)
        if len(tile_n_sources.shape) == 1:
            tile_n_sources = tile_n_sources.unsqueeze(0)
            squeeze = True
        elif len(tile_n_sources.shape) == 2:
            squeeze = False
        else:
            raise ValueError("tile_n_sources must have shape size 1 or 2")

        var_params_for_n_sources = self._get_var_params_for_n_sources(var_params, tile_n_sources)

        n_source_log_probs = self._get_logprob_n_from_var_params(var_params)
        var_params_for_n_sources["n_source_log_probs"] = n_source_log_probs
        if squeeze:
            var_params_for_n_sources = {key: value.squeeze(0) for key, value in var_params_for_n_sources.items()}
        return var_params_for_n_sources

    def _get_logprob_n_from_var_params(self, h):
        free_probs = h[:, self.prob_n_source_indx]
        return self.log_softmax(free_probs)
