"""positive [LG014]: a PPO package router keeps an Adam optimizer inside each of its actor and critic networks and, for every minibatch of every epoch, back-propagates `actor_loss + c * critic_loss` and steps `self.actor.optimizer` and `self.critic.optimizer` without clearing either: each step applies the sum of all earlier minibatches' gradients (the fix, in a rewrite of the learner, clears both optimizers at the top of each minibatch)."""

# Source: flyingleafe/dqnroute@1a391a21af src/dqnroute/agents/routers/ppo.py, fixed in 105368f3d0 ("Add reinforce and change ppo algorithm + some minor additions") (cut, renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.distributions import Categorical


class PolicyNet(nn.Module):
    def __init__(self, input_shape, output_shape, learning_rate):
        super(PolicyNet, self).__init__()
        self.body = nn.Sequential(nn.Linear(input_shape, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, output_shape))
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)

    def forward(self, x):
        return self.body(x)


class ValueNet(nn.Module):
    def __init__(self, input_shape, learning_rate):
        super(ValueNet, self).__init__()
        self.body = nn.Sequential(nn.Linear(input_shape, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)

    def forward(self, x):
        return self.body(x)


class PPORouter:
    def __init__(self, state_shape, embedding_dim, distance_function, memory, n_epoch=10):
        self.learning_rate = 3e-4
        self.actor = PolicyNet(state_shape, embedding_dim, self.learning_rate)
        self.critic = ValueNet(state_shape, self.learning_rate)
        self.distance_function = distance_function
        self.memory = memory
        self.n_epoch = n_epoch
        self.discount = 0.99
        self.gae_lambda = 0.95
        self.ratio_clip = 0.2
        self.value_coef = 0.5
        self.eps = 1e-6

    def _learn(self):
        for _ in range(self.n_epoch):
            states_mem, actions_mem, old_probs_mem, values_mem, rewards_mem, neighbours_emb, batches = self.memory.generate_batches()
            advantage = np.zeros(len(rewards_mem), dtype=np.float32)
            for t in range(len(rewards_mem) - 1):
                discount, adv_t = 1, 0
                for k in range(t, len(rewards_mem) - 1):
                    adv_t += discount * (rewards_mem[k] + self.discount * values_mem[k + 1] - values_mem[k])
                    discount *= self.discount * self.gae_lambda
                advantage[t] = adv_t
            advantage = torch.tensor(advantage)
            values = torch.tensor(values_mem)
            for batch in batches:
                states = torch.tensor(states_mem[batch], dtype=torch.float32)
                neighbours = torch.tensor([neighbours_emb[i] for i in batch], dtype=torch.float32)
                old_probs = torch.tensor(old_probs_mem[batch], dtype=torch.float32)
                actions = torch.tensor(actions_mem[batch])
                predicted = self.actor(states)
                critic_values = self.critic(states)
                distances = self.distance_function(predicted, neighbours)
                new_probs = Categorical(1 / (distances + self.eps)).log_prob(actions)
                ratio = new_probs.exp() / old_probs.exp()
                weighted = advantage[batch] * ratio
                clipped = torch.clamp(ratio, 1 - self.ratio_clip, 1 + self.ratio_clip) * advantage[batch]
                actor_loss = -torch.min(weighted, clipped).mean()
                returns = advantage[batch] + values[batch]
                critic_loss = ((returns - critic_values) ** 2).mean()
                total_loss = actor_loss + self.value_coef * critic_loss
                total_loss.backward()
                print(f"Loss: {total_loss.detach().item() / len(batch)}")
                self.actor.optimizer.step()  # expect: LG014
                self.critic.optimizer.step()
        self.memory.clear_memory()
