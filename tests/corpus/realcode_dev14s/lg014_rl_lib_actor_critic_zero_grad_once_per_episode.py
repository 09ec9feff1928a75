"""positive [LG014]: the one-step actor-critic clears the gradients once per episode but back-propagates and steps on every step of it, so each step's gradient adds to all the earlier ones."""
# Source: MythraV/rl_lib@203c7c3 agents/actor_critic.py (cut, renamed)
import torch
import torch.nn as nn


class ActorCriticNet(nn.Module):
    def __init__(self, n_obs, n_actions):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_obs, 128), nn.ReLU())
        self.pi = nn.Sequential(nn.Linear(128, n_actions), nn.Softmax(dim=-1))
        self.v = nn.Linear(128, 1)

    def forward(self, obs):
        h = self.body(obs)
        return self.pi(h), self.v(h)


class OneStepActorCritic:
    def __init__(self, env, gamma=0.99, lr=1e-3):
        self.env = env
        self.gamma = gamma
        self.net = ActorCriticNet(env.observation_space.shape[0], env.action_space.n)
        self.optimizer = torch.optim.Adam(self.net.parameters(), lr=lr)

    def act(self, state):
        probs, _ = self.net(torch.from_numpy(state).float())
        dist = torch.distributions.Categorical(probs)
        action = dist.sample()
        self.log_prob = dist.log_prob(action)
        return action.item()

    def step(self, state, reward):
        _, last_value = self.net(torch.from_numpy(self.last_state).float())
        _, value = self.net(torch.from_numpy(state).float())
        self.delta = torch.tensor([reward]) + self.gamma * value - last_value
        action = self.act(state)
        self.last_state = state
        return action

    def learn(self, n_episodes=500):
        for _ in range(n_episodes):
            self.optimizer.zero_grad()
            state = self.env.reset()
            self.last_state = state
            action = self.act(state)
            done = False
            discount = 1.0
            while not done:
                state, reward, done, _ = self.env.step(action)
                action = self.step(state, reward)
                actor_loss = -self.delta * self.log_prob * discount
                critic_loss = self.delta * self.delta
                loss = actor_loss + critic_loss
                loss.backward()
                self.optimizer.step()  # expect: LG014
                discount *= self.gamma
