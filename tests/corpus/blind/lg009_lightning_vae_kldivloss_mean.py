"""positive [LG009]: LightningModule for a discrete-latent model builds nn.KLDivLoss(reduction="mean") for its prior-matching term."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class CategoricalVAE(pl.LightningModule):
    def __init__(self, x_dim=784, n_latent=20, n_cat=10, lr=1e-3, tau=1.0):
        super().__init__()
        self.save_hyperparameters()
        self.encoder = nn.Sequential(nn.Linear(x_dim, 512), nn.ReLU(), nn.Linear(512, n_latent * n_cat))
        self.decoder = nn.Sequential(nn.Linear(n_latent * n_cat, 512), nn.ReLU(), nn.Linear(512, x_dim))
        self.prior_kl = nn.KLDivLoss(  # expect: LG009
            reduction="mean",
        )

    def forward(self, x):
        logits = self.encoder(x.flatten(1)).view(-1, self.hparams.n_latent, self.hparams.n_cat)
        z = F.gumbel_softmax(logits, tau=self.hparams.tau, hard=False, dim=-1)
        return self.decoder(z.flatten(1)), logits

    def training_step(self, batch, batch_idx):
        x, _ = batch
        recon_logits, q_logits = self(x)
        recon = F.binary_cross_entropy_with_logits(recon_logits, x.flatten(1), reduction="sum") / x.size(0)
        log_q = F.log_softmax(q_logits, dim=-1)
        uniform = torch.full_like(log_q, 1.0 / self.hparams.n_cat)
        kl = self.prior_kl(log_q, uniform)
        loss = recon + kl
        self.log_dict({"recon": recon, "kl": kl, "loss": loss})
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
