"""positive [LG011]: the cookbook's REINFORCE policy is an nn.Sequential ending in nn.Softmax() without dim; the action probabilities feed torch.multinomial and torch.log for the policy-gradient loss (log-probabilities appended per step, stacked and summed once per episode)."""
# Source: PacktPublishing/PyTorch-1.x-Reinforcement-Learning-Cookbook at 7ded3e12 (read as is),
# Chapter08/chapter8/reinforce.py; re-typed, identifiers renamed; the reward plot cut. The same layer is in
# Chapter08/chapter8/reinforce_baseline.py, and torch.nn.Softmax()(z) in Chapter01/chapter1/policy_gradient.py.
import gym
import torch
import torch.nn as nn

env = gym.make('CartPole-v0')


class Policy():
    def __init__(self, n_state, n_action, n_hidden=50, lr=0.001):
        self.model = nn.Sequential(
            nn.Linear(n_state, n_hidden),
            nn.ReLU(),
            nn.Linear(n_hidden, n_action),
            nn.Softmax(),  # expect: LG011
        )
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr)

    def predict(self, s):
        return self.model(torch.Tensor(s))

    def update(self, returns, log_probs):
        terms = []
        for lp, g in zip(log_probs, returns):
            terms.append(-lp * g)
        loss = torch.stack(terms).sum()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()

    def get_action(self, s):
        probs = self.predict(s)
        action = torch.multinomial(probs, 1).item()
        log_prob = torch.log(probs[action])
        return action, log_prob


def reinforce(env, policy, n_episode, gamma=1.0):
    for episode in range(n_episode):
        log_probs = []
        rewards = []
        state = env.reset()
        while True:
            action, log_prob = policy.get_action(state)
            next_state, reward, done, _ = env.step(action)
            ep_reward[episode] += reward
            log_probs.append(log_prob)
            rewards.append(reward)
            if done:
                returns = []
                g = 0
                pw = 0
                for r in rewards[::-1]:
                    g += gamma ** pw * r
                    pw += 1
                    returns.append(g)
                returns = returns[::-1]
                returns = torch.tensor(returns)
                returns = (returns - returns.mean()) / (returns.std() + 1e-9)
                policy.update(returns, log_probs)
                print('Episode: {}, total reward: {}'.format(episode, ep_reward[episode]))
                break
            state = next_state


n_state = env.observation_space.shape[0]
n_action = env.action_space.n
policy = Policy(n_state, n_action, 128, 0.003)
n_episode = 500
ep_reward = [0] * n_episode
reinforce(env, policy, n_episode, 0.9)
