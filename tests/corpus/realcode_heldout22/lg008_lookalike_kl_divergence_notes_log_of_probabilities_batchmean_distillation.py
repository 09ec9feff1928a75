"""look-alike [LG008, LG009, LG014]: a study-notes script computes KL with nn.KLDivLoss(reduction='sum') on Q.log() (log of a probability vector) against P, with reduction='batchmean' on log_softmax student scores against softmax teacher targets in a distillation module, and fits two students in a loop that zeroes both optimizers each step."""
# Source: Travor278/pytorch-learning-notes at f744fc45 (read as is), loss_functions/kl_divergence.py; re-typed,
# identifiers renamed, the Chinese comments translated and shortened, most printouts cut.
import torch
import torch.nn as nn
import torch.nn.functional as F

P = torch.tensor([0.7, 0.2, 0.1])
Q = torch.tensor([0.3, 0.4, 0.3])

kl_by_hand = (P * (P.log() - Q.log())).sum()

# nn.KLDivLoss takes the input in log space (log Q) and the target as probabilities (P)
kl_sum = nn.KLDivLoss(reduction="sum")
kl_torch = kl_sum(Q.log(), P)
print(f"KL(P||Q) sum: {kl_torch.item():.4f}")

kl_bm = nn.KLDivLoss(reduction="batchmean")
kl_bm_val = kl_bm(Q.unsqueeze(0).log(), P.unsqueeze(0))


def soften(scores, T=1.0):
    return F.softmax(scores / T, dim=-1)


for T in [0.5, 1.0, 2.0, 5.0]:
    print(T, soften(torch.tensor([2.0, 5.0, 1.0, 0.5]), T))


class DistillLoss(nn.Module):
    def __init__(self, T=4.0, alpha=0.5):
        super().__init__()
        self.T = T
        self.alpha = alpha
        self.ce = nn.CrossEntropyLoss()
        self.kl = nn.KLDivLoss(reduction="batchmean")

    def forward(self, student_scores, teacher_scores, labels):
        hard = self.ce(student_scores, labels)
        s_log = F.log_softmax(student_scores / self.T, dim=-1)
        t_prob = F.softmax(teacher_scores / self.T, dim=-1)
        soft = self.kl(s_log, t_prob)
        return self.alpha * hard + (1 - self.alpha) * (self.T ** 2) * soft


B, C = 16, 10
torch.manual_seed(42)
student_scores = torch.randn(B, C)
teacher_scores = torch.randn(B, C) * 2
labels = torch.randint(0, C, (B,))

distill = DistillLoss(T=4.0, alpha=0.5)
total = distill(student_scores, teacher_scores, labels)
ce_part = nn.CrossEntropyLoss()(student_scores, labels)
kl_part = nn.KLDivLoss(reduction="batchmean")(
    F.log_softmax(student_scores / 4.0, dim=-1),
    F.softmax(teacher_scores / 4.0, dim=-1),
)

teacher_bimodal = torch.tensor([[0.45, 0.05, 0.45, 0.05]])
fw_scores = torch.zeros(1, 4, requires_grad=True)
rv_scores = torch.zeros(1, 4, requires_grad=True)
opt_fw = torch.optim.Adam([fw_scores], lr=0.1)
opt_rv = torch.optim.Adam([rv_scores], lr=0.1)
kl_div = nn.KLDivLoss(reduction="batchmean")

for _ in range(200):
    opt_fw.zero_grad()
    s_fw = F.log_softmax(fw_scores, dim=-1)
    loss_fw = (teacher_bimodal * (teacher_bimodal.log() - s_fw)).sum()
    loss_fw.backward()
    opt_fw.step()

    opt_rv.zero_grad()
    s_rv = F.softmax(rv_scores, dim=-1)
    s_rv_log = F.log_softmax(rv_scores, dim=-1)
    loss_rv = kl_div(s_rv_log, teacher_bimodal)
    loss_rv.backward()
    opt_rv.step()

print(F.softmax(fw_scores, dim=-1).detach(), F.softmax(rv_scores, dim=-1).detach())
