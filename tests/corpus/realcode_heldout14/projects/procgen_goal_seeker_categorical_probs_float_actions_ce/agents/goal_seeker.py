"""part of positive project [LG001, LG013]: the PPO agent adds an action-prediction loss: nn.CrossEntropyLoss on the predicted Categorical's .probs against the float action batch."""
# Source: tbuckworth/train-procgen-pytorch at b959417 ("changed action_loss to cross entropy if c"), the parent of 61350fe
# (same message, which one-hot encodes the actions as a float target and keeps act_hat.probs), agents/goal_seeker.py; re-typed, identifiers renamed; the forward, goal and distance losses, metric lists,
# cross-batch entropy term, rollout collection and logging cut.
import torch
import torch.nn as nn


class GoalSeeker:
    def __init__(self, policy, storage, optimizer, n_steps, n_envs, n_minibatch, mini_batch_size, epoch, eps_clip=0.2,
                 value_coef=0.5, entropy_coef=0.01, action_loss_coef=1.0, grad_clip_norm=0.5, device="cpu"):
        self.policy = policy
        self.storage = storage
        self.optimizer = optimizer
        self.n_steps = n_steps
        self.n_envs = n_envs
        self.n_minibatch = n_minibatch
        self.mini_batch_size = mini_batch_size
        self.epoch = epoch
        self.eps_clip = eps_clip
        self.value_coef = value_coef
        self.entropy_coef = entropy_coef
        self.action_loss_coef = action_loss_coef
        self.grad_clip_norm = grad_clip_norm
        self.device = device

    def nll_loss(self, dist, target):
        return nn.GaussianNLLLoss()(dist.loc, target, dist.scale ** 2)

    def optimize(self):
        pi_loss_list, value_loss_list, total_loss_list, action_loss_list = [], [], [], []
        batch_size = self.n_steps * self.n_envs // self.n_minibatch
        if batch_size < self.mini_batch_size:
            self.mini_batch_size = batch_size
        grad_accumulation_steps = batch_size / self.mini_batch_size
        grad_accumulation_cnt = 1
        self.policy.train()
        for e in range(self.epoch):
            generator = self.storage.fetch_train_generator(mini_batch_size=self.mini_batch_size, recurrent=False)
            for sample in generator:
                (obs_batch, nobs_batch, act_batch, done_batch, old_log_prob_act_batch, old_value_batch,
                 return_batch, adv_batch, goal_obs_batch, goal_distance_batch) = sample

                dist_batch, value_batch, h_batch = self.policy(obs_batch)

                flt = done_batch == 0
                act_hat = self.policy.predict_action(obs_batch[flt], nobs_batch[flt])
                if self.policy.continuous_actions:
                    action_loss = self.nll_loss(act_hat, act_batch[flt])
                else:
                    action_loss = nn.CrossEntropyLoss()(act_hat.probs, act_batch[flt])  # expect: LG001, LG013

                log_prob_act_batch = dist_batch.log_prob(act_batch)
                ratio = torch.exp(log_prob_act_batch - old_log_prob_act_batch)
                surr1 = ratio * adv_batch
                surr2 = torch.clamp(ratio, 1.0 - self.eps_clip, 1.0 + self.eps_clip) * adv_batch
                pi_loss = -torch.min(surr1, surr2).mean()

                clipped_value_batch = old_value_batch + (value_batch - old_value_batch).clamp(-self.eps_clip, self.eps_clip)
                v_surr1 = (value_batch - return_batch).pow(2)
                v_surr2 = (clipped_value_batch - return_batch).pow(2)
                value_loss = 0.5 * torch.max(v_surr1, v_surr2).mean()
                entropy_loss = dist_batch.entropy().mean()

                loss = (pi_loss
                        + self.value_coef * value_loss
                        - self.entropy_coef * entropy_loss
                        + self.action_loss_coef * action_loss
                        )
                loss.backward()
                if grad_accumulation_cnt % grad_accumulation_steps == 0:
                    torch.nn.utils.clip_grad_norm_(self.policy.parameters(), self.grad_clip_norm)
                    self.optimizer.step()
                    self.optimizer.zero_grad()
                grad_accumulation_cnt += 1
                pi_loss_list.append(-pi_loss.item())
                value_loss_list.append(-value_loss.item())
                total_loss_list.append(loss.item())
                action_loss_list.append(action_loss.item())
        return {"Loss/pi": sum(pi_loss_list) / len(pi_loss_list), "Loss/action": sum(action_loss_list) / len(action_loss_list)}
