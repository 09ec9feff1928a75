"""look-alike [LG005, LG014]: SAC critic update: qf1, qf2 = self.critic(state, action) and next_q_value = reward + mask * gamma * (min(qf1_next, qf2_next) - alpha * log_pi), all (batch, 1); F.mse_loss on matching shapes; three optimizers, each cleared before its own backward."""
# Source: https://github.com/pranz24/pytorch-soft-actor-critic sac.py at c1805660b3961694be54079a355155a5cad492f5;
# re-typed, names changed, reduced. Correct code.
import torch
import torch.nn.functional as F
from torch.optim import Adam


class SAC(object):
    def __init__(self, critic, critic_target, policy, gamma=0.99, alpha=0.2, lr=3e-4):
        self.gamma = gamma
        self.alpha = alpha
        self.critic = critic
        self.critic_target = critic_target
        self.policy = policy
        self.critic_optim = Adam(self.critic.parameters(), lr=lr)
        self.policy_optim = Adam(self.policy.parameters(), lr=lr)

    def update_parameters(self, memory, batch_size):
        state_batch, action_batch, reward_batch, next_state_batch, mask_batch = memory.sample(batch_size=batch_size)
        state_batch = torch.FloatTensor(state_batch)
        next_state_batch = torch.FloatTensor(next_state_batch)
        action_batch = torch.FloatTensor(action_batch)
        reward_batch = torch.FloatTensor(reward_batch).unsqueeze(1)
        mask_batch = torch.FloatTensor(mask_batch).unsqueeze(1)
        with torch.no_grad():
            next_state_action, next_state_log_pi, _ = self.policy.sample(next_state_batch)
            qf1_next_target, qf2_next_target = self.critic_target(next_state_batch, next_state_action)
            min_qf_next_target = torch.min(qf1_next_target, qf2_next_target) - self.alpha * next_state_log_pi
            next_q_value = reward_batch + mask_batch * self.gamma * (min_qf_next_target)
        qf1, qf2 = self.critic(state_batch, action_batch)
        qf1_loss = F.mse_loss(qf1, next_q_value)
        qf2_loss = F.mse_loss(qf2, next_q_value)
        qf_loss = qf1_loss + qf2_loss
        self.critic_optim.zero_grad()
        qf_loss.backward()
        self.critic_optim.step()
        pi, log_pi, _ = self.policy.sample(state_batch)
        qf1_pi, qf2_pi = self.critic(state_batch, pi)
        min_qf_pi = torch.min(qf1_pi, qf2_pi)
        policy_loss = ((self.alpha * log_pi) - min_qf_pi).mean()
        self.policy_optim.zero_grad()
        policy_loss.backward()
        self.policy_optim.step()
        return qf1_loss.item(), qf2_loss.item(), policy_loss.item()
