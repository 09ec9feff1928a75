"""look-alike [LG006, LG011, LG001]: the REINFORCE notebook of Apress's Deep Reinforcement Learning with Python: a helper computes the policy-gradient loss from softmax/log_softmax of the policy logits (dim -1 by position), steps, and returns loss.detach().cpu(); the 5000-episode loop appends that return to loss_history for the smoothed plot."""
# Source: Apress/Deep-Reinforcement-Learning-with-Python at 32fa7ebb (read as is), chapter8/8.a-reinforce.ipynb, code
# cells 2-13; re-typed, identifiers renamed; the commented Colab install cell, `%matplotlib inline`, the env render
# and the video-recording cells cut. chapter8/8.b-actor_critic.ipynb returns and appends its loss the same way.
import numpy as np
import gymnasium as gym
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
from IPython.display import clear_output
from scipy.signal import convolve, gaussian


# ---- cell 3
def make_env(name):
    return gym.make(name, render_mode="rgb_array")


# ---- cell 4
ENV = 'CartPole-v1'
SEED = 123
env = make_env(ENV)
env.reset(seed=SEED)
state_shape, n_actions = env.observation_space.shape, env.action_space.n
state_dim = state_shape[0]
# ---- cell 5
dev = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
# ---- cell 6
policy = nn.Sequential(
    nn.Linear(state_dim, 192),
    nn.ReLU(),
    nn.Linear(192, n_actions),
)
policy = policy.to(dev)


# ---- cell 7
def action_probs(states):
    states = torch.tensor(np.array(states), device=dev, dtype=torch.float32)
    with torch.no_grad():
        logits = policy(states)
    return nn.functional.softmax(logits, -1).detach().cpu().numpy()


# ---- cell 8
def rollout(env, n_steps=1000):
    states, actions, rewards = [], [], []
    s, _ = env.reset()
    for t in range(n_steps):
        p = action_probs(np.array([s]))[0]
        a = np.random.choice(n_actions, p=p)
        nxt, r, done, _, _ = env.step(a)
        states.append(s)
        actions.append(a)
        rewards.append(r)
        s = nxt
        if done:
            break
    return np.array(states), np.array(actions), np.array(rewards)


# ---- cell 9
def evaluate(env, agent, n_games=3, t_max=10000):
    totals = []
    for i in range(n_games):
        s, _ = env.reset(seed=SEED + i)
        total = 0
        for _ in range(t_max):
            p = action_probs(np.array([s]))[0]
            a = np.random.choice(n_actions, p=p)
            nxt, r, done, _, _ = env.step(a)
            total += r
            s = nxt
            if done:
                break
        totals.append(total)
    return np.mean(totals)


def smooth(values):
    k = gaussian(100, std=100)
    k = k / np.sum(k)
    return convolve(values, k, 'valid')


# ---- cell 10
def returns_to_go(rewards, gamma=0.99):
    T = len(rewards)
    g = [0] * T
    g[T - 1] = rewards[T - 1]
    for i in range(T - 2, -1, -1):
        g[i] = gamma * g[i + 1] + rewards[i]
    return g


# ---- cell 11
opt = torch.optim.Adam(policy.parameters(), lr=1e-3)


def update(states, actions, rewards, gamma=0.99, entropy_coef=1e-2):
    g = returns_to_go(rewards, gamma)
    states = torch.tensor(states, device=dev, dtype=torch.float)
    actions = torch.tensor(actions, device=dev, dtype=torch.long)
    g = torch.tensor(g, device=dev, dtype=torch.float)
    logits = policy(states)
    probs = nn.functional.softmax(logits, -1)
    log_probs = nn.functional.log_softmax(logits, -1)
    log_p_a = log_probs[range(len(actions)), actions]
    J = torch.mean(log_p_a * g)
    H = -(probs * log_probs).sum(-1).mean()
    loss = -(J + entropy_coef * H)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.detach().cpu()


# ---- cell 12
EVAL_EVERY = 10
# ---- cell 13
loss_history = []
return_history = []
for i in range(5000):
    states, actions, rewards = rollout(env)
    loss = update(states, actions, rewards)
    loss_history.append(loss)
    if i != 0 and i % EVAL_EVERY == 0:
        mean_return = np.mean(return_history[-EVAL_EVERY:])
        if mean_return > 500:
            break
    if i != 0 and i % EVAL_EVERY == 0:
        eval_env = make_env(ENV)
        return_history.append(evaluate(eval_env, policy))
        eval_env.close()
        clear_output(True)
        plt.figure(figsize=[16, 5])
        plt.subplot(1, 2, 1)
        plt.plot(return_history)
        assert not np.isnan(loss_history[-1])
        plt.subplot(1, 2, 2)
        plt.plot(smooth(loss_history))
        plt.show()
