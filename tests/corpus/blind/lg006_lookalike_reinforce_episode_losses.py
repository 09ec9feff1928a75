"""look-alike [LG006, LG005]: REINFORCE/actor-critic collects per-step losses in lists during one episode and backpropagates their stacked sum at the end of the episode."""
import gym
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical


class ActorCritic(nn.Module):
    def __init__(self, obs_dim=4, n_actions=2, hidden=128):
        super().__init__()
        self.fc = nn.Linear(obs_dim, hidden)
        self.actor = nn.Linear(hidden, n_actions)
        self.critic = nn.Linear(hidden, 1)

    def forward(self, obs):
        h = F.relu(self.fc(obs))
        return self.actor(h), self.critic(h)


def run(episodes=1000, gamma=0.99):
    env = gym.make("CartPole-v1")
    model = ActorCritic()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-2)
    for episode in range(episodes):
        state, _ = env.reset()
        log_probs, values, rewards = [], [], []
        done = False
        while not done:
            logits, value = model(torch.as_tensor(state, dtype=torch.float32))
            dist = Categorical(logits=logits)
            action = dist.sample()
            state, reward, terminated, truncated, _ = env.step(action.item())
            done = terminated or truncated
            log_probs.append(dist.log_prob(action))
            values.append(value)
            rewards.append(reward)

        R, returns = 0.0, []
        for r in reversed(rewards):
            R = r + gamma * R
            returns.insert(0, R)
        returns = torch.tensor(returns)
        returns = (returns - returns.mean()) / (returns.std() + 1e-8)

        policy_losses, value_losses = [], []
        for log_prob, value, ret in zip(log_probs, values, returns):
            advantage = ret - value.item()
            policy_losses.append(-log_prob * advantage)
            value_losses.append(F.smooth_l1_loss(value, ret.unsqueeze(0)))

        optimizer.zero_grad()
        loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum()
        loss.backward()
        optimizer.step()
        if episode % 50 == 0:
            print(f"episode {episode} length {len(rewards)}")


if __name__ == "__main__":
    run(episodes=10)
