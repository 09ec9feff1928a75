"""look-alike [LG004]: HiDDeN with the fix posted in issue #28: the torch.full((batch_size, 1), self.cover_label) targets are converted with .float() before BCEWithLogitsLoss."""
# Source: https://github.com/ando-khachatryan/HiDDeN/issues/28 (the fix posted in the thread:
# "d_target_label_cover = d_target_label_cover.float()", applied to the three targets) on model/hidden.py at
# 556f76dd0602e4351ed4c19bd2ee87d50ef3c0de; re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn

from options import HiDDenConfiguration
from model.discriminator import Discriminator
from model.encoder_decoder import EncoderDecoder
from vgg_loss import VGGLoss


class Hidden:
    def __init__(self, configuration: HiDDenConfiguration, device: torch.device, noiser):
        super(Hidden, self).__init__()
        self.encoder_decoder = EncoderDecoder(configuration, noiser).to(device)
        self.discriminator = Discriminator(configuration).to(device)
        self.optimizer_enc_dec = torch.optim.Adam(self.encoder_decoder.parameters())
        self.optimizer_discrim = torch.optim.Adam(self.discriminator.parameters())
        if configuration.use_vgg:
            self.vgg_loss = VGGLoss(3, 1, False)
            self.vgg_loss.to(device)
        else:
            self.vgg_loss = None
        self.config = configuration
        self.device = device
        self.bce_with_logits_loss = nn.BCEWithLogitsLoss().to(device)
        self.mse_loss = nn.MSELoss().to(device)
        self.cover_label = 1
        self.encoded_label = 0

    def train_on_batch(self, batch: list):
        images, messages = batch
        batch_size = images.shape[0]
        self.encoder_decoder.train()
        self.discriminator.train()
        with torch.enable_grad():
            self.optimizer_discrim.zero_grad()
            d_target_cover = torch.full((batch_size, 1), self.cover_label, device=self.device)
            d_target_cover = d_target_cover.float()
            d_target_encoded = torch.full((batch_size, 1), self.encoded_label, device=self.device)
            d_target_encoded = d_target_encoded.float()
            g_target_encoded = torch.full((batch_size, 1), self.cover_label, device=self.device)
            g_target_encoded = g_target_encoded.float()

            d_on_cover = self.discriminator(images)
            d_loss_cover = self.bce_with_logits_loss(d_on_cover, d_target_cover)
            d_loss_cover.backward()

            encoded, noised, decoded = self.encoder_decoder(images, messages)
            d_on_encoded = self.discriminator(encoded.detach())
            d_loss_encoded = self.bce_with_logits_loss(d_on_encoded, d_target_encoded)
            d_loss_encoded.backward()
            self.optimizer_discrim.step()

            self.optimizer_enc_dec.zero_grad()
            d_on_encoded_for_enc = self.discriminator(encoded)
            g_loss_adv = self.bce_with_logits_loss(d_on_encoded_for_enc, g_target_encoded)
            if self.vgg_loss is None:
                g_loss_enc = self.mse_loss(encoded, images)
            else:
                g_loss_enc = self.mse_loss(self.vgg_loss(images), self.vgg_loss(encoded))
            g_loss_dec = self.mse_loss(decoded, messages)
            g_loss = self.config.adversarial_loss * g_loss_adv + self.config.encoder_loss * g_loss_enc + self.config.decoder_loss * g_loss_dec
            g_loss.backward()
            self.optimizer_enc_dec.step()

        rounded = decoded.detach().cpu().numpy().round().clip(0, 1)
        bit_err = np.sum(np.abs(rounded - messages.detach().cpu().numpy())) / (batch_size * messages.shape[1])
        return {"loss": g_loss.item(), "bitwise-error": bit_err, "adversarial_bce": g_loss_adv.item()}
