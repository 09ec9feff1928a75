"""part of positive project [LG011]: the imagination-augmented agent's training loop distils the agent's policy into a small actor-critic with F.softmax(logit) and F.log_softmax(distil_logit), both without dim, in the distillation loss; the A2C terms come from the base class's dim-less softmaxes."""
# Source: PacktPublishing/Hands-On-Reinforcement-Learning-for-Games at 99c9b492 (read as is),
# Chapter14/Chapter_14/Chapter_14_I2A.py; re-typed, identifiers renamed; the I2A network, the imagination core and the
# rollout encoder reduced to their constructors' use, the pixel-target helpers and the plots cut;
# the I2A and ImaginationCore classes, defined in this file, are left out (undefined here).
import numpy as np
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from actor_critic import ActorCritic, OnPolicy, RolloutStorage
from environment_model import EnvModel
from minipacman import MiniPacman
from multiprocessing_env import SubprocVecEnv

pixels = ((0.0, 1.0, 0.0), (0.0, 1.0, 1.0), (0.0, 0.0, 1.0), (1.0, 1.0, 1.0), (1.0, 1.0, 0.0), (0.0, 0.0, 0.0),
          (1.0, 0.0, 0.0))
num_pixels = len(pixels)
task_rewards = {
    "regular": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    "avoid": [0.1, -0.1, -5, -10, -20],
    "hunt": [0, 1, 10, -20],
    "ambush": [0, -0.1, 10, -20],
    "rush": [0, -0.1, 9.9]
}
mode = "regular"
num_envs = 16


def make_env():
    def _thunk():
        env = MiniPacman(mode, 1000)
        return env
    return _thunk


def main():
    envs = SubprocVecEnv([make_env() for i in range(num_envs)])
    state_shape = envs.observation_space.shape
    num_actions = envs.action_space.n
    num_rewards = len(task_rewards[mode])

    env_model = EnvModel(envs.observation_space.shape, num_pixels, num_rewards)
    env_model.load_state_dict(torch.load("env_model_" + mode))
    distil_policy = ActorCritic(envs.observation_space.shape, envs.action_space.n)
    distil_optimizer = optim.Adam(distil_policy.parameters())
    imagination = ImaginationCore(1, state_shape, num_actions, num_rewards, env_model, distil_policy,
                                  full_rollout=True)
    agent = I2A(state_shape, num_actions, num_rewards, 256, imagination, full_rollout=True)
    optimizer = optim.RMSprop(agent.parameters(), 7e-4, eps=1e-5, alpha=0.99)

    gamma = 0.99
    entropy_coef = 0.01
    value_loss_coef = 0.5
    max_grad_norm = 0.5
    num_steps = 5
    num_frames = int(10e5)
    rollout = RolloutStorage(num_steps, num_envs, envs.observation_space.shape)
    all_rewards = []
    all_losses = []
    state = envs.reset()
    cur = torch.FloatTensor(np.float32(state))
    rollout.states[0].copy_(cur)
    ep_rewards = torch.zeros(num_envs, 1)
    final_rewards = torch.zeros(num_envs, 1)

    for upd in range(num_frames):
        for step in range(num_steps):
            action = agent.act(autograd.Variable(cur))
            next_state, reward, done, _ = envs.step(action.squeeze(1).cpu().data.numpy())
            reward = torch.FloatTensor(reward).unsqueeze(1)
            ep_rewards += reward
            masks = torch.FloatTensor(1 - np.array(done)).unsqueeze(1)
            final_rewards *= masks
            final_rewards += (1 - masks) * ep_rewards
            ep_rewards *= masks
            cur = torch.FloatTensor(np.float32(next_state))
            rollout.insert(step, cur, action.data, reward, masks)

        _, next_value = agent(autograd.Variable(rollout.states[-1], volatile=True))
        next_value = next_value.data
        returns = rollout.compute_returns(next_value, gamma)
        logit, action_log_probs, values, entropy = agent.evaluate_actions(
            autograd.Variable(rollout.states[:-1]).view(-1, *state_shape),
            autograd.Variable(rollout.actions).view(-1, 1)
        )
        distil_logit, _, _, _ = distil_policy.evaluate_actions(
            autograd.Variable(rollout.states[:-1]).view(-1, *state_shape),
            autograd.Variable(rollout.actions).view(-1, 1)
        )
        distil_loss = 0.01 * (F.softmax(logit).detach() * F.log_softmax(distil_logit)).sum(1).mean()  # expect: LG011

        values = values.view(num_steps, num_envs, 1)
        action_log_probs = action_log_probs.view(num_steps, num_envs, 1)
        advantages = autograd.Variable(returns) - values
        value_loss = advantages.pow(2).mean()
        action_loss = -(autograd.Variable(advantages.data) * action_log_probs).mean()

        optimizer.zero_grad()
        loss = value_loss * value_loss_coef + action_loss - entropy * entropy_coef
        loss.backward()
        nn.utils.clip_grad_norm(agent.parameters(), max_grad_norm)
        optimizer.step()

        distil_optimizer.zero_grad()
        distil_loss.backward()
        optimizer.step()

        if upd % 100 == 0:
            all_rewards.append(final_rewards.mean())
            all_losses.append(loss.item())
        rollout.after_update()
    torch.save(agent.state_dict(), "i2a_" + mode)


if __name__ == '__main__':
    main()
