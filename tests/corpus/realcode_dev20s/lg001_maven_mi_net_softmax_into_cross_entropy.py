"""positive [LG001]: the mutual-information network's forward ends in f.softmax, and the learner gives its output to f.cross_entropy against the sampled noise class."""

# Source: starry-sky6688/MARL-Algorithms@e9e32e1 network/maven_net.py and policy/maven.py (re-typed, renamed, cut to the MI loss)
import torch
import torch.nn as nn
import torch.nn.functional as f


class NoiseDiscriminator(nn.Module):
    def __init__(self, input_dim, noise_dim):
        super().__init__()
        self.gru = nn.GRU(input_dim, 64)
        self.fc_1 = nn.Linear(64, 32)
        self.fc_2 = nn.Linear(32, noise_dim)

    def forward(self, inputs):
        _, h = self.gru(inputs)
        x = f.relu(self.fc_1(h.squeeze(0)))
        x = self.fc_2(x)
        return f.softmax(x, dim=-1)


class MavenLearner:
    def __init__(self, input_dim, noise_dim, lr=5e-4):
        self.mi_net = NoiseDiscriminator(input_dim, noise_dim)
        self.optimizer = torch.optim.RMSprop(self.mi_net.parameters(), lr=lr)

    def learn(self, inputs, noise_class):
        mi_prob = self.mi_net(inputs.permute(1, 0, 2))
        mi_loss = f.cross_entropy(mi_prob, noise_class.squeeze(-1))  # expect: LG001
        self.optimizer.zero_grad()
        mi_loss.backward()
        self.optimizer.step()
        return mi_loss.item()
