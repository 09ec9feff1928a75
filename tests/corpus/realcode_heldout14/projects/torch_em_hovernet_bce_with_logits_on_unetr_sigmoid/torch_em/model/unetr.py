"""part of positive project [LG003]: the UNETR always ends in nn.Sigmoid applied after the output convolution."""
# Source: constantinpape/torch-em at dfde97fd ("Fix minor issues with hovernet loss", which switched the loss to logits
# while UNETR still ended in nn.Sigmoid; the sigmoid became optional, default None, in 83f87fff), torch_em/model/unetr.py; re-typed; the SAM/MAE encoder loading, pre/post-processing and deconvolution blocks cut.
import torch.nn as nn


class UNETR(nn.Module):
    def __init__(self, img_size=1024, backbone="sam", encoder="vit_b", out_channels=1, use_sam_stats=False,
                 encoder_checkpoint_path=None, encoder_module=None, decoder_blocks=None, features_decoder=(512, 256, 128, 64)):
        super().__init__()
        self.encoder = encoder_module
        self.decoder_blocks = decoder_blocks
        self.out_conv = nn.Conv2d(features_decoder[-1], out_channels, 1)
        self.final_activation = nn.Sigmoid()

    def forward(self, x):
        z = self.encoder(x)
        x = self.decoder_blocks(z)
        x = self.out_conv(x)
        x = self.final_activation(x)
        return x
