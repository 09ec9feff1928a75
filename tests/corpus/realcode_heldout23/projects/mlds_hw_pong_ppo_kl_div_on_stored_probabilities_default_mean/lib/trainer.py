"""part of positive project [LG008, LG009]: the policy-gradient trainer: in the PPO branch the KL penalty is F.kl_div(record, action) with the stored output probabilities as the input (not log-probabilities) and the default reduction 'mean'; the policy term itself is NLLLoss(reduction='none') on torch.log(action + eps), weighted by reward and importance weights and averaged before backward; minibatch losses are stored detached."""
# Source: b05611038/MLDS_2019SPRING at 0591a1a6 (read as is), HW4-1/lib/trainer.py;
# re-typed, identifiers renamed; the play loop, recording, checkpointing and environment helpers shortened.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import SGD, Adam
from torch.utils.data import DataLoader

from lib.agent.agent import PGAgent
from lib.dataset import ReplayBuffer
from lib.environment.environment import Environment


class PGTrainer(object):
    def __init__(self, model_type, model_name, observation_preprocess, reward_preprocess, device, optimizer="Adam",
                 policy="PPO", env="Pong-v0"):
        self.device = device
        self.env = Environment(env, None)
        self.valid_action = self._valid_action(env)
        self.agent = PGAgent(model_name, model_type, self.device, observation_preprocess, 1, self.valid_action)
        self.model = self.agent.model
        if optimizer == "SGD":
            self.optim = SGD(self.model.parameters(), lr=0.01)
        else:
            self.optim = Adam(self.model.parameters(), lr=0.001)
        self.eps = 10e-7
        self.dataset = ReplayBuffer(env=env, maximum=1, preprocess_dict=reward_preprocess)
        self.policy = policy
        self._init_loss_layer(policy)

    def _update_policy(self, episode_size, batch_size, times=5):
        self.model = self.model.train().to(self.device)
        final_loss = []
        for it in range(times):
            if self.policy == "PO":
                self.dataset.make(episode_size)
            else:
                self.dataset.make(episode_size * 2)
            loss_temp = []
            loader = DataLoader(self.dataset, batch_size=batch_size, shuffle=False)
            for mini_iter, (observation, action, reward) in enumerate(loader):
                observation = observation.to(self.device)
                action = action.to(self.device)
                reward = reward.to(self.device)
                self.optim.zero_grad()
                output = self.model(observation)
                loss = self._calculate_loss(output, action, reward)
                loss.backward()
                self.optim.step()
                loss_temp.append(loss.detach().cpu())
            loss = torch.mean(torch.tensor(loss_temp))
            final_loss.append(loss.detach().cpu())
        return torch.mean(torch.tensor(final_loss)).detach().numpy()

    def _calculate_loss(self, action, record, reward):
        _, target = torch.max(record, 1)
        target = target.detach()
        if self.policy == "PO":
            action = torch.log(action + self.eps)
            loss = self.loss_layer(action, target)
            return torch.mean(loss * reward, dim=0)
        elif self.policy == "PPO":
            important_weight = self._important_weight(record, action, target)
            kl_div = F.kl_div(record, action)  # expect: LG008, LG009
            self._dynamic_beta(kl_div)
            kl_div = self.beta * kl_div
            action = torch.log(action + self.eps)
            loss = self.loss_layer(action, target)
            return torch.mean(loss * reward * important_weight, dim=0) + kl_div
        elif self.policy == "PPO2":
            important_weight = self._important_weight(record, action, target)
            important_weight = torch.clamp(important_weight, 1.0 - self.clip_value, 1.0 + self.clip_value)
            action = torch.log(action + self.eps)
            loss = self.loss_layer(action, target)
            return torch.mean(loss * reward * important_weight, dim=0)

    def _dynamic_beta(self, kl_loss, dynamic_para=2.0, ratio=1.5):
        if kl_loss.mean() > self.kl_target * ratio:
            self.beta *= dynamic_para
        elif kl_loss.mean() < self.kl_target / ratio:
            self.beta *= (1 / dynamic_para)

    def _important_weight(self, record, action, target):
        weight = action / record + self.eps
        target = target.repeat([2, 1]).transpose(0, 1)
        weight = torch.gather(weight, 1, target)
        return torch.mean(weight, dim=1).detach()

    def _collect_data(self, agent, rounds):
        agent.model = self.model
        rewards = []
        for i in range(rounds):
            done = False
            observation = self.env.reset()
            self.dataset.new_episode()
            counter = 0
            while not done:
                action, processed, model_out = agent.make_action(observation)
                observation, reward, done, _ = self.env.step(action)
                self.dataset.insert(processed, model_out)
                counter += 1
                if reward != 0:
                    self.dataset.insert_reward(reward, counter, done)
                    counter = 0
        return rewards

    def _valid_action(self, env):
        if env == "Pong-v0":
            return [0, 2, 3]

    def _init_loss_layer(self, policy):
        if policy == "PO":
            self.loss_layer = nn.NLLLoss(reduction="none")
        elif policy == "PPO":
            self.loss_layer = nn.NLLLoss(reduction="none")
            self.beta = 1.0
            self.kl_target = 0.01
        elif policy == "PPO2":
            self.loss_layer = nn.NLLLoss(reduction="none")
            self.clip_value = 0.2
        else:
            raise ValueError(self.policy, "not in implemented policy gradient based method.")
