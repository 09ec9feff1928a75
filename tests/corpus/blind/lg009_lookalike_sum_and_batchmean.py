"""look-alike [LG009, LG008]: KL terms with explicit reduction='batchmean' and reduction='sum' (divided by batch manually); no default-mean KL anywhere."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PolicyDistiller(nn.Module):
    def __init__(self, obs_dim=64, n_actions=18):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, 256), nn.ReLU(), nn.Linear(256, n_actions))
        self.kl_batch = nn.KLDivLoss(reduction="batchmean")

    def forward(self, obs):
        return self.net(obs)

    def loss(self, obs, teacher_probs):
        log_p = F.log_softmax(self(obs), dim=-1)
        a = self.kl_batch(log_p, teacher_probs)
        b = F.kl_div(log_p, teacher_probs, reduction="sum") / obs.size(0)
        return 0.5 * (a + b)


def train(student, replay, epochs=5):
    opt = torch.optim.RMSprop(student.parameters(), lr=2.5e-4)
    for epoch in range(epochs):
        for obs, teacher_logits in replay:
            target = torch.softmax(teacher_logits, dim=-1)
            loss = student.loss(obs, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    s = PolicyDistiller()
    print(s.loss(torch.randn(4, 64), torch.softmax(torch.randn(4, 18), dim=-1)))
