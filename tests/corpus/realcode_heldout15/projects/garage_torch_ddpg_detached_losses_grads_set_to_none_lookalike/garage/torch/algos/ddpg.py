"""part of look-alike project [LG006, LG014, LG005]: DDPG clears each optimizer with zero_optim_grads before its backward, returns the losses detached, and the training loop appends their numpy values to per-epoch lists; the critic's (N, 1) Q-values meet an (N, 1) target built from reshaped rewards and terminals."""
# Source: rlworkgroup/garage at 2d594803 (read as is), src/garage/torch/algos/ddpg.py; re-typed, identifiers renamed; the
# constructor cut to the fields used, evaluation and the training driver loop cut.
import numpy as np
import torch

from dowel import logger, tabular
from garage.torch import as_torch_dict, torch_to_np, zero_optim_grads


class DDPG:
    def train_once(self, itr, episodes):
        self.replay_buffer.add_episode_batch(episodes)
        epoch = itr / self._steps_per_epoch
        for _ in range(self._n_train_steps):
            if self.replay_buffer.n_transitions_stored >= self._min_buffer_size:
                samples = self.replay_buffer.sample_transitions(self._buffer_batch_size)
                samples['rewards'] *= self._reward_scale
                qf_loss, y, q, policy_loss = torch_to_np(self.optimize_policy(samples))
                self._episode_policy_losses.append(policy_loss)
                self._episode_qf_losses.append(qf_loss)
                self._epoch_ys.append(y)
                self._epoch_qs.append(q)

        if itr % self._steps_per_epoch == 0:
            logger.log('Training finished')
            if self.replay_buffer.n_transitions_stored >= self._min_buffer_size:
                tabular.record('Epoch', epoch)
                tabular.record('Policy/AveragePolicyLoss', np.mean(self._episode_policy_losses))
                tabular.record('QFunction/AverageQFunctionLoss', np.mean(self._episode_qf_losses))
                tabular.record('QFunction/AverageQ', np.mean(self._epoch_qs))

    def optimize_policy(self, samples_data):
        tr = as_torch_dict(samples_data)
        obs = tr['observations']
        rewards = tr['rewards'].reshape(-1, 1)
        actions = tr['actions']
        next_obs = tr['next_observations']
        terminals = tr['terminals'].reshape(-1, 1)

        with torch.no_grad():
            next_actions = self._target_policy(next_obs)
            target_q = self._target_qf(next_obs, next_actions)

        clip = (-self._clip_return, 0. if self._clip_pos_returns else self._clip_return)
        y_target = rewards + (1.0 - terminals) * self._discount * target_q
        y_target = torch.clamp(y_target, clip[0], clip[1])

        qval = self._qf(obs, actions)
        qf_loss_fn = torch.nn.MSELoss()
        qval_loss = qf_loss_fn(qval, y_target)
        zero_optim_grads(self._qf_optimizer)
        qval_loss.backward()
        self._qf_optimizer.step()

        actions = self.policy(obs)
        action_loss = -1 * self._qf(obs, actions).mean()
        zero_optim_grads(self._policy_optimizer)
        action_loss.backward()
        self._policy_optimizer.step()

        self.update_target()
        return (qval_loss.detach(), y_target, qval.detach(), action_loss.detach())

    def update_target(self):
        for t, p in zip(self._target_qf.parameters(), self._qf.parameters()):
            t.data.copy_(t.data * (1.0 - self._tau) + p.data * self._tau)
        for t, p in zip(self._target_policy.parameters(), self.policy.parameters()):
            t.data.copy_(t.data * (1.0 - self._tau) + p.data * self._tau)
