"""part of positive project [LG005, LG009]: the course's PPO agent, in its KL-penalty variant, computes F.kl_div(torch.log(new_probs.detach()), old_probs.unsqueeze(1), reduction='mean'): 'mean' averages over batch and actions (not the KL divergence), and the stored (batch, n_actions) probabilities unsqueezed to (batch, 1, n_actions) broadcast against the (batch, n_actions) input into a (batch, batch, n_actions) comparison; the clip variant (the default ppo_type) is unaffected."""
# Source: johnjim0816/rl-tutorials at 88b9eb82 (read as is), joyrl/algos/PPO/agent.py;
# re-typed, identifiers renamed; the continuous-action branches and predict_action cut.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data as Data
from torch.distributions import Categorical

from common.memories import PGReplay
from common.models import ActorSoftmax, Critic


class Agent:
    def __init__(self, cfg) -> None:
        self.ppo_type = "clip"
        if self.ppo_type == "kl":
            self.kl_target = cfg.kl_target
            self.kl_lambda = cfg.kl_lambda
            self.kl_beta = cfg.kl_beta
            self.kl_alpha = cfg.kl_alpha
        self.gamma = cfg.gamma
        self.device = torch.device(cfg.device)
        self.actor = ActorSoftmax(cfg.n_states, cfg.n_actions, hidden_dim=cfg.actor_hidden_dim).to(self.device)
        self.critic = Critic(cfg.n_states, 1, hidden_dim=cfg.critic_hidden_dim).to(self.device)
        self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=cfg.actor_lr)
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=cfg.critic_lr)
        self.memory = PGReplay()
        self.k_epochs = cfg.k_epochs
        self.eps_clip = cfg.eps_clip
        self.entropy_coef = cfg.entropy_coef
        self.sample_count = 0
        self.train_batch_size = cfg.train_batch_size
        self.sgd_batch_size = cfg.sgd_batch_size

    def sample_action(self, state):
        self.sample_count += 1
        state = torch.tensor(state, device=self.device, dtype=torch.float32).unsqueeze(dim=0)
        probs = self.actor(state)
        dist = Categorical(probs)
        action = dist.sample()
        self.probs = probs.detach()
        self.log_probs = dist.log_prob(action).detach()
        return action.detach().cpu().numpy().item()

    def update(self):
        if self.sample_count % self.train_batch_size != 0:
            return
        states, actions, rewards, dones, probs, log_probs = self.memory.sample()
        states = torch.tensor(np.array(states), device=self.device, dtype=torch.float32)
        actions = torch.tensor(np.array(actions), device=self.device, dtype=torch.float32).unsqueeze(dim=1)
        rewards = torch.tensor(np.array(rewards), device=self.device, dtype=torch.float32).unsqueeze(dim=1)
        dones = torch.tensor(np.array(dones), device=self.device, dtype=torch.float32).unsqueeze(dim=1)
        probs = torch.cat(probs).to(self.device)
        log_probs = torch.tensor(log_probs, device=self.device, dtype=torch.float32).unsqueeze(dim=1)
        returns = self._compute_returns(rewards, dones)
        dataset = Data.TensorDataset(states, actions, probs, log_probs, returns)
        loader = Data.DataLoader(dataset=dataset, batch_size=self.sgd_batch_size, shuffle=True, drop_last=False)
        for _ in range(self.k_epochs):
            for batch_idx, (old_states, old_actions, old_probs, old_log_probs, returns) in enumerate(loader):
                values = self.critic(old_states)
                advantages = returns - values.detach()
                new_probs = self.actor(old_states)
                dist = Categorical(new_probs)
                new_log_probs = dist.log_prob(old_actions.squeeze(dim=1))
                ratio = torch.exp(new_log_probs.unsqueeze(dim=1) - old_log_probs)
                surr1 = ratio * advantages
                if self.ppo_type == "clip":
                    surr2 = torch.clamp(ratio, 1 - self.eps_clip, 1 + self.eps_clip) * advantages
                    actor_loss = -(torch.min(surr1, surr2).mean() + self.entropy_coef * dist.entropy().mean())
                elif self.ppo_type == "kl":
                    kl_mean = F.kl_div(torch.log(new_probs.detach()), old_probs.unsqueeze(1), reduction="mean")  # expect: LG005, LG009
                    surr2 = self.kl_lambda * kl_mean
                    actor_loss = -(surr1.mean() + surr2 + self.entropy_coef * dist.entropy().mean())
                    if kl_mean > self.kl_beta * self.kl_target:
                        self.kl_lambda *= self.kl_alpha
                    elif kl_mean < 1 / self.kl_beta * self.kl_target:
                        self.kl_lambda /= self.kl_alpha
                else:
                    raise NameError
                critic_loss = nn.MSELoss()(returns, values)
                self.actor_optimizer.zero_grad()
                self.critic_optimizer.zero_grad()
                actor_loss.backward()
                critic_loss.backward()
                self.actor_optimizer.step()
                self.critic_optimizer.step()
        self.memory.clear()

    def _compute_returns(self, rewards, dones):
        returns = []
        discounted_sum = 0
        for reward, done in zip(reversed(rewards), reversed(dones)):
            if done:
                discounted_sum = 0
            discounted_sum = reward + (self.gamma * discounted_sum)
            returns.insert(0, discounted_sum)
        returns = torch.tensor(returns, device=self.device, dtype=torch.float32).unsqueeze(dim=1)
        return (returns - returns.mean()) / (returns.std() + 1e-5)
