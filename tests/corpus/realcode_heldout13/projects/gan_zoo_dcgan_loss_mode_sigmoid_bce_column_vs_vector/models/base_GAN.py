"""part of positive project [LG005, LG016]: the base GAN picks its loss wrapper with getattr(base_loss_criterions, lossMode) for lossMode in MSE / WGANGP / DCGAN / Logistic and calls getCriterion on the discriminator's raw (N, sizeDecisionLayer) output for both players."""
# Source: facebookresearch/pytorch_GAN_zoo@b75dee40918caabb4fe7ec561522717bf096a8cb models/base_GAN.py (read as is; re-typed, identifiers renamed, cut to the loss selection and optimizeParameters; the AC-GAN, GDPP, gradient penalties and checkpointing shortened)
from copy import deepcopy

import torch
import torch.nn as nn

from .loss_criterions import base_loss_criterions
from .utils.config import BaseConfig
from .utils.utils import finiteCheck


class BaseGAN():
    def __init__(self, dimLatentVector, dimOutput, useGPU=True, baseLearningRate=0.001,
                 lossMode='WGANGP', epsilonD=0., **kwargs):
        if lossMode not in ['MSE', 'WGANGP', 'DCGAN', 'Logistic']:
            raise ValueError("lossMode should be one of the following : ['MSE', 'WGANGP', 'DCGAN', 'Logistic']")
        self.config = BaseConfig()
        self.useGPU = useGPU and torch.cuda.is_available()
        self.device = torch.device("cuda:0") if self.useGPU else torch.device("cpu")
        self.config.noiseVectorDim = dimLatentVector
        self.config.dimOutput = dimOutput
        self.config.learningRate = baseLearningRate
        self.config.lossCriterion = lossMode
        self.lossCriterion = getattr(base_loss_criterions, lossMode)(self.device)
        self.config.epsilonD = epsilonD
        self.netD = self.getNetD()
        self.netG = self.getNetG()
        self.optimizerD = self.getOptimizerD()
        self.optimizerG = self.getOptimizerG()

    def buildNoiseData(self, n_samples):
        return torch.randn(n_samples, self.config.noiseVectorDim).to(self.device), None

    def optimizeParameters(self, input_batch, inputLabels=None):
        allLosses = {}
        self.real_input = input_batch.to(self.device)
        n_samples = self.real_input.size()[0]

        self.optimizerD.zero_grad()
        predRealD = self.netD(self.real_input, False)
        lossD = self.lossCriterion.getCriterion(predRealD, True)
        allLosses["lossD_real"] = lossD.item()
        inputLatent, _ = self.buildNoiseData(n_samples)
        predFakeG = self.netG(inputLatent).detach()
        predFakeD = self.netD(predFakeG, False)
        lossDFake = self.lossCriterion.getCriterion(predFakeD, False)
        allLosses["lossD_fake"] = lossDFake.item()
        lossD += lossDFake
        if self.config.epsilonD > 0:
            lossEpsilon = (predRealD[:, 0] ** 2).sum() * self.config.epsilonD
            lossD += lossEpsilon
            allLosses["lossD_Epsilon"] = lossEpsilon.item()
        lossD.backward(retain_graph=True)
        finiteCheck(self.netD.parameters())
        self.optimizerD.step()

        self.optimizerG.zero_grad()
        self.optimizerD.zero_grad()
        inputNoise, _ = self.buildNoiseData(n_samples)
        predFakeG = self.netG(inputNoise)
        predFakeD, phiGFake = self.netD(predFakeG, True)
        lossGFake = self.lossCriterion.getCriterion(predFakeD, True)
        allLosses["lossG_fake"] = lossGFake.item()
        lossGFake.backward(retain_graph=True)
        finiteCheck(self.netG.parameters())
        self.optimizerG.step()
        return allLosses
