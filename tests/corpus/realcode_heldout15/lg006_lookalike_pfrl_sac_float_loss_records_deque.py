"""look-alike [LG006, LG005, LG014]: the SAC agent of an RL library appends float(loss) of both critics to bounded deques on self every update; both Q predictions are flattened to the target's shape; each optimizer is cleared before its own backward."""
# Source: pfnet/pfrl, parent of b7e6478 ("detaches losses for records", which writes float(loss.detach().cpu().numpy())
# instead: the same numbers), pfrl/agents/soft_actor_critic.py; re-typed, identifiers renamed; the constructor cut to the
# records and optimizers (target networks and their sync cut), the TemperatureHolder module, acting and statistics
# methods cut.
import collections

import torch
import torch.nn.functional as F

import pfrl
from pfrl.agent import AttributeSavingMixin, BatchAgent
from pfrl.utils.batch_states import batch_states
from pfrl.utils.clip_l2_grad_norm import clip_l2_grad_norm_
from pfrl.replay_buffer import batch_experiences


class SoftActorCritic(AttributeSavingMixin, BatchAgent):
    def __init__(self, policy, q_func1, q_func2, policy_optimizer, q_func1_optimizer, q_func2_optimizer,
                 replay_buffer, gamma, gpu=None, phi=lambda x: x, max_grad_norm=None, temperature_optimizer_lr=None,
                 entropy_target=None, initial_temperature=1.0):
        self.policy = policy
        self.q_func1 = q_func1
        self.q_func2 = q_func2
        self.policy_optimizer = policy_optimizer
        self.q_func1_optimizer = q_func1_optimizer
        self.q_func2_optimizer = q_func2_optimizer
        self.replay_buffer = replay_buffer
        self.gamma = gamma
        self.device = torch.device("cuda:{}".format(gpu)) if gpu is not None and gpu >= 0 else torch.device("cpu")
        self.phi = phi
        self.max_grad_norm = max_grad_norm
        self.entropy_target = entropy_target
        self.temperature_holder = TemperatureHolder(initial_log_temperature=float(torch.log(torch.tensor(initial_temperature))))
        if entropy_target is not None:
            self.temperature_optimizer = torch.optim.Adam(self.temperature_holder.parameters(), lr=temperature_optimizer_lr)
        self.q1_stats = collections.deque(maxlen=1000)
        self.q2_stats = collections.deque(maxlen=1000)
        self.entropy_stats = collections.deque(maxlen=1000)
        self.critic1_losses = collections.deque(maxlen=100)
        self.critic2_losses = collections.deque(maxlen=100)
        self.n_policy_updates = 0

    @property
    def temperature(self):
        with torch.no_grad():
            return float(self.temperature_holder())

    def update_q_func(self, batch):
        s_next = batch["next_state"]
        r = batch["reward"]
        done = batch["is_state_terminal"]
        s = batch["state"]
        a = batch["action"]
        disc = batch["discount"]

        with torch.no_grad(), pfrl.utils.evaluating(self.policy), pfrl.utils.evaluating(
            self.target_q_func1
        ), pfrl.utils.evaluating(self.target_q_func2):
            next_dist = self.policy(s_next)
            next_a = next_dist.sample()
            next_logp = next_dist.log_prob(next_a)
            nq1 = self.target_q_func1((s_next, next_a))
            nq2 = self.target_q_func2((s_next, next_a))
            nq = torch.min(nq1, nq2)
            ent = self.temperature * next_logp[..., None]
            assert nq.shape == ent.shape
            target_q = r + disc * (1.0 - done) * torch.flatten(nq - ent)

        q1 = torch.flatten(self.q_func1((s, a)))
        q2 = torch.flatten(self.q_func2((s, a)))

        loss1 = 0.5 * F.mse_loss(target_q, q1)
        loss2 = 0.5 * F.mse_loss(target_q, q2)

        self.q1_stats.extend(q1.detach().cpu().numpy())
        self.q2_stats.extend(q2.detach().cpu().numpy())
        self.critic1_losses.append(float(loss1))
        self.critic2_losses.append(float(loss2))

        self.q_func1_optimizer.zero_grad()
        loss1.backward()
        if self.max_grad_norm is not None:
            clip_l2_grad_norm_(self.q_func1.parameters(), self.max_grad_norm)
        self.q_func1_optimizer.step()

        self.q_func2_optimizer.zero_grad()
        loss2.backward()
        if self.max_grad_norm is not None:
            clip_l2_grad_norm_(self.q_func2.parameters(), self.max_grad_norm)
        self.q_func2_optimizer.step()

    def update_temperature(self, log_prob):
        assert not log_prob.requires_grad
        loss = -torch.mean(self.temperature_holder() * (log_prob + self.entropy_target))
        self.temperature_optimizer.zero_grad()
        loss.backward()
        if self.max_grad_norm is not None:
            clip_l2_grad_norm_(self.temperature_holder.parameters(), self.max_grad_norm)
        self.temperature_optimizer.step()

    def update_policy_and_temperature(self, batch):
        s = batch["state"]
        dist = self.policy(s)
        a = dist.rsample()
        logp = dist.log_prob(a)
        q = torch.min(self.q_func1((s, a)), self.q_func2((s, a)))
        ent = self.temperature * logp[..., None]
        assert q.shape == ent.shape
        loss = torch.mean(ent - q)

        self.policy_optimizer.zero_grad()
        loss.backward()
        if self.max_grad_norm is not None:
            clip_l2_grad_norm_(self.policy.parameters(), self.max_grad_norm)
        self.policy_optimizer.step()
        self.n_policy_updates += 1

        if self.entropy_target is not None:
            self.update_temperature(logp.detach())

        with torch.no_grad():
            try:
                self.entropy_stats.extend(dist.entropy().detach().cpu().numpy())
            except NotImplementedError:
                self.entropy_stats.extend(-logp.detach().cpu().numpy())

    def update(self, experiences, errors_out=None):
        batch = batch_experiences(experiences, self.device, self.phi, self.gamma)
        self.update_q_func(batch)
        self.update_policy_and_temperature(batch)
        self.sync_target_network()
