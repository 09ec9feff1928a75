"""positive [LG005]: critic update: value head squeezed to (128,) but the return target unsqueezed to (128, 1) in HuberLoss."""
import torch
import torch.nn as nn

actor = nn.Sequential(nn.Linear(4, 128), nn.ReLU(), nn.Linear(128, 2))
critic = nn.Sequential(nn.Linear(4, 128), nn.ReLU(), nn.Linear(128, 1))
optimizer = torch.optim.Adam(list(actor.parameters()) + list(critic.parameters()), lr=3e-4)
huber = nn.HuberLoss()

for update in range(10000):
    states = torch.randn(128, 4)
    returns = torch.randn(128)
    values = critic(states).squeeze(1)
    target = returns.unsqueeze(1)
    value_loss = huber(values, target)  # expect: LG005
    log_probs = torch.log_softmax(actor(states), dim=-1)
    advantages = (returns - values.detach())
    policy_loss = -(log_probs[:, 0] * advantages).mean()
    loss = policy_loss + 0.5 * value_loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
