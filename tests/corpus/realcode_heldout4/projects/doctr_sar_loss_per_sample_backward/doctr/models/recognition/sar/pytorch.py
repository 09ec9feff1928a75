"""part of positive project [LG015]: SAR.forward puts compute_loss(...) in out['loss']; compute_loss takes F.cross_entropy(..., reduction='none'), masks it, sums over time and returns ce_loss.unsqueeze(1), one value per word."""
# Source: https://github.com/mindee/doctr doctr/models/recognition/sar/pytorch.py at 7e83e50808e4a520fc4fa3bdea3a2831bfcbdc06; re-typed, names changed, reduced (the
# attention module, the post-processor and the target encoding of RecognitionModel left out; docstrings removed).
from typing import Any, Dict, List, Optional

import torch
from torch import nn
from torch.nn import functional as F

from ... import backbones
from ..core import RecognitionModel, RecognitionPostProcessor

__all__ = ["SAR", "sar_vgg16_bn", "sar_resnet31"]


class SARDecoder(nn.Module):
    def __init__(self, rnn_units, max_length, vocab_size, embedding_units, attention_units, num_decoder_layers=2, feat_chans=512):
        super().__init__()
        self.vocab_size = vocab_size
        self.lstm_cells = nn.ModuleList([nn.LSTMCell(rnn_units, rnn_units) for _ in range(num_decoder_layers)])
        self.embed = nn.Linear(self.vocab_size + 1, embedding_units, bias=False)
        self.attention_module = AttentionModule(feat_chans, rnn_units, attention_units)
        self.output_dense = nn.Linear(2 * rnn_units, vocab_size + 1)
        self.max_length = max_length

    def forward(self, features, holistic, gt=None):
        hx = [None, None]
        symbol = torch.zeros((features.shape[0], self.vocab_size + 1), device=features.device)
        logits_list = []
        for t in range(self.max_length + 1):
            embedded = self.embed(symbol)
            hx[0] = self.lstm_cells[0](embedded, hx[0])
            hx[1] = self.lstm_cells[1](hx[0][0], hx[1])
            logits, _ = hx[1]
            glimpse = self.attention_module(features, logits.unsqueeze(-1).unsqueeze(-1))
            logits = torch.cat([logits, glimpse], 1)
            logits = self.output_dense(logits)
            if gt is not None:
                _symbol = gt[:, t]
            else:
                _symbol = logits.argmax(-1)
            symbol = F.one_hot(_symbol, self.vocab_size + 1).to(dtype=torch.float32)
            logits_list.append(logits)
        return torch.stack(logits_list, 1)


class SAR(nn.Module, RecognitionModel):
    def __init__(self, feature_extractor, vocab, rnn_units=512, embedding_units=512, attention_units=512, max_length=32,
                 num_decoders=2, dropout_prob=0., cfg=None):
        super().__init__()
        self.vocab = vocab
        self.cfg = cfg
        self.max_length = max_length + 1
        self.feat_extractor = feature_extractor
        self.encoder = nn.LSTM(32, rnn_units, 2, batch_first=True, dropout=dropout_prob)
        self.decoder = SARDecoder(rnn_units, max_length, len(vocab), embedding_units, attention_units, num_decoders, 512)
        self.postprocessor = RecognitionPostProcessor(vocab=vocab)

    def forward(self, x, target: Optional[List[str]] = None, return_model_output: bool = False, return_preds: bool = False) -> Dict[str, Any]:
        features = self.feat_extractor(x)
        pooled = features.max(dim=-2).values
        _, (encoded, _) = self.encoder(pooled)
        encoded = encoded[-1]
        if target is not None:
            _gt, _seq_len = self.compute_target(target)
            gt, seq_len = torch.from_numpy(_gt).to(dtype=torch.long), torch.tensor(_seq_len)
            gt, seq_len = gt.to(x.device), seq_len.to(x.device)
        decoded = self.decoder(features, encoded, gt=None if target is None else gt)

        out: Dict[str, Any] = {}
        if return_model_output:
            out["out_map"] = decoded
        if target is None or return_preds:
            out["preds"] = self.postprocessor(decoded)
        if target is not None:
            out["loss"] = self.compute_loss(decoded, gt, seq_len)
        return out

    def compute_loss(self, model_output: torch.Tensor, gt: torch.Tensor, seq_len: torch.Tensor) -> torch.Tensor:
        input_len = model_output.shape[1]
        seq_len = seq_len + 1
        cce = F.cross_entropy(model_output.permute(0, 2, 1), gt, reduction="none")
        mask_2d = torch.arange(input_len, device=model_output.device)[None, :] < seq_len[:, None]
        cce[mask_2d] = 0
        ce_loss = cce.sum(1) / seq_len.to(dtype=torch.float32)
        return ce_loss.unsqueeze(1)


def _sar(arch: str, pretrained: bool, **kwargs: Any) -> SAR:
    feat_extractor = backbones.__dict__["vgg16_bn" if arch == "sar_vgg16_bn" else "resnet31"]()
    return SAR(feat_extractor, **kwargs)


def sar_vgg16_bn(pretrained: bool = False, **kwargs: Any) -> SAR:
    return _sar("sar_vgg16_bn", pretrained, **kwargs)


def sar_resnet31(pretrained: bool = False, **kwargs: Any) -> SAR:
    return _sar("sar_resnet31", pretrained, **kwargs)
