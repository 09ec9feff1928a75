"""positive [LG010]: ACER's trust-region step computes F.kl_div(distribution.log(), ref_distribution, size_average=False) between the policy and the average policy; the per-time-step policy and value losses are summed inside one _train call and back-propagated once."""
# Source: https://github.com/Kaixhin/ACER train.py at 5b7ca5d75bf16629ddaf68ecab4ab6c7dcccf56c
# (issue #6 "KL Divergence", closed by 11eb611 "Fix direction of KL divergence", which kept size_average=False);
# re-typed, names changed, reduced (the acting loop and the episodic memory left out).
import math
import random

import torch
from torch import nn
from torch.nn import functional as F


def _transfer_grads_to_shared_model(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


def _update_networks(args, T, model, shared_model, shared_average_model, loss, optimiser):
    optimiser.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm(model.parameters(), args.max_gradient_norm)
    _transfer_grads_to_shared_model(model, shared_model)
    optimiser.step()
    for shared_param, avg_param in zip(shared_model.parameters(), shared_average_model.parameters()):
        avg_param = args.trust_region_decay * avg_param + (1 - args.trust_region_decay) * shared_param


def _trust_region_loss(model, distribution, ref_distribution, loss, threshold):
    model.zero_grad()
    loss.backward(retain_graph=True)
    g = [param.grad.data.clone() for param in model.parameters() if param.grad is not None]
    model.zero_grad()

    kl = F.kl_div(distribution.log(), ref_distribution, size_average=False)  # expect: LG010
    (-kl).backward(retain_graph=True)
    k = [param.grad.data.clone() for param in model.parameters() if param.grad is not None]
    model.zero_grad()

    k_dot_g = sum(torch.sum(k_p * g_p) for k_p, g_p in zip(k, g))
    k_dot_k = sum(torch.sum(k_p ** 2) for k_p in k)
    if k_dot_k.item() > 0:
        trust_factor = ((k_dot_g - threshold) / k_dot_k).clamp(min=0)
    else:
        trust_factor = torch.zeros(1)
    z_star = [g_p - trust_factor.expand_as(k_p) * k_p for g_p, k_p in zip(g, k)]
    trust_loss = 0
    for param, z_p in zip(model.parameters(), z_star):
        trust_loss += (param * z_p).sum()
    return trust_loss


def _train(args, T, model, shared_model, shared_average_model, optimiser, policies, Qs, Vs, actions, rewards, Qret,
           average_policies, old_policies=None):
    off_policy = old_policies is not None
    action_size = policies[0].size(1)
    policy_loss, value_loss = 0, 0

    t = len(rewards)
    for i in reversed(range(t)):
        if off_policy:
            rho = policies[i].detach() / old_policies[i]
        else:
            rho = torch.ones(1, action_size)
        Qret = rewards[i] + args.discount * Qret
        A = Qret - Vs[i]
        log_prob = policies[i].gather(1, actions[i]).log()
        step_policy_loss = -(rho.gather(1, actions[i]).clamp(max=args.trace_max) * log_prob * A.detach()).mean(0)
        if off_policy:
            bias_weight = (1 - args.trace_max / rho).clamp(min=0) * policies[i]
            step_policy_loss -= (bias_weight * policies[i].log() * (Qs[i].detach() - Vs[i].expand_as(Qs[i]).detach())).sum(1).mean(0)
        if args.trust_region:
            policy_loss += _trust_region_loss(model, policies[i], average_policies[i], step_policy_loss, args.trust_region_threshold)
        else:
            policy_loss += step_policy_loss
        policy_loss -= args.entropy_weight * -(policies[i].log() * policies[i]).sum(1).mean(0)

        Q = Qs[i].gather(1, actions[i])
        value_loss += ((Qret - Q) ** 2 / 2).mean(0)
        truncated_rho = rho.gather(1, actions[i]).clamp(max=1)
        Qret = truncated_rho * (Qret - Q.detach()) + Vs[i].detach()

    _update_networks(args, T, model, shared_model, shared_average_model, policy_loss + value_loss, optimiser)
