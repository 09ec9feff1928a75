"""positive [LG009]: policy distillation in an RL agent calls F.kl_div with reduction='mean', dividing by batch x n_actions."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PolicyNet(nn.Module):
    def __init__(self, obs_dim, n_actions):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(obs_dim, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU())
        self.pi = nn.Linear(256, n_actions)

    def forward(self, obs):
        return self.pi(self.body(obs))


def distill_update(student: PolicyNet, teacher_probs: torch.Tensor, obs: torch.Tensor, optimizer, tau=1.0):
    student_logp = F.log_softmax(student(obs) / tau, dim=-1)
    loss = F.kl_div(student_logp, teacher_probs, reduction="mean")  # expect: LG009
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(student.parameters(), 0.5)
    optimizer.step()
    return loss.item()
