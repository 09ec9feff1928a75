"""positive [LG012]: batch-first (N, T, C) Linear logits permuted to (T, N, C) and fed to self.ctc_loss in a LightningModule."""
import torch
import torch.nn as nn
import lightning as L


class Conformerish(L.LightningModule):
    def __init__(self, n_feats=80, d=144, vocab=128):
        super().__init__()
        self.subsample = nn.Conv1d(n_feats, d, 3, stride=2, padding=1)
        layer = nn.TransformerEncoderLayer(d, 4, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 6)
        self.lm_head = nn.Linear(d, vocab)
        self.ctc_loss = nn.CTCLoss(blank=vocab - 1)

    def training_step(self, batch, batch_idx):
        feats, feat_lens, tokens, token_lens = batch
        x = self.subsample(feats.transpose(1, 2)).transpose(1, 2)
        logits = self.lm_head(self.encoder(x))
        loss = self.ctc_loss(logits.permute(1, 0, 2), tokens, feat_lens // 2, token_lens)  # expect: LG012
        self.log("train_ctc", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)
