"""look-alike [LG006]: a PPO trainer rolls out with the moving-average copies of its actor and critic, `agent.ema_actor.forward_eval(state)`: ema_pytorch runs them under no_grad, so the log-probabilities and values kept in the memories hold no graph; the learning phase detaches them again and recomputes the policy's log-probabilities from the stored states."""

# Source: lucidrains/ppo@efe9f2143e train.py (the stored snapshot's HEAD; the same in train_pmpo.py) (cut, renamed)
from collections import deque, namedtuple

import torch
from torch import nn, stack
from torch.distributions import Categorical
from torch.utils.data import DataLoader, TensorDataset
from ema_pytorch import EMA

Memory = namedtuple("Memory", ["learnable", "state", "action", "action_log_prob", "reward", "is_boundary", "value"])


class Agent(nn.Module):
    def __init__(self, state_dim, num_actions, hidden=64, lr=3e-4, epochs=2, minibatch_size=64, eps_clip=0.2, ema_decay=0.9):
        super().__init__()
        self.actor = nn.Sequential(nn.Linear(state_dim, hidden), nn.SiLU(), nn.Linear(hidden, num_actions), nn.Softmax(dim=-1))
        self.critic = nn.Sequential(nn.Linear(state_dim, hidden), nn.SiLU(), nn.Linear(hidden, 1))
        self.ema_actor = EMA(self.actor, beta=ema_decay, include_online_model=False)
        self.ema_critic = EMA(self.critic, beta=ema_decay, include_online_model=False)
        self.opt_actor = torch.optim.Adam(self.actor.parameters(), lr=lr)
        self.opt_critic = torch.optim.Adam(self.critic.parameters(), lr=lr)
        self.epochs = epochs
        self.minibatch_size = minibatch_size
        self.eps_clip = eps_clip

    def learn(self, memories, gamma=0.99):
        _, states, actions, old_log_probs, rewards, is_boundaries, values = zip(*memories)
        returns = []
        running = 0.0
        for reward, boundary in zip(reversed(rewards), reversed(is_boundaries)):
            running = reward + gamma * running * (1.0 - float(boundary))
            returns.insert(0, running)
        returns = torch.tensor(returns)
        states = stack(states).detach()
        actions = torch.tensor(actions)
        old_log_probs = stack(old_log_probs).detach()
        old_values = stack(values).squeeze(-1).detach()
        dl = DataLoader(TensorDataset(states, actions, old_log_probs, returns, old_values), batch_size=self.minibatch_size, shuffle=True)
        for _ in range(self.epochs):
            for states, actions, old_log_probs, returns, old_values in dl:
                dist = Categorical(self.actor(states))
                ratios = (dist.log_prob(actions) - old_log_probs).exp()
                advantages = returns - old_values
                surr1 = ratios * advantages
                surr2 = ratios.clamp(1 - self.eps_clip, 1 + self.eps_clip) * advantages
                policy_loss = -torch.min(surr1, surr2).mean() - 0.01 * dist.entropy().mean()
                self.opt_actor.zero_grad()
                policy_loss.backward()
                self.opt_actor.step()
                critic_loss = (self.critic(states).squeeze(-1) - returns).pow(2).mean()
                self.opt_critic.zero_grad()
                critic_loss.backward()
                self.opt_critic.step()


def main(env, state_dim, num_actions, num_episodes=1000, max_timesteps=500, update_timesteps=5000):
    agent = Agent(state_dim, num_actions)
    memories = deque([])
    time = 0
    for _ in range(num_episodes):
        state, _ = env.reset()
        state = torch.from_numpy(state)
        for _ in range(max_timesteps):
            time += 1
            action_probs = agent.ema_actor.forward_eval(state)
            value = agent.ema_critic.forward_eval(state)
            dist = Categorical(action_probs)
            action = dist.sample()
            action_log_prob = dist.log_prob(action)
            next_state, reward, terminated, truncated, _ = env.step(action.item())
            memory = Memory(True, state, action.item(), action_log_prob, float(reward), terminated, value)
            memories.append(memory)
            state = torch.from_numpy(next_state)
            if time % update_timesteps == 0:
                agent.learn(memories)
                memories.clear()
            if terminated or truncated:
                break
