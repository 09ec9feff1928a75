"""part of positive project [LG001, LG013]: the rollout storage keeps discrete actions in a float tensor and yields them as torch.FloatTensor batches."""
# Source: tbuckworth/train-procgen-pytorch at b959417 ("changed action_loss to cross entropy if c"), the parent of 61350fe
# (same message, which one-hot encodes the actions as a float target and keeps act_hat.probs), common/storage.py (GoalSeekerStorage); re-typed; return estimation and the goal-distance search cut.
import torch
from torch.utils.data.sampler import BatchSampler, SubsetRandomSampler


class GoalSeekerStorage:
    def __init__(self, obs_shape, num_steps, num_envs, device, continuous_actions=False, act_shape=None):
        self.obs_shape = obs_shape
        self.num_steps = num_steps
        self.num_envs = num_envs
        self.device = device
        self.continuous_actions = continuous_actions
        self.act_shape = act_shape
        self.obs_batch = torch.zeros(self.num_steps + 1, self.num_envs, *self.obs_shape)
        self.act_batch = torch.zeros(self.num_steps, self.num_envs)
        self.log_prob_act_batch = torch.zeros(self.num_steps, self.num_envs)
        self.done_batch = torch.zeros(self.num_steps, self.num_envs)
        self.value_batch = torch.zeros(self.num_steps + 1, self.num_envs)
        self.return_batch = torch.zeros(self.num_steps, self.num_envs)
        self.adv_batch = torch.zeros(self.num_steps, self.num_envs)
        self.step = 0

    def store(self, obs, act, done, log_prob_act, value):
        self.obs_batch[self.step] = torch.from_numpy(obs.copy())
        self.act_batch[self.step] = torch.from_numpy(act.copy())
        self.done_batch[self.step] = torch.from_numpy(done.copy())
        self.log_prob_act_batch[self.step] = torch.from_numpy(log_prob_act.copy())
        self.value_batch[self.step] = torch.from_numpy(value.copy())
        self.step = (self.step + 1) % self.num_steps

    def fetch_train_generator(self, mini_batch_size=None, recurrent=False):
        batch_size = self.num_steps * self.num_envs
        sampler = BatchSampler(SubsetRandomSampler(range(batch_size)), mini_batch_size, drop_last=True)
        goal_obs = torch.zeros_like(self.obs_batch)
        goal_distance = torch.zeros((self.num_steps, self.num_envs))
        for indices in sampler:
            obs_batch = torch.FloatTensor(self.obs_batch[:-1]).reshape(-1, *self.obs_shape)[indices].to(self.device)
            nobs_batch = torch.FloatTensor(self.obs_batch[1:]).reshape(-1, *self.obs_shape)[indices].to(self.device)
            if self.continuous_actions:
                act_batch = torch.FloatTensor(self.act_batch).reshape(-1, self.act_shape)[indices].to(self.device)
                log_prob_act_batch = torch.FloatTensor(self.log_prob_act_batch).reshape(-1, self.act_shape)[indices].to(self.device)
            else:
                act_batch = torch.FloatTensor(self.act_batch).reshape(-1, )[indices].to(self.device)
                log_prob_act_batch = torch.FloatTensor(self.log_prob_act_batch).reshape(-1)[indices].to(self.device)
            done_batch = torch.FloatTensor(self.done_batch).reshape(-1)[indices].to(self.device)
            value_batch = torch.FloatTensor(self.value_batch[:-1]).reshape(-1)[indices].to(self.device)
            return_batch = torch.FloatTensor(self.return_batch).reshape(-1)[indices].to(self.device)
            adv_batch = torch.FloatTensor(self.adv_batch).reshape(-1)[indices].to(self.device)
            goal_obs_batch = goal_obs[:-1].reshape(-1, *self.obs_shape)[indices].to(self.device)
            goal_distance_batch = goal_distance.reshape(-1)[indices].to(self.device)
            yield (obs_batch, nobs_batch, act_batch, done_batch, log_prob_act_batch,
                   value_batch, return_batch, adv_batch, goal_obs_batch, goal_distance_batch)
