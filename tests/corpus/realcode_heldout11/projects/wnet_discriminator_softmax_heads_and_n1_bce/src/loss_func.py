"""part of positive project [LG001, LG005]: the generator and discriminator losses apply nn.BCELoss() to the discriminator's (N, 1) real/fake probability against (N,) labels, and their class criterion (nn.CrossEntropyLoss() unless label smoothing is configured) to its softmax font and character outputs."""
# Source: Arctanxy/W-Net-PyTorch@3af8212356a591d9555da7193c07af1e12841599 src/loss_func.py (read as is; its issue #15 reports "Using a target size (torch.Size([64])) that is different to the input size (torch.Size([64, 1]))" at the BCELoss call of loss_func.py; re-typed, identifiers renamed, calc_gradient_penalty and the dice variant of the reconstruction loss left out)
import torch
from torch import nn

from src.config import conf


class LabelSmoothing(nn.Module):
    def __init__(self, smoothing=0.1):
        super(LabelSmoothing, self).__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing

    def forward(self, x, target):
        logprobs = torch.nn.functional.log_softmax(x, dim=-1)
        nll = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth = -logprobs.mean(dim=-1)
        return (self.confidence * nll + self.smoothing * smooth).mean()


class GenerationLoss(nn.Module):
    def __init__(self):
        super(GenerationLoss, self).__init__()
        if conf.label_smoothing:
            self.cls_criteron = LabelSmoothing()
        else:
            self.cls_criteron = nn.CrossEntropyLoss()

    def forward(self, out, out_real, real_label, real_style_label, char_label, x_fake, x_real,
                enc_real_left, enc_fake_left, enc_real_right, enc_fake_right, cls_enc_p=None, cls_enc_s=None):
        self.real_fake_loss = conf.alpha * nn.BCELoss()(
            out[0], real_label.float()  # expect: LG005
        )
        self.style_category_loss = conf.beta_d * self.cls_criteron(
            out[1], real_style_label  # expect: LG001
        )
        self.char_category_loss = conf.beta_d * self.cls_criteron(
            out[2], char_label  # expect: LG001
        )
        self.reconstruction_loss = conf.lambda_l1 * nn.L1Loss()(x_fake, x_real)
        self.reconstruction_loss2 = conf.lambda_phi * (
            nn.MSELoss()(out[3][0], out_real[3][0])
            + nn.MSELoss()(out[3][1], out_real[3][1])
            + nn.MSELoss()(out[3][2], out_real[3][2])
            + nn.MSELoss()(out[3][3], out_real[3][3])
        )
        self.left_constant_loss = conf.phi_p * nn.MSELoss()(enc_real_left, enc_fake_left)
        self.right_constant_loss = conf.phi_r * nn.MSELoss()(enc_real_right, enc_fake_right)
        self.content_category_loss = conf.beta_p * self.cls_criteron(cls_enc_p, char_label)
        self.style_category_loss = conf.beta_r * self.cls_criteron(cls_enc_s, real_style_label)
        return (self.real_fake_loss + self.style_category_loss + self.char_category_loss
                + self.reconstruction_loss + self.reconstruction_loss2 + self.left_constant_loss
                + self.right_constant_loss + self.content_category_loss + self.style_category_loss)


class DiscriminationLoss(nn.Module):
    def __init__(self):
        super(DiscriminationLoss, self).__init__()
        if conf.label_smoothing:
            self.cls_criteron = LabelSmoothing()
        else:
            self.cls_criteron = nn.CrossEntropyLoss()

    def forward(self, out_real, out_fake, real_label, fake_label, real_style_label, fake_style_label,
                char_label, fake_char_label, cls_enc_p=None, cls_enc_s=None, D=None,
                x_real=None, x_fake=None, x1=None, x2=None):
        self.real_loss = conf.alpha * nn.BCELoss()(
            out_real[0], real_label.float()  # expect: LG005
        )
        self.fake_loss = conf.alpha * nn.BCELoss()(
            out_fake[0], fake_label.float()  # expect: LG005
        )
        self.real_style_loss = conf.beta_d * self.cls_criteron(
            out_real[1], real_style_label  # expect: LG001
        )
        self.fake_style_loss = conf.beta_d * self.cls_criteron(
            out_fake[1], fake_style_label  # expect: LG001
        )
        self.real_char_category_loss = conf.beta_d * self.cls_criteron(
            out_real[2], char_label  # expect: LG001
        )
        self.fake_char_category_loss = conf.beta_d * self.cls_criteron(
            out_fake[2], fake_char_label  # expect: LG001
        )
        self.content_category_loss = conf.beta_p * self.cls_criteron(cls_enc_p, char_label)
        self.style_category_loss = conf.beta_r * self.cls_criteron(cls_enc_s, real_style_label)
        if D:
            self.gradient_penalty = conf.alpha_GP * calc_gradient_penalty(D, x_real, x_fake, x1, x2)
        else:
            self.gradient_penalty = 0.0
        return 0.5 * (self.real_loss + self.fake_loss + self.real_style_loss + self.fake_style_loss
                      + self.real_char_category_loss + self.fake_char_category_loss
                      + self.content_category_loss + self.style_category_loss + self.gradient_penalty)
