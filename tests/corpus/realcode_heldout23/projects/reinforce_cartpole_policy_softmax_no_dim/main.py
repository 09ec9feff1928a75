"""part of positive project [LG011]: the CartPole driver builds the discrete agent, collects one episode's log-probabilities, entropies and rewards in lists, and updates the policy once per episode."""
# Source: chingyaoc/pytorch-REINFORCE at 4a38741b (read as is), main.py; re-typed, identifiers renamed; the continuous
# branch, the monitor wrapper and part of the argument parser cut.
import argparse
import os

import gym
import numpy as np
import torch

from reinforce_discrete import REINFORCE

parser = argparse.ArgumentParser(description="PyTorch REINFORCE example")
parser.add_argument("--env_name", type=str, default="CartPole-v0")
parser.add_argument("--gamma", type=float, default=0.99)
parser.add_argument("--seed", type=int, default=123)
parser.add_argument("--num_steps", type=int, default=1000)
parser.add_argument("--num_episodes", type=int, default=2000)
parser.add_argument("--hidden_size", type=int, default=128)
parser.add_argument("--ckpt_freq", type=int, default=100)
args = parser.parse_args()

env = gym.make(args.env_name)
env.seed(args.seed)
torch.manual_seed(args.seed)
np.random.seed(args.seed)

agent = REINFORCE(args.hidden_size, env.observation_space.shape[0], env.action_space)
ckpt_dir = "ckpt_" + args.env_name
if not os.path.exists(ckpt_dir):
    os.mkdir(ckpt_dir)

for i_episode in range(args.num_episodes):
    state = torch.Tensor([env.reset()])
    entropies = []
    log_probs = []
    rewards = []
    for t in range(args.num_steps):
        action, log_prob, entropy = agent.select_action(state)
        action = action.cpu()
        next_state, reward, done, _ = env.step(action.numpy()[0])
        entropies.append(entropy)
        log_probs.append(log_prob)
        rewards.append(reward)
        state = torch.Tensor([next_state])
        if done:
            break
    agent.update_parameters(rewards, log_probs, entropies, args.gamma)
    if i_episode % args.ckpt_freq == 0:
        torch.save(agent.model.state_dict(), os.path.join(ckpt_dir, "reinforce-" + str(i_episode) + ".pkl"))
    print("Episode: {}, reward: {}".format(i_episode, np.sum(rewards)))
env.close()
