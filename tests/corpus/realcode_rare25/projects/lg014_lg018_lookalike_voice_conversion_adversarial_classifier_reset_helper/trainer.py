"""part of look-alike project [LG014, LG018]: a voice-conversion autoencoder trains a speaker classifier on its latent code and then the encoder-decoder against it (`loss_rec - alpha * loss_clf`, which back-propagates into the classifier too); each step clears its own networks with `reset_grad([...])` from utils.py right before its backward, so neither step applies the other's gradients."""

# Source: andi611/ZeroSpeech-TTS-without-T@0fb20fa trainer.py (re-typed, renamed, cut to the networks, the optimizers and the adversarial stage)
import torch
import torch.nn as nn
import torch.optim as optim

from utils import grad_clip, reset_grad


class Encoder(nn.Module):
    def __init__(self, c_in=513, c_h=512):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_h, kernel_size=5, padding=2)

    def forward(self, x):
        enc = self.conv(x)
        return torch.relu(enc), enc


class Decoder(nn.Module):
    def __init__(self, c_in=512, c_out=513, n_speakers=10):
        super().__init__()
        self.emb = nn.Embedding(n_speakers, c_in)
        self.conv = nn.Conv1d(c_in, c_out, kernel_size=5, padding=2)

    def forward(self, enc, c):
        return self.conv(enc + self.emb(c).unsqueeze(2))


class SpeakerClassifier(nn.Module):
    def __init__(self, c_in=512, n_speakers=10):
        super().__init__()
        self.conv = nn.Conv1d(c_in, 256, kernel_size=3, padding=1)
        self.out = nn.Linear(256, n_speakers)

    def forward(self, enc):
        h = torch.relu(self.conv(enc)).mean(dim=2)
        return self.out(h)


class Trainer:
    def __init__(self, hps, data_loader):
        self.hps = hps
        self.data_loader = data_loader
        self.encoder = Encoder()
        self.decoder = Decoder(n_speakers=hps.n_speakers)
        self.speaker_clf = SpeakerClassifier(n_speakers=hps.n_speakers)
        betas = (0.5, 0.9)
        params = list(self.encoder.parameters()) + list(self.decoder.parameters())
        self.ae_opt = optim.Adam(params, lr=hps.lr, betas=betas)
        self.clf_opt = optim.Adam(self.speaker_clf.parameters(), lr=hps.lr, betas=betas)

    def cal_loss(self, logits, y_true):
        criterion = nn.CrossEntropyLoss()
        return criterion(logits, y_true)

    def train(self):
        hps = self.hps
        for iteration in range(hps.iters):
            alpha = hps.alpha_enc * min(1.0, iteration / hps.lat_sched_iters)
            for step in range(hps.n_latent_steps):
                c, x = next(self.data_loader)
                enc_act, enc = self.encoder(x)
                logits = self.speaker_clf(enc)
                loss = hps.alpha_dis * self.cal_loss(logits, c)
                reset_grad([self.speaker_clf])
                loss.backward()
                grad_clip([self.speaker_clf], hps.max_grad_norm)
                self.clf_opt.step()

            c, x = next(self.data_loader)
            enc_act, enc = self.encoder(x)
            x_dec = self.decoder(enc_act, c)
            loss_rec = torch.mean(torch.abs(x_dec - x))
            logits = self.speaker_clf(enc)
            loss_clf = self.cal_loss(logits, c)
            loss = loss_rec - alpha * loss_clf
            reset_grad([self.encoder, self.decoder])
            loss.backward()
            grad_clip([self.encoder, self.decoder], hps.max_grad_norm)
            self.ae_opt.step()
            print(f"iter {iteration}: rec={loss_rec.item():.3f} clf={loss_clf.item():.3f}")
