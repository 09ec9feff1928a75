"""look-alike [LG008, LG009]: a note on distillation: log_softmax(student / T) against softmax(teacher / T) in F.kl_div with batchmean."""

# Source: http://mynw.cn/developer/25059.html (a Chinese note on the distillation loss: the student through
# log_softmax, the loss times T**2), its example, re-typed and renamed (comments translated); the excerpt ends at
# the scaled loss's line, completed as the note's table says (times T ** 2).
import torch
import torch.nn.functional as F

# raw logits (not scaled)
z_teacher = torch.tensor([[3.0, 1.0, 0.5]])
z_student = torch.tensor([[2.5, 0.8, 0.3]], requires_grad=True)
T = 4.0
# the KL divergence with temperature scaling
P = F.softmax(z_teacher / T, dim=1)
log_Q = F.log_softmax(z_student / T, dim=1)
loss_unscaled = F.kl_div(log_Q, P, reduction="batchmean")
loss_scaled = loss_unscaled * T**2
