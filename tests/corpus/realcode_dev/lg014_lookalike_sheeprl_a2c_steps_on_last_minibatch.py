"""look-alike [LG014]: an A2C update sums the gradients of every minibatch of the collected rollout (zero_grad once before the loop) and steps the optimizer on the last minibatch only, through a flag `i < len(sampler) - 1`; the outer loop calls the update once per rollout, so the gradients are cleared before every step."""
# Source: https://github.com/Eclectic-Sheep/sheeprl sheeprl/algos/a2c/a2c.py (train and main) at
# 33b636681fd8b5340b284f2528db8821ab8dcd0b (a false alarm of the round-17 survey: the step under
# `if not is_accumulating:` was read as a step on every iteration); re-typed, names changed, reduced. Correct code.
import torch
from torch.utils.data import BatchSampler, RandomSampler


def policy_loss(logprobs, advantages):
    return -(logprobs * advantages).mean()


def value_loss(values, returns):
    return torch.nn.functional.mse_loss(values, returns)


def update(agent, optimizer, data, batch_size, vf_coef, ent_coef, max_grad_norm):
    indexes = list(range(next(iter(data.values())).shape[0]))
    sampler = BatchSampler(RandomSampler(indexes), batch_size=batch_size, drop_last=False)
    optimizer.zero_grad(set_to_none=True)
    for i, idx in enumerate(sampler):
        batch = {k: v[idx] for k, v in data.items()}
        accumulating = i < len(sampler) - 1
        logprobs, entropy, values = agent(batch["obs"], batch["actions"])
        pg = policy_loss(logprobs, batch["advantages"])
        vf = value_loss(values, batch["returns"])
        loss = pg + vf_coef * vf - ent_coef * entropy.mean()
        loss.backward()
        if not accumulating:
            if max_grad_norm > 0.0:
                torch.nn.utils.clip_grad_norm_(agent.parameters(), max_grad_norm)
            optimizer.step()


def main(agent, envs, collect, total_iters, cfg):
    optimizer = torch.optim.Adam(agent.parameters(), lr=cfg.lr)
    for _ in range(total_iters):
        data = collect(agent, envs, cfg.rollout_steps)
        update(agent, optimizer, data, cfg.batch_size, cfg.vf_coef, cfg.ent_coef, cfg.max_grad_norm)
