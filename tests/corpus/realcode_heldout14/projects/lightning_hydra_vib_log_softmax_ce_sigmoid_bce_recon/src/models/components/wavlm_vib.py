"""part of positive project [LG001, LG016]: the anti-spoofing model returns log_softmax class scores; its loss method applies nn.CrossEntropyLoss to them and sigmoids both sides of a binary_cross_entropy reconstruction term."""
# Source: hungdinhxuan/Lightning-hydra at 656e857a (read as is), src/models/components/wavlmbase_vib.py; re-typed, identifiers renamed;
# the MC-dropout back end reduced to its Linear layers, the WavLM front end imported as in the source, the
# supervised-contrastive terms kept, the ablation branches of the loss_type switch shortened.
import torch
import torch.nn as nn
import torch.nn.functional as F

from src.models.components.WavLM.fe import WavLMFe
from src.models.components.loss_metrics import supcon_loss


class BackEnd(nn.Module):
    def __init__(self, input_dim, out_dim, num_classes, dropout_rate, dropout_flag=True):
        super(BackEnd, self).__init__()
        self.m_frame_level = nn.Sequential(
            nn.Linear(input_dim, input_dim), nn.LeakyReLU(), nn.Dropout(dropout_rate),
            nn.Linear(input_dim, out_dim), nn.LeakyReLU(),
        )
        self.m_utt_level = nn.Linear(out_dim, num_classes)

    def forward(self, feat):
        feat_ = self.m_frame_level(feat)
        feat_utt = feat_.mean(1)
        logits = self.m_utt_level(feat_utt)
        return logits, feat_utt


class VIB(nn.Module):
    def __init__(self, input_dim, hidden_dim, latent_dim, dropout_rate=0.5):
        super(VIB, self).__init__()
        self.encoder = nn.Sequential(nn.Linear(input_dim, hidden_dim), nn.GELU(), nn.Dropout(dropout_rate),
                                     nn.Linear(hidden_dim, hidden_dim), nn.GELU(), nn.Dropout(dropout_rate))
        self.fc_mu = nn.Linear(hidden_dim, latent_dim)
        self.fc_var = nn.Linear(hidden_dim, latent_dim)
        self.decoder = nn.Sequential(nn.Linear(latent_dim, hidden_dim), nn.GELU(), nn.Dropout(dropout_rate),
                                     nn.Linear(hidden_dim, input_dim))

    def reparameterize(self, mu, logvar):
        std = torch.exp(0.5 * logvar)
        return mu + torch.randn_like(std) * std

    def forward(self, x):
        encoded = self.encoder(x)
        mu, logvar = self.fc_mu(encoded), self.fc_var(encoded)
        z = self.reparameterize(mu, logvar)
        decoded = self.decoder(z)
        return z, decoded, mu, logvar


class Model(nn.Module):
    def __init__(self, args, is_train=True):
        super().__init__()
        self.is_train = is_train
        self.front_end = WavLMFe(**args.get("wavlm_kwargs", {}))
        self.LL = nn.Linear(self.front_end.out_dim, 128)
        self.gelu = nn.GELU()
        self.VIB = VIB(128, 128, 64)
        self.backend = BackEnd(64, 64, 2, 0.5, False)

    def _forward(self, x):
        x = self.front_end(x)
        x = self.LL(x)
        feats = x
        x = self.gelu(x)
        x, decoded, mu, logvar = self.VIB(x)
        output, emb = self.backend(x)
        output = F.log_softmax(output, dim=1)
        if self.is_train:
            return output, (decoded, mu, logvar, feats), emb
        return output

    def forward(self, x_big):
        if x_big.dim() == 3:
            x_big = x_big.transpose(0, 1)
            batch, length, sample_per_batch = x_big.shape
            x_big = x_big.transpose(1, 2).reshape(batch * sample_per_batch, length)
        return self._forward(x_big)

    def loss(self, output, feats, emb, labels, config, info=None):
        real_bzs = output.shape[0]
        loss_CE = torch.nn.CrossEntropyLoss()
        decoded, mu, logvar, feats_w2v = feats
        sim_metric_seq = lambda mat1, mat2: torch.bmm(mat1.permute(1, 0, 2), mat2.permute(1, 2, 0)).mean(0)

        L_CE = 1 / real_bzs * loss_CE(output, labels)

        BCE = F.binary_cross_entropy(torch.sigmoid(decoded), torch.sigmoid(feats_w2v), reduction="sum")  # expect: LG016
        KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        Recon_loss = config["recon_weight_l"] * (BCE + config["recon_weight_b"] * KLD) / real_bzs

        feats_w2v = feats_w2v.unsqueeze(1)
        L_CF1 = 1 / real_bzs * supcon_loss(feats_w2v, labels=labels, contra_mode=config["contra_mode"], sim_metric=sim_metric_seq)
        emb = emb.unsqueeze(1).unsqueeze(-1)
        L_CF2 = 1 / real_bzs * supcon_loss(emb, labels=labels, contra_mode=config["contra_mode"], sim_metric=sim_metric_seq)

        if config["loss_type"] == 1:
            return {"L_CE": L_CE, "L_CF1": L_CF1, "L_CF2": L_CF2, "Recon_loss": Recon_loss}
        elif config["loss_type"] == 2:
            return {"L_CE": L_CE, "L_CF1": L_CF1}
        elif config["loss_type"] == 4:
            return {"L_CE": L_CE}
        return {"L_CF1": L_CF1, "L_CF2": L_CF2}
