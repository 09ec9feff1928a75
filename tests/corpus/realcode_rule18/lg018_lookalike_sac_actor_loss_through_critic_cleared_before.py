"""look-alike [LG018]: a soft actor-critic agent updates the critic (its optimizer cleared before the critic's loss), then the actor, whose loss goes through the critic's Q-values; the critic's gradients from the actor's loss are dropped by the critic's clear at the next update, before its own backward()."""

# Source: sculd/ddpg@13e309ebf4 sac_fork/agent.py (cut, renamed)
import torch
import torch.nn.functional as F


class SACAgent:
    def __init__(self, actor, critic, critic_target, alpha=0.2, gamma=0.99, lr=3e-4):
        self.actor = actor
        self.critic = critic
        self.critic_target = critic_target
        self.alpha = torch.tensor(alpha)
        self.gamma = gamma
        self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=lr)
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=lr)

    def update_critic(self, states, actions, rewards, next_states, masks):
        dist = self.actor(next_states)
        next_action = dist.rsample()
        log_prob = dist.log_prob(next_action).sum(-1, keepdim=True)
        target_Q1, target_Q2 = self.critic_target(next_states, next_action)
        target_V = torch.min(target_Q1, target_Q2) - self.alpha.detach() * log_prob
        target_Q = (rewards + masks * self.gamma * target_V).detach()
        current_Q1, current_Q2 = self.critic(states, actions)
        critic_loss = F.mse_loss(current_Q1, target_Q) + F.mse_loss(current_Q2, target_Q)
        self.critic_optimizer.zero_grad()
        critic_loss.backward()
        torch.nn.utils.clip_grad_norm_(self.critic.parameters(), max_norm=1.0)
        self.critic_optimizer.step()

    def update_actor(self, states):
        dist = self.actor(states)
        action_sampled = dist.rsample()
        log_prob = dist.log_prob(action_sampled).sum(-1, keepdim=True)
        critic_Q1, critic_Q2 = self.critic(states, action_sampled)
        actor_loss = -(torch.min(critic_Q1, critic_Q2) - self.alpha.detach() * log_prob).mean()
        self.actor_optimizer.zero_grad()
        actor_loss.backward()
        self.actor_optimizer.step()

    def update(self, replay_buffer, batch_size):
        states, actions, rewards, next_states, masks = replay_buffer.sample(batch_size)
        self.update_critic(states, actions, rewards, next_states, masks)
        self.update_actor(states)


def train(agent, env, replay_buffer, steps, batch_size=256):
    state = env.reset()
    for step in range(steps):
        action = agent.actor(torch.as_tensor(state)).sample().numpy()
        next_state, reward, done, _ = env.step(action)
        replay_buffer.add(state, action, reward, next_state, 0.0 if done else 1.0)
        state = env.reset() if done else next_state
        agent.update(replay_buffer, batch_size)
