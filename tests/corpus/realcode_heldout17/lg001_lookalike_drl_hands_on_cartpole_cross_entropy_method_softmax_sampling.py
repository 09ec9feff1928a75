"""look-alike [LG001, LG011, LG013, LG014]: the book's cross-entropy-method CartPole agent applies nn.Softmax(dim=1) to the network's logits only to sample actions; the elite episodes' observations are scored with nn.CrossEntropyLoss on the raw logits against a LongTensor of actions, gradients cleared before each step."""
# Source: PacktPublishing/Deep-Reinforcement-Learning-Hands-On-Second-Edition at d5a421d6 (read as is),
# Chapter04/01_cartpole.py; re-typed, identifiers renamed; the TensorBoard scalars shortened.
from collections import namedtuple

import gym
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

HIDDEN = 128
BATCH = 16
PCT = 70


class PolicyNet(nn.Module):
    def __init__(self, obs_size, hidden, n_actions):
        super(PolicyNet, self).__init__()
        self.net = nn.Sequential(
            nn.Linear(obs_size, hidden),
            nn.ReLU(),
            nn.Linear(hidden, n_actions),
        )

    def forward(self, x):
        return self.net(x)


Episode = namedtuple('Episode', field_names=['reward', 'steps'])
Step = namedtuple('Step', field_names=['observation', 'action'])


def play_batches(env, net, batch_size):
    batch = []
    ep_reward = 0.0
    ep_steps = []
    obs = env.reset()
    sm = nn.Softmax(dim=1)
    while True:
        obs_v = torch.FloatTensor([obs])
        probs_v = sm(net(obs_v))
        probs = probs_v.data.numpy()[0]
        action = np.random.choice(len(probs), p=probs)
        next_obs, reward, done, _ = env.step(action)
        ep_reward += reward
        ep_steps.append(Step(observation=obs, action=action))
        if done:
            batch.append(Episode(reward=ep_reward, steps=ep_steps))
            ep_reward = 0.0
            ep_steps = []
            next_obs = env.reset()
            if len(batch) == batch_size:
                yield batch
                batch = []
        obs = next_obs


def keep_elite(batch, percentile):
    rewards = list(map(lambda s: s.reward, batch))
    bound = np.percentile(rewards, percentile)
    mean = float(np.mean(rewards))
    obs_l = []
    act_l = []
    for reward, steps in batch:
        if reward < bound:
            continue
        obs_l.extend(map(lambda st: st.observation, steps))
        act_l.extend(map(lambda st: st.action, steps))
    return torch.FloatTensor(obs_l), torch.LongTensor(act_l), bound, mean


if __name__ == "__main__":
    env = gym.make("CartPole-v0")
    obs_size = env.observation_space.shape[0]
    n_actions = env.action_space.n
    net = PolicyNet(obs_size, HIDDEN, n_actions)
    objective = nn.CrossEntropyLoss()
    opt = optim.Adam(params=net.parameters(), lr=0.01)
    for it, batch in enumerate(play_batches(env, net, BATCH)):
        obs_v, acts_v, bound, mean = keep_elite(batch, PCT)
        opt.zero_grad()
        scores_v = net(obs_v)
        loss_v = objective(scores_v, acts_v)
        loss_v.backward()
        opt.step()
        print("%d: loss=%.3f, reward_mean=%.1f, rw_bound=%.1f" % (it, loss_v.item(), mean, bound))
        if mean > 199:
            print("Solved!")
            break
