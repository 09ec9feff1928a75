"""part of look-alike project [LG006, LG011, LG012, LG015]: the LightningModule's calc_loss takes F.log_softmax(out, -1), transposes to (T, B, V) and calls F.ctc_loss(..., reduction="sum"), then divides by the batch size; training_step returns the loss in a dict with loss.item() for the progress bar; validation returns .item() values that validation_epoch_end sums; softmax (with dim) is used only to decode."""
# Source: dertilo/speech-recognition at 32dfd0a0 (read as is), deepspeech_asr/lightning/lightning_model.py; re-typed, identifiers renamed; the WER/CER
# bookkeeping, argument parsing and the collate function shortened.
from collections import OrderedDict

import pytorch_lightning as pl
import torch
import torch.nn.functional as F

from decoder import convert_to_strings
from transcribing.transcribe_util import build_decoder
from utils import BLANK_SYMBOL


class LitSpeechModule(pl.LightningModule):
    def __init__(self, hparams):
        super().__init__()
        self.hparams = hparams
        self.lr = hparams.lr
        self.model = self._build_model(hparams)
        self.decoder = build_decoder(self.char2idx, use_beam_decoder=False)
        self.BLANK_INDEX = self.char2idx[BLANK_SYMBOL]

    def forward(self, inputs, input_sizes):
        return self.model(inputs, input_sizes)

    def training_step(self, batch, batch_nb):
        inputs, targets, input_sizes, target_sizes = batch
        out, output_sizes = self(inputs, input_sizes)
        loss = self.calc_loss(out, output_sizes, targets, target_sizes)
        tqdm_dict = {"train-loss": loss.item()}
        return OrderedDict({"loss": loss, "progress_bar": tqdm_dict, "log": tqdm_dict})

    def calc_loss(self, out, output_sizes, targets, target_sizes):
        prob = F.log_softmax(out, -1)
        ctc_loss = F.ctc_loss(prob.transpose(0, 1), targets, output_sizes, target_sizes, blank=self.BLANK_INDEX,
                              reduction="sum", zero_infinity=True)
        batch_size = out.size(0)
        return ctc_loss / batch_size

    def validation_step(self, batch, batch_nb):
        inputs, targets, input_sizes, target_sizes = batch
        decoded, out, output_sizes = transcribe_batch(self.decoder, input_sizes, inputs, self.model)
        loss_value = self.calc_loss(out, output_sizes, targets, target_sizes).item()
        return OrderedDict({"loss": loss_value, "progress_bar": {"val-loss": loss_value}})

    def validation_epoch_end(self, outputs):
        sums = outputs[0]
        for d in outputs[1:]:
            for k, v in d.items():
                if k not in ["log", "progress_bar"]:
                    sums[k] += v
        val_loss_mean = sums["loss"] / len(outputs)
        return {"progress_bar": {"val_loss": val_loss_mean}, "val_loss": val_loss_mean}

    def configure_optimizers(self):
        return torch.optim.Adam(self.model.parameters(), lr=self.lr, weight_decay=1e-5)


def transcribe_batch(decoder, input_sizes, inputs, model):
    out, output_sizes = model(inputs, input_sizes)
    probs = F.softmax(out, dim=-1)
    decoded, _ = decoder.decode(probs, output_sizes)
    return decoded, out, output_sizes
