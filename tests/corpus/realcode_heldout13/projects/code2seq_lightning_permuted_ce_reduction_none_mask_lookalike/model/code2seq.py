"""part of look-alike project [LG001, LG005, LG006, LG015]: the decoder's (T, B, V) scores are permuted to (B, V, T) for F.cross_entropy(..., reduction="none") against (B, T) labels, PAD positions masked out and the sum divided by the batch size; epoch ends stack the step losses under no_grad."""
# Source: JetBrains-Research/code2seq@971260b5201ca1dee27a1ddce36d844496705a56 model/code2seq.py (read at the commit "Use builtin cross entropy loss for criterion", pull request #74, which replaces a hand-written log_softmax/gather loss; re-typed, identifiers renamed, the metric helper shortened)
from typing import Dict, List

import torch
import torch.nn.functional as F

from dataset import Vocabulary
from model.modules import PathEncoder, PathDecoder
from utils.common import PAD, SOS
from utils.metrics import SubtokenStatistic
from .base_code_model import BaseCodeModel


class Code2Seq(BaseCodeModel):
    def __init__(self, config, vocab: Vocabulary, num_workers: int):
        super().__init__(config.hyperparams, vocab, num_workers)
        self.save_hyperparameters()
        if SOS not in vocab.label_to_id:
            vocab.label_to_id[SOS] = len(vocab.label_to_id)
        self.encoder = PathEncoder(config.encoder_config, config.decoder_config.decoder_size,
                                   len(vocab.token_to_id), vocab.token_to_id[PAD],
                                   len(vocab.type_to_id), vocab.type_to_id[PAD])
        self.decoder = PathDecoder(config.decoder_config, len(vocab.label_to_id),
                                   vocab.label_to_id[SOS], vocab.label_to_id[PAD])

    def forward(self, samples, paths_for_label, output_length, target_sequence=None):
        return self.decoder(self.encoder(samples), paths_for_label, output_length, target_sequence)

    def _calculate_loss(self, logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        batch_size = labels.shape[-1]
        scores = logits.permute(1, 2, 0)
        targets = labels.permute(1, 0)
        loss = F.cross_entropy(scores, targets, reduction="none")
        mask = targets != self.vocab.label_to_id[PAD]
        loss = loss * mask
        loss = loss.sum() / batch_size
        return loss

    def _general_epoch_end(self, outputs: List[Dict], loss_key: str, group: str) -> Dict:
        with torch.no_grad():
            logs = {f"{group}/loss": torch.stack([out[loss_key] for out in outputs]).mean()}
            logs.update(SubtokenStatistic.union_statistics([out["statistic"] for out in outputs]).calculate_metrics(group))
        return {f"{group}_loss": logs[f"{group}/loss"], "log": logs}

    def _calculate_metric(self, logits, labels) -> SubtokenStatistic:
        with torch.no_grad():
            prediction = logits.argmax(-1)
            return SubtokenStatistic().calculate_statistic(labels, prediction, [self.vocab.label_to_id[PAD]])

    def training_step(self, batch, batch_idx: int) -> Dict:
        logits = self(batch.context, batch.contexts_per_label, batch.labels.shape[0], batch.labels)
        loss = self._calculate_loss(logits, batch.labels)
        log = {"train/loss": loss}
        statistic = self._calculate_metric(logits, batch.labels)
        log.update(statistic.calculate_metrics(group="train"))
        return {"loss": loss, "log": log, "statistic": statistic}

    def validation_step(self, batch, batch_idx: int) -> Dict:
        logits = self(batch.context, batch.contexts_per_label, batch.labels.shape[0])
        loss = self._calculate_loss(logits, batch.labels)
        statistic = self._calculate_metric(logits, batch.labels)
        return {"val_loss": loss, "statistic": statistic}
