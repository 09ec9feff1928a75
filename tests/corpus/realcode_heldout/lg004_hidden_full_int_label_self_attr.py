"""positive [LG004]: HiDDeN keeps self.cover_label = 1 / self.encoded_label = 0 (ints) and builds discriminator targets with torch.full((batch_size, 1), self.cover_label), int64, for nn.BCEWithLogitsLoss."""
# Source: https://github.com/ando-khachatryan/HiDDeN model/hidden.py at 141f9cb339d0209d2f4dfd7787c8e876cd249401
# (issue #28: "result type Float can't be cast to the desired output type Long"); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class Hidden:
    def __init__(self, configuration, device, encoder_decoder, discriminator):
        super(Hidden, self).__init__()
        self.encoder_decoder = encoder_decoder.to(device)
        self.optimizer_enc_dec = torch.optim.Adam(self.encoder_decoder.parameters())
        self.discriminator = discriminator.to(device)
        self.optimizer_discrim = torch.optim.Adam(self.discriminator.parameters())
        self.config = configuration
        self.device = device
        self.bce_with_logits_loss = nn.BCEWithLogitsLoss()
        self.mse_loss = nn.MSELoss()
        self.cover_label = 1
        self.encoded_label = 0

    def train_on_batch(self, batch):
        images, messages = batch
        batch_size = images.shape[0]
        self.encoder_decoder.train()
        self.discriminator.train()
        with torch.enable_grad():
            self.optimizer_discrim.zero_grad()
            d_target_label_cover = torch.full((batch_size, 1), self.cover_label, device=self.device)
            d_on_cover = self.discriminator(images)
            d_loss_on_cover = self.bce_with_logits_loss(d_on_cover, d_target_label_cover)  # expect: LG004
            d_loss_on_cover.backward()

            encoded_images, noised_images, decoded_messages = self.encoder_decoder(images, messages)
            d_target_label_encoded = torch.full((batch_size, 1), self.encoded_label, device=self.device)
            d_on_encoded = self.discriminator(encoded_images.detach())
            d_loss_on_encoded = self.bce_with_logits_loss(d_on_encoded, d_target_label_encoded)  # expect: LG004
            d_loss_on_encoded.backward()
            self.optimizer_discrim.step()

            self.optimizer_enc_dec.zero_grad()
            g_target_label_encoded = torch.full((batch_size, 1), self.cover_label, device=self.device)
            d_on_encoded_for_enc = self.discriminator(encoded_images)
            g_loss_adv = self.bce_with_logits_loss(d_on_encoded_for_enc, g_target_label_encoded)  # expect: LG004
            g_loss_enc = self.mse_loss(encoded_images, images)
            g_loss_dec = self.mse_loss(decoded_messages, messages)
            g_loss = (
                self.config.adversarial_loss * g_loss_adv
                + self.config.encoder_loss * g_loss_enc
                + self.config.decoder_loss * g_loss_dec
            )
            g_loss.backward()
            self.optimizer_enc_dec.step()
        return {"loss": g_loss.item(), "discr_cover_bce": d_loss_on_cover.item()}
