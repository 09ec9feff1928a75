"""look-alike [LG006, LG014]: the book's A2C agent appends one actor loss and one smooth-L1 critic loss per step of the n-step trajectory, stacks and averages them in the same update, clears both optimizers before their backward calls, and empties the trajectory after every update."""
# Source: PacktPublishing/Hands-On-Intelligent-Agents-with-OpenAI-Gym at bc450752 (read as is), ch8/a2c_agent.py;
# re-typed, identifiers renamed; the argument parser, the parameter manager, the Gaussian policy, the Atari/Carla
# environment set-up, checkpoint save/load and rendering cut (the same update is in batched_a2c_agent.py and
# async_a2c_agent.py).
from collections import namedtuple

import gym
import numpy as np
import torch
import torch.multiprocessing as mp
import torch.nn.functional as F
from tensorboardX import SummaryWriter
from torch.distributions.categorical import Categorical

from function_approximator.shallow import Critic as ShallowCritic
from function_approximator.shallow import DiscreteActor as ShallowDiscreteActor

writer = SummaryWriter("logs/a2c")
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
Step = namedtuple("Step", ["s", "value_s", "a", "log_prob_a"])


class A2CAgent(mp.Process):
    def __init__(self, id, env_name, agent_params):
        super(A2CAgent, self).__init__()
        self.id = id
        self.actor_name = "actor" + str(self.id)
        self.env_name = env_name
        self.params = agent_params
        self.gamma = self.params['gamma']
        self.trajectory = []
        self.rewards = []
        self.global_step_num = 0

    def discrete_policy(self, obs):
        logits = self.actor(obs)
        value = self.critic(obs)
        self.logits = logits.to(torch.device("cpu"))
        self.value = value.to(torch.device("cpu"))
        self.action_distribution = Categorical(logits=self.logits)
        return self.action_distribution

    def preproc_obs(self, obs):
        return torch.from_numpy(np.array(obs)).unsqueeze(0).float()

    def get_action(self, obs):
        obs = self.preproc_obs(obs)
        dist = self.discrete_policy(obs)
        value = self.value
        a = dist.sample()
        log_prob_a = dist.log_prob(a)
        a = a.to(torch.device("cpu")).numpy().squeeze(0)
        if not self.params["test"]:
            self.trajectory.append(Step(obs, value, a, log_prob_a))
        return a

    def n_step_returns(self, n_step_rewards, final_state, done, gamma):
        returns = list()
        with torch.no_grad():
            g = torch.tensor([[0]]).float() if done else self.critic(self.preproc_obs(final_state)).cpu()
            for r in n_step_rewards[::-1]:
                g = torch.tensor(r).float() + self.gamma * g
                returns.insert(0, g)
            return returns

    def losses(self, trajectory, targets):
        steps = Step(*zip(*trajectory))
        values = steps.value_s
        log_probs = steps.log_prob_a
        actor_terms, critic_terms = [], []
        for target, v, logp in zip(targets, values, log_probs):
            td = target - v
            actor_terms.append(- logp * td)
            critic_terms.append(F.smooth_l1_loss(v, target))
        if self.params["use_entropy_bonus"]:
            actor_loss = torch.stack(actor_terms).mean() - self.action_distribution.entropy().mean()
        else:
            actor_loss = torch.stack(actor_terms).mean()
        critic_loss = torch.stack(critic_terms).mean()
        writer.add_scalar(self.actor_name + "/critic_loss", critic_loss, self.global_step_num)
        writer.add_scalar(self.actor_name + "/actor_loss", actor_loss, self.global_step_num)
        return actor_loss, critic_loss

    def learn(self, nth_obs, done):
        if self.params["clip_rewards"]:
            self.rewards = np.sign(self.rewards).tolist()
        targets = self.n_step_returns(self.rewards, nth_obs, done, self.gamma)
        actor_loss, critic_loss = self.losses(self.trajectory, targets)
        self.actor_opt.zero_grad()
        actor_loss.backward(retain_graph=True)
        self.actor_opt.step()
        self.critic_opt.zero_grad()
        critic_loss.backward()
        self.critic_opt.step()
        self.trajectory.clear()
        self.rewards.clear()

    def run(self):
        self.env = gym.make(self.env_name)
        state_shape = self.env.observation_space.shape
        n_actions = self.env.action_space.n
        self.actor = ShallowDiscreteActor(state_shape, n_actions, device).to(device)
        self.critic = ShallowCritic(state_shape, 1, device).to(device)
        self.actor_opt = torch.optim.Adam(self.actor.parameters(), lr=self.params["learning_rate"])
        self.critic_opt = torch.optim.Adam(self.critic.parameters(), lr=self.params["learning_rate"])
        episode_rewards = list()
        for episode in range(self.params["max_num_episodes"]):
            obs = self.env.reset()
            done = False
            ep_reward = 0.0
            step_num = 0
            while not done:
                a = self.get_action(obs)
                next_obs, r, done, _ = self.env.step(a)
                self.rewards.append(r)
                ep_reward += r
                step_num += 1
                if not self.params["test"] and (step_num >= self.params["learning_step_thresh"] or done):
                    self.learn(next_obs, done)
                    step_num = 0
                    if done:
                        episode_rewards.append(ep_reward)
                obs = next_obs
                self.global_step_num += 1
