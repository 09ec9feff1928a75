"""part of look-alike project [LG006]: compute_generator_loss sums the feature-matching terms of every discriminator layer into GAN_Feat_loss and stores it and the VGG loss in the G_losses dict it returns."""
# Source: NVlabs/SPADE@fecacc920c1367a038995c45a39c15f6521ca64f models/pix2pix_model.py; re-typed, reduced (networks, VAE and the GAN term left out).
import torch

import models.networks as networks


class Pix2PixModel(torch.nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.opt = opt
        self.FloatTensor = torch.cuda.FloatTensor if len(opt.gpu_ids) > 0 else torch.FloatTensor
        self.netG, self.netD = self.initialize_networks(opt)
        if opt.isTrain:
            self.criterionFeat = torch.nn.L1Loss()
            if not opt.no_vgg_loss:
                self.criterionVGG = networks.VGGLoss(self.opt.gpu_ids)

    def forward(self, data, mode):
        input_semantics, real_image = data["label"], data["image"]
        if mode == "generator":
            g_loss, generated = self.compute_generator_loss(input_semantics, real_image)
            return g_loss, generated
        else:
            raise ValueError("|mode| is invalid")

    def compute_generator_loss(self, input_semantics, real_image):
        G_losses = {}
        fake_image = self.netG(input_semantics)
        pred_fake, pred_real = self.discriminate(input_semantics, fake_image, real_image)
        if not self.opt.no_ganFeat_loss:
            num_D = len(pred_fake)
            GAN_Feat_loss = self.FloatTensor(1).fill_(0)
            for i in range(num_D):
                num_intermediate_outputs = len(pred_fake[i]) - 1
                for j in range(num_intermediate_outputs):
                    unweighted_loss = self.criterionFeat(pred_fake[i][j], pred_real[i][j].detach())
                    GAN_Feat_loss += unweighted_loss * self.opt.lambda_feat / num_D
            G_losses["GAN_Feat"] = GAN_Feat_loss
        if not self.opt.no_vgg_loss:
            G_losses["VGG"] = self.criterionVGG(fake_image, real_image) * self.opt.lambda_vgg
        return G_losses, fake_image
