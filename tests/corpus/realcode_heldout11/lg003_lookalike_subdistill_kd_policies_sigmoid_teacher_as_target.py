"""look-alike [LG003, LG008, LG009]: two last-layer distillation policies: F.kl_div of log-softmax student against softmax teacher with reduction='batchmean', and F.binary_cross_entropy_with_logits whose input is the raw student logits and whose target is the sigmoid of the teacher's logits."""
# Source: p16i/subdistill@d30746849b06ebd0a8581e0da594002d0c175541 xaikd/distillation_policies/previous_works/kd.py (read as is; re-typed, identifiers renamed, the LastLayerPolicy base class of xaikd/distillation_policies/interface.py reduced to its forward)
import torch
from torch import nn
from torch.nn import functional as F

from ..register import register_policy


class LastLayerPolicy(nn.Module):

    def forward(self, teacher_logits, student_logits, target):
        return self.criterion(teacher_logits=teacher_logits, student_logits=student_logits, target=target)

    def criterion(self, teacher_logits, student_logits, target):
        raise NotImplementedError


@register_policy("last-layer:kd")
class KLPolicy(LastLayerPolicy):

    def __init__(self, device: str, temperature=4):
        super().__init__()
        self.T = temperature
        self.transformer_teacher_feats = nn.Identity()
        self.transformer_student_feats = nn.Identity()

    def criterion(self, teacher_logits: torch.Tensor, student_logits: torch.Tensor,
                  target: torch.Tensor) -> torch.Tensor:
        div = F.kl_div(
            torch.log_softmax(student_logits / self.T, dim=1),
            torch.softmax(teacher_logits / self.T, dim=1),
            reduction="batchmean",
        )
        return (self.T ** 2) * div


@register_policy("last-layer:binkd")
class BinaryKLPolicy(LastLayerPolicy):

    def __init__(self, device: str):
        super().__init__()
        self.transformer_teacher_feats = nn.Identity()
        self.transformer_student_feats = nn.Identity()

    def criterion(self, teacher_logits: torch.Tensor, student_logits: torch.Tensor,
                  target: torch.Tensor) -> torch.Tensor:
        assert teacher_logits.shape == student_logits.shape
        teacher_probs = torch.sigmoid(teacher_logits)
        return F.binary_cross_entropy_with_logits(student_logits, teacher_probs)
