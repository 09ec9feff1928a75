"""positive [LG011]: the workshop's LunarLander actor-critic computes its action probabilities with torch.nn.functional.softmax without dim (on a 1-D state the implicit dim is 0, the right one, with a deprecation warning)."""
# Source: PacktWorkshops/The-Reinforcement-Learning-Workshop at 861b6a14 (read as is),
# Chapter11/Exercise11.01/Exercise11_01.ipynb; the code cells, re-typed, identifiers renamed; nothing else cut.
import gym
import numpy as np
import torch as T


# ---- cell 2
class ActorCritic(T.nn.Module):
    def __init__(self):
        super(ActorCritic, self).__init__()
        self.body = T.nn.Linear(8, 128)
        self.pi_head = T.nn.Linear(128, 4)
        self.v_head = T.nn.Linear(128, 1)
        self.logps = []
        self.values = []
        self.rewards = []

    def forward(self, obs):
        obs = T.from_numpy(obs).float()
        obs = T.nn.functional.relu(self.body(obs))
        v = self.v_head(obs)
        probs = T.nn.functional.softmax(self.pi_head(obs))  # expect: LG011
        dist = T.distributions.Categorical(probs)
        a = dist.sample()
        self.logps.append(dist.log_prob(a))
        self.values.append(v)
        return a.item()

    def episode_loss(self, gamma=0.99):
        returns = []
        g = 0
        for r in self.rewards[::-1]:
            g = r + gamma * g
            returns.insert(0, g)
        returns = T.tensor(returns)
        returns = (returns - returns.mean()) / (returns.std())
        total = 0
        for logp, v, ret in zip(self.logps, self.values, returns):
            adv = ret - v.item()
            pi_loss = -logp * adv
            v_loss = T.nn.functional.smooth_l1_loss(v, ret)
            total += (pi_loss + v_loss)
        return total

    def clear(self):
        del self.logps[:]
        del self.values[:]
        del self.rewards[:]


# ---- cell 3
np.random.seed(0)
# ---- cell 4
env = gym.make("LunarLander-v2")
agent = ActorCritic()
opt = T.optim.Adam(agent.parameters(), lr=0.02, betas=(0.9, 0.999))
# ---- cell 5
render = True
np.random.seed(0)
running_reward = 0
for i in np.arange(0, 10000):
    obs = env.reset()
    for t in range(10000):
        a = agent(obs)
        obs, r, done, _ = env.step(a)
        agent.rewards.append(r)
        running_reward += r
        if render and i > 1000:
            pass
        if done:
            break
    print("Episode {}\tReward: {}".format(i, running_reward))

    opt.zero_grad()
    loss = agent.episode_loss(0.99)
    loss.backward()
    opt.step()
    agent.clear()

    if i % 20 == 0:
        running_reward = running_reward / 20
        running_reward = 0
