"""positive [LG008]: domain-adaptation self-distillation: student = F.softmax(target_out['out'], dim=1) (probabilities from the model's output dict) is passed as F.kl_div's input, with reduction='none' and a mask."""
# Source: issue https://github.com/microsoft/ProDA/issues/43 and #20 (models/adaptation_modelv2.py line ~309 at
# 9ba80c7dbbd23ba1a126e3f4003a72f27d121a1f; the maintainer confirms it should be log_softmax); re-typed from the
# code posted in the thread, names changed, placed in its method.
import torch
import torch.nn.functional as F


class CustomModel:
    def __init__(self, opt, BaseNet_DP, teacher_DP, optimizer):
        self.opt = opt
        self.BaseNet_DP = BaseNet_DP
        self.teacher_DP = teacher_DP
        self.optimizer = optimizer

    def full_dataset_step(self, target_image, target_imageS, threshold_arg):
        target_out = self.BaseNet_DP(target_imageS)
        target_out["out"] = F.interpolate(target_out["out"], size=threshold_arg.shape[2:], mode="bilinear", align_corners=True)
        loss = 0
        if self.opt.distillation > 0:
            student = F.softmax(target_out["out"], dim=1)
            with torch.no_grad():
                teacher_out = self.teacher_DP(target_imageS)
                teacher_out["out"] = F.interpolate(teacher_out["out"], size=threshold_arg.shape[2:], mode="bilinear", align_corners=True)
                teacher = F.softmax(teacher_out["out"], dim=1)
            loss_kd = F.kl_div(student, teacher, reduction="none")  # expect: LG008
            mask = (teacher != 250).float()
            loss_kd = (loss_kd * mask).sum() / mask.sum()
            loss = loss + self.opt.distillation * loss_kd
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()
