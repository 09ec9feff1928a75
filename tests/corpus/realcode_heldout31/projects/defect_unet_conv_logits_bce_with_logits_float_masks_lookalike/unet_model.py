"""part of look-alike project [LG003, LG004, LG005, LG014]: the U-Net ends in a 1x1 Conv2d, raw logits."""
# Source: virtue24/pytorch-practice at 91e54a74595eda841ff6b7d7c4bed2d3cdb27755 defect_autoencoder/unet_model.py (re-typed; the crop helper and the encoder/decoder wiring kept, the __main__ shape check shortened)
import torch
import torch.nn as nn
import torch.nn.functional as F


class DefectUNet(nn.Module):
    def __init__(self, in_channels, out_channels):
        super(DefectUNet, self).__init__()
        self.enc1 = self.contract_block(in_channels, 64)
        self.enc2 = self.contract_block(64, 128)
        self.enc3 = self.contract_block(128, 256)
        self.enc4 = self.contract_block(256, 512)
        self.enc5 = self.contract_block(512, 1024)

        self.upconv4 = self.upconv(1024, 512)
        self.dec4 = self.contract_block(1024, 512)
        self.upconv3 = self.upconv(512, 256)
        self.dec3 = self.contract_block(512, 256)
        self.upconv2 = self.upconv(256, 128)
        self.dec2 = self.contract_block(256, 128)
        self.upconv1 = self.upconv(128, 64)
        self.dec1 = self.contract_block(128, 64)

        self.out_conv = nn.Conv2d(64, out_channels, kernel_size=1)

    def contract_block(self, in_channels, out_channels):
        return nn.Sequential(
            nn.Conv2d(in_channels, out_channels, kernel_size=3),
            nn.ReLU(inplace=True),
            nn.Conv2d(out_channels, out_channels, kernel_size=3),
            nn.ReLU(inplace=True),
        )

    def upconv(self, in_channels, out_channels):
        return nn.ConvTranspose2d(in_channels, out_channels, kernel_size=2, stride=2)

    def crop_tensor(self, enc_feature, target_size):
        _, _, h, w = enc_feature.size()
        delta_h = h - target_size[2]
        delta_w = w - target_size[3]
        enc_feature = enc_feature[:, :, delta_h // 2: h - delta_h // 2, delta_w // 2: w - delta_w // 2]
        return enc_feature

    def forward(self, x):
        enc1 = self.enc1(x)
        enc2 = self.enc2(F.max_pool2d(enc1, 2))
        enc3 = self.enc3(F.max_pool2d(enc2, 2))
        enc4 = self.enc4(F.max_pool2d(enc3, 2))
        enc5 = self.enc5(F.max_pool2d(enc4, 2))

        dec4 = self.upconv4(enc5)
        enc4 = self.crop_tensor(enc4, dec4.size())
        dec4 = self.dec4(torch.cat((enc4, dec4), dim=1))

        dec3 = self.upconv3(dec4)
        enc3 = self.crop_tensor(enc3, dec3.size())
        dec3 = self.dec3(torch.cat((enc3, dec3), dim=1))

        dec2 = self.upconv2(dec3)
        enc2 = self.crop_tensor(enc2, dec2.size())
        dec2 = self.dec2(torch.cat((enc2, dec2), dim=1))

        dec1 = self.upconv1(dec2)
        enc1 = self.crop_tensor(enc1, dec1.size())
        dec1 = self.dec1(torch.cat((enc1, dec1), dim=1))

        return self.out_conv(dec1)
