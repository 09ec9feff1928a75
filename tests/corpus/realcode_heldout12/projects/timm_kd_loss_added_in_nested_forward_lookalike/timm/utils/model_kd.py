"""part of look-alike project [LG006, LG008, LG009, LG014]: the distillation helper adds alpha * F.kl_div(student log_softmax, teacher softmax, reduction='batchmean') to the step's loss with += and returns it; the teacher runs under torch.no_grad()."""
# Source: huggingface/pytorch-image-models@60e8022f4a811d8a5616dbb0b7c88059265ce605 timm/utils/model_kd.py (the commit "Add knowledge distillation model and loss function support"; re-typed, identifiers renamed, the teacher builder's compile fallback and input re-normalisation shortened)
import logging

import torch
import torch.nn as nn

from timm.models import create_model

_logger = logging.getLogger(__name__)


class TeacherModel(nn.Module):
    def __init__(self, args):
        super(TeacherModel, self).__init__()
        in_chans = 3 if args.in_chans is None else args.in_chans
        teacher = create_model(model_name=args.kd_model_name, num_classes=args.num_classes, pretrained=True,
                               in_chans=in_chans)
        teacher.cpu().eval()
        self.model = teacher.cuda()
        self.mean_teacher = teacher.default_cfg['mean']
        self.std_teacher = teacher.default_cfg['std']

    def normalize_input(self, input, student_model):
        return input


def add_kd_loss(_loss, output, input, model, teacher, args):
    log_p_student = torch.nn.functional.log_softmax(output, dim=-1)
    with torch.no_grad():
        input_t = teacher.normalize_input(input, model)
        out_t = teacher.model(input_t.detach())
        p_teacher = torch.nn.functional.softmax(out_t, dim=-1)
    if not args.use_kd_only_loss:
        _loss += args.alpha_kd * torch.nn.functional.kl_div(log_p_student, p_teacher, reduction='batchmean')
    else:
        _loss = args.alpha_kd * torch.nn.functional.kl_div(log_p_student, p_teacher, reduction='batchmean')
    return _loss
