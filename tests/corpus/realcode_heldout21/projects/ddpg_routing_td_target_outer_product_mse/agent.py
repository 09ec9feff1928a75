"""part of positive project [LG005]: critic_learn concatenates the replayed (1,)-shaped terminal bits and rewards into (batch,) vectors and multiplies them with the target critic's (batch, 1) output, so the TD target q becomes (batch, batch) before it meets the (batch, 1) prediction in CriticNetLoss."""
# Source: Jona240/DDPG-Routing-Test at 132d3372 (read as is; issue #1 posts the resulting warning "Using a target size (torch.Size([3, 3])) that is different to the input size (torch.Size([3, 1]))"), agent.py;
# re-typed, identifiers renamed; the Chinese comments translated or cut, the actor update kept.
import torch

from net import ActionNet, CriticNet
from net import ActorNetLoss, CriticNetLoss


class Agent:
    def __init__(self):
        self.gamma = 0.8
        self.tau_actor, self.tau_critic = 0.1, 0.1
        self.batch_size = 32
        self.actor_net = ActionNet()
        self.actor_net_now = ActionNet()
        self.actor_net_loss = ActorNetLoss()
        self.actor_optimizer = None
        self.critic_net = CriticNet()
        self.critic_net_now = CriticNet()
        self.critic_net_loss = CriticNetLoss()
        self.critic_optimizer = None
        self.experience_playback = {"state": [], "action": [], "next_state": [], "reward": [], "is_terminal": []}

    @staticmethod
    def update_now_net2target_net(model_now, model, soft_update):
        now_sd = model_now.state_dict()
        tgt_sd = model.state_dict()
        model.load_state_dict({k: now_sd[k] * soft_update + tgt_sd[k] * (1 - soft_update) for k in tgt_sd})

    def critic_learn(self, batch_size, retain_graph=False, gpu_list=""):
        if len(self.experience_playback["state"]) < batch_size:
            batch_size = len(self.experience_playback["state"])
        s_b = torch.cat(tuple(self.experience_playback["state"][-batch_size:]), 0)
        s2_b = torch.cat(tuple(self.experience_playback["next_state"][-batch_size:]), 0)
        a2_b = self.actor_net(s2_b)
        a_b = torch.cat(tuple(self.experience_playback["action"][-batch_size:]), 0)
        r_b = torch.cat(tuple(self.experience_playback["reward"][-batch_size:]), 0)
        nt_b = torch.cat(tuple(self.experience_playback["is_terminal"][-batch_size:]), 0)
        next_q = self.critic_net(torch.cat((s2_b, a2_b), 1))
        gamma_b = torch.Tensor([self.gamma]).repeat(batch_size)
        if not gpu_list == "":
            gamma_b = gamma_b.cuda()
            nt_b = nt_b.cuda()
            r_b = r_b.cuda()
        # q = r + not_terminal * next_q * gamma
        q = nt_b * next_q
        q = q * gamma_b
        q = q + r_b
        sa_b = torch.cat((s_b, a_b), 1)
        self.critic_optimizer.zero_grad()
        q = q.detach()
        sa_b = sa_b.detach()
        critic_q = self.critic_net_now(sa_b)
        critic_loss = self.critic_net_loss(critic_q, q)
        critic_loss.backward(retain_graph=retain_graph)
        self.critic_optimizer.step()
        return critic_loss

    def actor_learn(self, batch_size, retain_graph=False, gpu_list=""):
        s_b = torch.cat(tuple(self.experience_playback["state"][-batch_size:]), 0)
        self.actor_optimizer.zero_grad()
        a_b = self.actor_net_now(s_b)
        critic_q = self.critic_net_now(torch.cat((s_b, a_b), 1))
        actor_loss = self.actor_net_loss(critic_q)
        actor_loss.backward(retain_graph=retain_graph)
        self.actor_optimizer.step()
        return actor_loss

    @staticmethod
    def state2actor_tensor(state, gpu_list):
        l_p = state[1]
        cm = state[2].reshape(1, -1)[0]
        cm_w = state[3].reshape(1, -1)[0]
        x = []
        [x.append(v) for v in cm]
        [x.append(v) for v in cm_w]
        x.append(l_p)
        x = torch.Tensor(x).unsqueeze(0)
        if not gpu_list == "":
            x = x.cuda()
        return x
