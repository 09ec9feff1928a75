"""part of look-alike project [LG005, LG006, LG014]: the episode loop calls update_policy every step and rebinds its two loss lists (never kept across steps); the reward total adds environment rewards, tensors without a graph."""
# Source: xuehy/pytorch-maddpg at b7c1acf0 (read as is), main.py; re-typed, identifiers renamed; the visdom plotting
# cut. The waterworld environment package is not included.
import numpy as np
import torch as th

from madrl_environments.pursuit import MAWaterWorld_mod
from MADDPG import MADDPG

world = MAWaterWorld_mod(n_pursuers=2, n_evaders=50, n_poison=50, obstacle_radius=0.04, food_reward=10.0,
                         poison_reward=-1.0, encounter_reward=0.01, n_coop=2, sensor_range=0.2, obstacle_loc=None)

np.random.seed(1234)
th.manual_seed(1234)
world.seed(1234)
n_agents = world.n_pursuers
n_states = 213
n_actions = 2
capacity = 1000000
batch_size = 1000
n_episode = 20000
max_steps = 1000
episodes_before_train = 100

maddpg = MADDPG(n_agents, n_states, n_actions, batch_size, capacity, episodes_before_train)
reward_record = []

FloatTensor = th.cuda.FloatTensor if maddpg.use_cuda else th.FloatTensor
for i_episode in range(n_episode):
    obs = world.reset()
    obs = np.stack(obs)
    if isinstance(obs, np.ndarray):
        obs = th.from_numpy(obs).float()
    total_reward = 0.0
    rr = np.zeros((n_agents,))
    for t in range(max_steps):
        obs = obs.type(FloatTensor)
        action = maddpg.select_action(obs).data.cpu()
        obs_, reward, done, _ = world.step(action.numpy())

        reward = th.FloatTensor(reward).type(FloatTensor)
        obs_ = th.from_numpy(np.stack(obs_)).float()
        next_obs = obs_ if t != max_steps - 1 else None

        total_reward += reward.sum()
        rr += reward.cpu().numpy()
        maddpg.memory.push(obs.data, action, next_obs, reward)
        obs = next_obs

        c_loss, a_loss = maddpg.update_policy()
    maddpg.episode_done += 1
    print("Episode: %d, reward = %f" % (i_episode, total_reward))
    reward_record.append(total_reward)
