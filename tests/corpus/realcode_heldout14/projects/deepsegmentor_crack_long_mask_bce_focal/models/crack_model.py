"""part of positive project [LG004, LG010]: the model wrapper scores every side output and the fused map against the int64 mask, with the focal loss (default) or BCEWithLogitsLoss built with size_average/reduce."""
# Source: yhlleo/DeepSegmentor at the parent of aeb1281 (pull request #7 "Fixed error of data type mismatch in loss function",
# which adds self.label = self.label.float()), models/deepcrack_model.py; re-typed, identifiers renamed; the
# visualisation tensors and command-line option hooks cut. As in the source, the file imports torch but not nn.
import torch

from .crack_networks import BinaryFocalLoss, build_cracknet


class CrackModel(object):
    def __init__(self, opt, device):
        self.opt = opt
        self.device = device
        self.isTrain = opt.isTrain
        self.optimizers = []
        self.netG = build_cracknet(opt.input_nc, opt.num_classes, opt.ngf, opt.norm, opt.init_type, opt.init_gain, opt.gpu_ids)

        if self.isTrain:
            if self.opt.loss_mode == "focal":
                self.criterionSeg = BinaryFocalLoss()
            else:
                self.criterionSeg = nn.BCEWithLogitsLoss(size_average=True, reduce=True,  # expect: LG010
                    pos_weight=torch.tensor(1.0 / 3e-2).to(self.device))
            self.weight_side = [0.5, 0.75, 1.0, 0.75, 0.5]
            self.optimizer = torch.optim.SGD(self.netG.parameters(), lr=opt.lr, momentum=0.9, weight_decay=2e-4)
            self.optimizers.append(self.optimizer)

    def set_input(self, input):
        self.image = input["image"].to(self.device)
        self.label = input["label"].to(self.device)
        self.image_paths = input["A_paths"]

    def forward(self):
        self.outputs = self.netG(self.image)
        self.fused = (torch.sigmoid(self.outputs[-1]) - 0.5) / 0.5

    def backward(self):
        lambda_side = self.opt.lambda_side
        lambda_fused = self.opt.lambda_fused

        self.loss_side = 0.0
        for out, w in zip(self.outputs[:-1], self.weight_side):
            self.loss_side += self.criterionSeg(out, self.label) * w  # expect: LG004

        self.loss_fused = self.criterionSeg(self.outputs[-1], self.label)  # expect: LG004
        self.loss_total = self.loss_side * lambda_side + self.loss_fused * lambda_fused
        self.loss_total.backward()

    def optimize_parameters(self, epoch=None):
        self.forward()
        self.optimizer.zero_grad()
        self.backward()
        self.optimizer.step()
