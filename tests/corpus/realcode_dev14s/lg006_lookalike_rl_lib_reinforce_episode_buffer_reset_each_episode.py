"""look-alike [LG006]: the episode loop steps the environment and the agent's own step (no optimizer); the training loop back-propagates the episode's log-probabilities and gives the buffer a fresh value every episode."""
# Source: MythraV/rl_lib@203c7c3 agents/reinforce.py (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class PolicyNet(nn.Module):
    def __init__(self, n_obs, n_actions):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_obs, 64), nn.ReLU(), nn.Linear(64, n_actions), nn.Softmax(dim=-1))

    def forward(self, obs):
        return self.net(obs)


class ReinforceAgent:
    def __init__(self, env, params):
        self.env = env
        self.gamma = params.get("gamma", 0.99)
        lr = params.get("lr", 1e-3)
        policy_class = params["policy"] if "policy" in params else PolicyNet
        self.policy = policy_class(env.observation_space.shape[0], env.action_space.n)
        self.optimizer = torch.optim.Adam(self.policy.parameters(), lr=lr)
        self.reward_buffer = []
        self.action_buffer = []

    def act(self, state):
        probs = self.policy(torch.from_numpy(state).float())
        dist = torch.distributions.Categorical(probs)
        action = dist.sample()
        log_prob = dist.log_prob(action)
        self.action_buffer.append(log_prob)
        return action.item()

    def step(self, state, reward):
        self.reward_buffer.append(reward)
        return self.act(state)

    def run_episode(self):
        state = self.env.reset()
        done = False
        action = self.act(state)
        while not done:
            state, reward, done, _ = self.env.step(action)
            action = self.step(state, reward)

    def returns(self):
        g = np.zeros(len(self.reward_buffer))
        g[-1] = self.reward_buffer[-1]
        for t in range(len(g) - 2, -1, -1):
            g[t] = self.reward_buffer[t] + self.gamma * g[t + 1]
        return g

    def learn(self, n_episodes=1000):
        totals = []
        for _ in range(n_episodes):
            self.optimizer.zero_grad()
            self.run_episode()
            g = torch.from_numpy(self.returns())
            loss = 0
            for ret, log_prob in zip(g, self.action_buffer):
                loss += -ret * log_prob
            loss.backward()
            self.optimizer.step()
            totals.append(sum(self.reward_buffer))
            self.action_buffer = []
            self.reward_buffer = []
        return totals
