"""look-alike [LG014]: the same world-model training loop after the fix: opt.zero_grad() runs before the branch, so both the float32 step and the GradScaler (bfloat16) step start from cleared gradients."""
# Source: facebookresearch/nwm@7782ade33153cebcde6c3cf3b870675190d66d94 train.py (the fix "fix zero_grad bug", issue #16; re-typed, cut at function boundaries: the imports, update_ema and main(), with the checkpoint loading, dataset construction, logging details and checkpoint saving left out)
from collections import OrderedDict
from copy import deepcopy
from time import time

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler
from diffusers.models import AutoencoderKL

from distributed import init_distributed
from models import CDiT_models
from diffusion import create_diffusion


@torch.no_grad()
def update_ema(ema_model, model, decay=0.9999):
    ema_params = OrderedDict(ema_model.named_parameters())
    model_params = OrderedDict(model.named_parameters())
    for name, param in model_params.items():
        name = name.replace('_orig_mod.', '')
        ema_params[name].mul_(decay).add_(param.data, alpha=1 - decay)


def main(args, config, train_set):
    _, rank, device, _ = init_distributed()
    torch.manual_seed(args.global_seed * dist.get_world_size() + rank)

    vae = AutoencoderKL.from_pretrained("stabilityai/sd-vae-ft-ema").to(device)
    n_ctx = config['context_size']
    net = CDiT_models[config['model']](context_size=n_ctx, input_size=config['image_size'] // 8, in_channels=4).to(device)
    ema = deepcopy(net).to(device)
    for p in ema.parameters():
        p.requires_grad = False

    opt = torch.optim.AdamW(net.parameters(), lr=float(config.get('lr', 1e-4)), weight_decay=0)

    use_bf16 = bool(hasattr(args, 'bfloat16') and args.bfloat16)
    if use_bf16:
        scaler = torch.amp.GradScaler()

    start_epoch = 0
    train_steps = 0
    net = DDP(net, device_ids=[device])
    diffusion = create_diffusion(timestep_respacing="")

    sampler = DistributedSampler(train_set, num_replicas=dist.get_world_size(), rank=rank, shuffle=True, seed=args.global_seed)
    loader = DataLoader(train_set, batch_size=config['batch_size'], shuffle=False, sampler=sampler,
                        num_workers=config['num_workers'], pin_memory=True, drop_last=True)

    net.train()
    ema.eval()
    log_steps = 0
    running = 0
    t0 = time()

    for epoch in range(start_epoch, args.epochs):
        sampler.set_epoch(epoch)
        for frames, actions, rel_t in loader:
            frames = frames.to(device, non_blocking=True)
            actions = actions.to(device, non_blocking=True)
            rel_t = rel_t.to(device, non_blocking=True)

            with torch.amp.autocast('cuda', enabled=use_bf16, dtype=torch.bfloat16):
                with torch.no_grad():
                    B, T = frames.shape[:2]
                    z = vae.encode(frames.flatten(0, 1)).latent_dist.sample().mul_(0.18215)
                    z = z.unflatten(0, (B, T))

                n_goals = T - n_ctx
                z_start = z[:, n_ctx:].flatten(0, 1)
                z_cond = z[:, :n_ctx].unsqueeze(1).expand(B, n_goals, n_ctx, z.shape[2], z.shape[3], z.shape[4]).flatten(0, 1)
                actions = actions.flatten(0, 1)
                rel_t = rel_t.flatten(0, 1)

                t = torch.randint(0, diffusion.num_timesteps, (z_start.shape[0],), device=device)
                terms = diffusion.training_losses(net, z_start, t, dict(y=actions, x_cond=z_cond, rel_t=rel_t))
                loss = terms["loss"].mean()

            opt.zero_grad()
            if not use_bf16:
                loss.backward()
                opt.step()
            else:
                scaler.scale(loss).backward()
                if config.get('grad_clip_val', 0) > 0:
                    scaler.unscale_(opt)
                    torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=config['grad_clip_val'])
                scaler.step(opt)
                scaler.update()

            update_ema(ema, net.module)

            running += loss.detach().item()
            log_steps += 1
            train_steps += 1
            if train_steps % args.log_every == 0:
                torch.cuda.synchronize()
                avg = torch.tensor(running / log_steps, device=device)
                dist.all_reduce(avg, op=dist.ReduceOp.SUM)
                print(f"(step={train_steps:07d}) loss {avg.item() / dist.get_world_size():.4f}, {log_steps / (time() - t0):.2f} steps/s")
                running = 0
                log_steps = 0
                t0 = time()
