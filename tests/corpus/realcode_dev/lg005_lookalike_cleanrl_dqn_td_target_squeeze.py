"""look-alike [LG005, LG006]: DQN: td_target = rewards.flatten() + gamma * max_a Q_target * (1 - dones.flatten()) is (B,), and the prediction q_network(obs).gather(1, actions).squeeze() is (B,); F.mse_loss on matching shapes; the loss is only logged through the writer."""
# Source: https://github.com/vwxyzjn/cleanrl cleanrl/dqn.py at fe8d8a03c41a7ef5b523e2e354bd01c363e786bb; re-typed,
# names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.tensorboard import SummaryWriter


class QNetwork(nn.Module):
    def __init__(self, env):
        super().__init__()
        self.network = nn.Sequential(
            nn.Linear(np.array(env.single_observation_space.shape).prod(), 120),
            nn.ReLU(),
            nn.Linear(120, 84),
            nn.ReLU(),
            nn.Linear(84, env.single_action_space.n),
        )

    def forward(self, x):
        return self.network(x)


def train(envs, rb, args, device):
    writer = SummaryWriter()
    q_network = QNetwork(envs).to(device)
    optimizer = optim.Adam(q_network.parameters(), lr=args.learning_rate)
    target_network = QNetwork(envs).to(device)
    target_network.load_state_dict(q_network.state_dict())
    for global_step in range(args.total_timesteps):
        if global_step > args.learning_starts and global_step % args.train_frequency == 0:
            data = rb.sample(args.batch_size)
            with torch.no_grad():
                target_max, _ = target_network(data.next_observations).max(dim=1)
                td_target = data.rewards.flatten() + args.gamma * target_max * (1 - data.dones.flatten())
            old_val = q_network(data.observations).gather(1, data.actions).squeeze()
            loss = F.mse_loss(td_target, old_val)
            if global_step % 100 == 0:
                writer.add_scalar("losses/td_loss", loss, global_step)
                writer.add_scalar("losses/q_values", old_val.mean().item(), global_step)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
