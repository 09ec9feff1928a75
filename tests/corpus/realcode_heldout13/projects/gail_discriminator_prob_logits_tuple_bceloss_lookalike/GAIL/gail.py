"""part of look-alike project [LG002, LG003, LG016]: the discriminator update unpacks (prob, logits), gives the probabilities to nn.BCELoss against ones_like/zeros_like targets, and uses the logits only for an entropy bonus written with logsigmoid; the reward is computed from the probabilities under no_grad."""
# Source: RITCHIEHuang/DeepRL_Algorithms@d7c68bd0ddade05836c6c0c031b3ae45e1c8d44b Algorithms/pytorch/GAIL/gail.py (read as is; re-typed, identifiers renamed, cut to the discriminator construction and update; the PPO generator update and the logging shortened)
import torch
import torch.nn as nn
import torch.optim as optim

from Models.Discriminator import Discriminator


class GAIL:
    def __init__(self, config, dim_state, dim_action, expert_dataset, device):
        self.config = config
        self.device = device
        self.expert_dataset = expert_dataset
        self.discriminator = Discriminator(dim_state=dim_state, dim_action=dim_action,
                                           dim_hidden=config["discriminator"]["dim_hidden"])
        self.discriminator_func = nn.BCELoss()
        self.optimizer_discriminator = optim.Adam(self.discriminator.parameters(),
                                                  lr=config["discriminator"]["learning_rate"])

    def update_discriminator(self, writer, i_iter, gen_state, gen_action):
        self.discriminator.train()
        n_steps = self.config["train"]["discriminator"]["optim_step"]
        if i_iter % n_steps == 0:
            for step, (exp_state, exp_action) in enumerate(self.expert_dataset.train_loader):
                if step >= n_steps:
                    break
                gen_prob, gen_logits = self.discriminator(gen_state, gen_action)
                exp_prob, exp_logits = self.discriminator(exp_state.to(self.device), exp_action.to(self.device))
                gen_acc = torch.mean((gen_prob < 0.5).float())
                exp_labels = torch.ones_like(exp_prob)
                gen_labels = torch.zeros_like(gen_prob)
                e_loss = self.discriminator_func(exp_prob, target=exp_labels)
                g_loss = self.discriminator_func(gen_prob, target=gen_labels)
                d_loss = e_loss + g_loss
                logits = torch.cat([gen_logits, exp_logits], 0)
                entropy = ((1. - torch.sigmoid(logits)) * logits - torch.nn.functional.logsigmoid(logits)).mean()
                total_loss = d_loss - self.config["train"]["discriminator"]["ent_coeff"] * entropy
                self.optimizer_discriminator.zero_grad()
                total_loss.backward()
                self.optimizer_discriminator.step()
            writer.add_scalar('discriminator/d_loss', d_loss.item(), i_iter)
            writer.add_scalar('discriminator/gen_acc', gen_acc.item(), i_iter)

    def rewards(self, gen_state, gen_action):
        with torch.no_grad():
            d_out, _ = self.discriminator(gen_state, gen_action)
            return -torch.log(1 - d_out + 1e-6)
