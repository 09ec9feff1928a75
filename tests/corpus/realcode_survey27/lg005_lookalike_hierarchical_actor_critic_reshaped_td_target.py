"""look-alike [LG005]: a hierarchical actor-critic's DDPG update reshapes rewards, discounts and done flags to (batch, 1) before the TD target meets the critic's (batch, 1) values in MSELoss."""

# Source: nikhilbarhate99/Hierarchical-Actor-Critic-HAC-PyTorch@96bac54 DDPG.py (re-typed, renamed, cut to the update)
import torch
import torch.nn as nn

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class GoalActor(nn.Module):
    def __init__(self, state_dim, action_dim, bounds, offset):
        super(GoalActor, self).__init__()
        self.net = nn.Sequential(nn.Linear(state_dim + state_dim, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, action_dim), nn.Tanh())
        self.bounds = bounds
        self.offset = offset

    def forward(self, state, goal):
        return (self.net(torch.cat([state, goal], 1)) * self.bounds) + self.offset


class GoalCritic(nn.Module):
    def __init__(self, state_dim, action_dim, horizon):
        super(GoalCritic, self).__init__()
        self.net = nn.Sequential(
            nn.Linear(state_dim + action_dim + state_dim, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid()
        )
        self.horizon = horizon

    def forward(self, state, action, goal):
        return -self.net(torch.cat([state, action, goal], 1)) * self.horizon


class GoalDDPG:
    def __init__(self, state_dim, action_dim, bounds, offset, lr, horizon):
        self.actor = GoalActor(state_dim, action_dim, bounds, offset).to(device)
        self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=lr)
        self.critic = GoalCritic(state_dim, action_dim, horizon).to(device)
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=lr)
        self.mse = torch.nn.MSELoss()

    def update(self, buffer, n_iter, batch_size):
        for _ in range(n_iter):
            state, action, reward, next_state, goal, gamma, done = buffer.sample(batch_size)
            state = torch.FloatTensor(state).to(device)
            action = torch.FloatTensor(action).to(device)
            reward = torch.FloatTensor(reward).reshape((batch_size, 1)).to(device)
            next_state = torch.FloatTensor(next_state).to(device)
            goal = torch.FloatTensor(goal).to(device)
            gamma = torch.FloatTensor(gamma).reshape((batch_size, 1)).to(device)
            done = torch.FloatTensor(done).reshape((batch_size, 1)).to(device)

            next_action = self.actor(next_state, goal).detach()
            target_q = self.critic(next_state, next_action, goal).detach()
            target_q = reward + ((1 - done) * gamma * target_q)

            critic_loss = self.mse(self.critic(state, action, goal), target_q)
            self.critic_optimizer.zero_grad()
            critic_loss.backward()
            self.critic_optimizer.step()

            actor_loss = -self.critic(state, self.actor(state, goal), goal).mean()
            self.actor_optimizer.zero_grad()
            actor_loss.backward()
            self.actor_optimizer.step()
