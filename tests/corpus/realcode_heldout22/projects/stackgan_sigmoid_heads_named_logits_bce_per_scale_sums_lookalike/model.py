"""part of look-alike project [LG002, LG003, LG006]: the 64x64 discriminator's conditional and unconditional heads, named logits, are Sequentials of a Conv2d and nn.Sigmoid(); forward returns their flattened probabilities as a list."""
# Source: hanzhanggit/StackGAN-v2 at 6228e347 (read at the code issue #29, "RuntimeError: reduce failed to synchronize:
# device-side assert triggered" (the BCE input-range assert), is about), code/model.py;
# re-typed, identifiers renamed; the generator, the larger discriminators (same heads), the image encoder and the
# 3x3 block helpers (same file) cut and left undefined.
import torch
import torch.nn as nn
import torch.nn.functional as F

from miscc.config import cfg


class D_NET64(nn.Module):
    def __init__(self):
        super(D_NET64, self).__init__()
        self.df_dim = cfg.GAN.DF_DIM
        self.ef_dim = cfg.GAN.EMBEDDING_DIM
        self.define_module()

    def define_module(self):
        ndf = self.df_dim
        efg = self.ef_dim
        self.img_code_s16 = encode_image_by_16times(ndf)
        self.logits = nn.Sequential(
            nn.Conv2d(ndf * 8, 1, kernel_size=4, stride=4),
            nn.Sigmoid())
        if cfg.GAN.B_CONDITION:
            self.jointConv = Block3x3_leakRelu(ndf * 8 + efg, ndf * 8)
            self.uncond_logits = nn.Sequential(
                nn.Conv2d(ndf * 8, 1, kernel_size=4, stride=4),
                nn.Sigmoid())

    def forward(self, x_var, c_code=None):
        x_code = self.img_code_s16(x_var)
        if cfg.GAN.B_CONDITION and c_code is not None:
            c_code = c_code.view(-1, self.ef_dim, 1, 1)
            c_code = c_code.repeat(1, 1, 4, 4)
            h_c_code = torch.cat((c_code, x_code), 1)
            h_c_code = self.jointConv(h_c_code)
        else:
            h_c_code = x_code

        out = self.logits(h_c_code)
        if cfg.GAN.B_CONDITION:
            out_uncond = self.uncond_logits(x_code)
            return [out.view(-1), out_uncond.view(-1)]
        return [out.view(-1)]
