"""look-alike [LG006]: the episode loop adds each training step's loss to a running sum, but the agent's train_step returns loss.item() (or None before the buffer fills)."""

# Source: Gonglitian/ToyRL@050e06d algorithms/dqn.py and train.py (cut, renamed)
import random
from typing import Optional

import torch
import torch.nn as nn
import torch.nn.functional as F


class QAgent:
    def __init__(self, n_obs, n_actions, batch_size=64, gamma=0.99):
        self.q = nn.Sequential(nn.Linear(n_obs, 128), nn.ReLU(), nn.Linear(128, n_actions))
        self.q_target = nn.Sequential(nn.Linear(n_obs, 128), nn.ReLU(), nn.Linear(128, n_actions))
        self.optimizer = torch.optim.Adam(self.q.parameters(), lr=1e-3)
        self.memory = []
        self.batch_size = batch_size
        self.gamma = gamma
        self.n_actions = n_actions

    def act(self, state):
        return random.randrange(self.n_actions)

    def remember(self, *transition):
        self.memory.append(transition)

    def train_step(self) -> Optional[float]:
        if len(self.memory) < self.batch_size:
            return None
        batch = random.sample(self.memory, self.batch_size)
        states, actions, rewards, next_states, dones = (torch.tensor(x) for x in zip(*batch))
        q = self.q(states.float()).gather(1, actions.long().unsqueeze(1))
        with torch.no_grad():
            target = rewards.float() + self.gamma * self.q_target(next_states.float()).max(1)[0] * (~dones.bool())
        loss = F.mse_loss(q.squeeze(), target)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()


def train(env, agent, episodes=500, max_steps=1000):
    history = []
    for episode in range(episodes):
        state, _ = env.reset()
        episode_loss = 0
        steps = 0
        for step in range(max_steps):
            action = agent.act(state)
            next_state, reward, terminated, truncated, _ = env.step(action)
            agent.remember(state, action, reward, next_state, terminated or truncated)
            loss = agent.train_step()
            if loss is not None:
                episode_loss += loss
                steps += 1
            state = next_state
            if terminated or truncated:
                break
        history.append(episode_loss / max(steps, 1))
    return history


if __name__ == "__main__":
    import gymnasium as gym

    env = gym.make("CartPole-v1")
    train(env, QAgent(env.observation_space.shape[0], env.action_space.n))
