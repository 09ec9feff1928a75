"""part of look-alike project [LG001, LG006, LG014]: the trainer keeps nn.CrossEntropyLoss() and nn.Softmax(dim=-1) as attributes; critic_loss gives the criterion the critic's raw (B, 2) scores against (mc_return > 0).long(), while the softmax is applied only in actor_loss, under torch.no_grad, to read the success probability for the advantage; the per-batch info dicts appended to a list hold the detached losses (and statistics of the scores, not losses); the critic optimizer is stepped and zeroed inside accelerate's accumulate block."""
# Source: THUDM/WebRL at fa8439ef (read at issue #39, "is applying softmax and then CrossEntropyLoss a problem?",
# which the code does not do: the softmax never reaches the criterion), webrl/algorithms/webrl/trainer.py; re-typed,
# identifiers renamed; the actor's beta/ratio arithmetic, checkpointing, validation and wandb logging shortened.
import math

import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from webrl.data import DummyDataset


def mean_of_dicts(dict_list):
    out = {}
    if len(dict_list) > 0:
        for key in dict_list[0].keys():
            vals = [d[key] for d in dict_list if key in d]
            out[key] = sum(vals) / len(vals) if vals else 0
    return out


class AgentTrainer():
    def __init__(self, agent, accelerator, tokenizer, critic_lr=1e-3, lm_lr=1e-5, gamma=0.9,
                 max_grad_norm=0.01, critic_epochs=1):
        super().__init__()
        self.agent = agent
        self.tokenizer = tokenizer
        self.policy_opt = torch.optim.AdamW(agent.model.parameters(), lr=lm_lr)
        self.value_opt = torch.optim.AdamW(agent.critic.parameters(), lr=critic_lr)
        self.ce = torch.nn.CrossEntropyLoss()
        self.smooth_l1 = torch.nn.SmoothL1Loss(reduction='none')
        self.gamma = gamma
        self.step = 0
        self.max_grad_norm = max_grad_norm
        self.accelerator = accelerator
        self.softmax = torch.nn.Softmax(dim=-1)
        self.critic_epochs = critic_epochs

    def critic_loss(self, observation, action, reward, next_observation, done, mc_return, validation=False, **kwargs):
        dev = self.accelerator[0].unwrap_model(self.agent.critic).device
        mc_return = torch.Tensor(mc_return).to(dev).flatten()
        q1, q2 = self.agent.critic(observation, action, detach_model=False)
        nq1, nq2 = self.agent.critic(next_observation, action, detach_model=False)
        q1 = q1.reshape(-1, 2)
        q2 = q2.reshape(-1, 2)
        nq1 = nq1.reshape(-1, 2)
        nq2 = nq2.reshape(-1, 2)

        label = (mc_return > 0).long()
        q1_loss = self.ce(q1, label)
        q1_acc = (q1.argmax(dim=1) == label).float().mean()
        q2_loss = self.ce(q2, label)
        nq1_loss = self.ce(nq1, label)
        nq2_loss = self.ce(nq2, label)
        if not validation:
            self.accelerator[0].backward(q1_loss + q2_loss + nq1_loss + nq2_loss)
        q1_loss, q2_loss = q1_loss.detach().cpu(), q2_loss.detach().cpu()
        q1_acc = q1_acc.detach().cpu()
        info = {"q1.loss": q1_loss,
                "q2.loss": q2_loss,
                "q1.acc": q1_acc,
                "q1.mean": torch.mean(q1),
                "q1.max": torch.max(q1),
                "q2.mean": torch.mean(q2)}
        return info

    def actor_loss(self, observation, action, next_observation, mc_return, reward, validation=False, **kwargs):
        dev = self.accelerator[1].unwrap_model(self.agent.model).device
        mc_return = torch.Tensor(mc_return).to(dev).flatten()
        reward = torch.Tensor(reward).to(dev).flatten()
        with torch.no_grad():
            q1, q2 = self.agent.critic(observation, action, detach_model=False)
            nq1, nq2 = self.agent.critic(next_observation, action, detach_model=False)
            q1 = self.softmax(q1)[:, 1]
            q2 = self.softmax(q2)[:, 1]
            nq1 = self.softmax(nq1)[:, 1]
            nq2 = self.softmax(nq2)[:, 1]
            v = torch.minimum(q1, q2).flatten()
            nv = torch.minimum(nq1, nq2).flatten()
            adv = nv - v - 0.05 + reward + mc_return
            adv = torch.clamp(adv, -1, 1)

        log_prob, attn_mask = self.agent.get_log_prob(observation, action)
        ref_log_prob = self.agent.get_log_prob_ref(observation, action).to(log_prob.device)
        adv = torch.where(adv >= 0, torch.tensor(1.0), torch.tensor(-0.6)).to(log_prob.device)
        log_ratio = (log_prob.sum(dim=1) - ref_log_prob.sum(dim=1)) / attn_mask.sum()
        loss = self.smooth_l1(log_ratio, adv)
        loss = (loss * (adv > 0).to(loss.dtype)).mean()
        if not validation:
            self.accelerator[1].backward(loss)
        return {"pg.loss": loss.detach().cpu().item()}

    def update_critic(self, replay_buffer):
        data = [replay_buffer.get(i) for i in range(len(replay_buffer))]
        for d in data:
            for k, v in d.items():
                d[k] = v[0]
        loader = DataLoader(DummyDataset(data), batch_size=replay_buffer.batch_size)
        steps_per_epoch = math.ceil(len(loader) / self.accelerator[0].gradient_accumulation_steps)
        max_steps = self.critic_epochs * steps_per_epoch
        self.agent.critic, self.value_opt, loader = self.accelerator[0].prepare(self.agent.critic, self.value_opt, loader)
        bar = tqdm(range(max_steps))
        info = {}
        for _ in range(self.critic_epochs):
            infos = []
            for batch in loader:
                with self.accelerator[0].accumulate(self.agent.critic):
                    infos.append(self.critic_loss(**batch))
                    self.accelerator[0].clip_grad_norm_(self.agent.critic.parameters(), self.max_grad_norm)
                    self.value_opt.step()
                    self.value_opt.zero_grad()
                if self.accelerator[0].sync_gradients:
                    self.step += 1
                    bar.update(1)
                    info.update(mean_of_dicts(infos))
                    infos = []
        return info
