"""positive [LG018]: S3Diff's one-step super-resolution loop under accelerate back-propagates the generator's GAN loss through the discriminator, and the discriminator's optimizer is cleared only after each of its own steps, so its first step of the iteration also applies the generator's objective."""
# Source: ArcticHare105/S3Diff at 6a2e0a47 (read as is; issue #25 "Some wrong in gan loss" says loss_g reaches the
# discriminator's gradients), src/train_s3diff.py; re-typed, identifiers renamed; argument parsing, the LoRA layer
# list (the block embeddings and MLPs) shortened, the degradation estimator's loading, validation, checkpointing and logging shortened
# (parse_args_paired_training, PairedDataset, degradation_proc, S3Diff, DEResNet as in the source's modules).
import lpips
import torch
import torch.nn.functional as F
from accelerate import Accelerator
from diffusers.optimization import get_scheduler

from de_net import DEResNet
from my_utils.training_utils import PairedDataset, degradation_proc, parse_args_paired_training
from s3diff import S3Diff


def main(args, config):
    accelerator = Accelerator(gradient_accumulation_steps=args.gradient_accumulation_steps,
                              mixed_precision=args.mixed_precision)
    sr_net = S3Diff(lora_rank_unet=args.lora_rank_unet, lora_rank_vae=args.lora_rank_vae, sd_path=args.sd_path,
                    pretrained_path=args.pretrained_path)
    sr_net.set_train()
    deg_net = DEResNet(num_in_ch=3, num_degradation=2)
    deg_net.load_model(args.de_net_path)
    deg_net.eval()

    if args.gan_disc_type == "vagan":
        import vision_aided_loss
        disc = vision_aided_loss.Discriminator(cv_type='dino', output_type='conv_multi_level',
                                               loss_type=args.gan_loss_type, device="cuda")
    else:
        raise NotImplementedError(f"Discriminator type {args.gan_disc_type} not implemented")
    disc = disc.cuda()
    disc.requires_grad_(True)
    disc.cv_ensemble.requires_grad_(False)
    disc.train()

    perceptual = lpips.LPIPS(net='vgg').cuda()
    perceptual.requires_grad_(False)

    trainable = list(sr_net.vae_de_mlp.parameters()) + list(sr_net.unet_de_mlp.parameters())
    for name, param in sr_net.unet.named_parameters():
        if "lora" in name:
            trainable.append(param)
    for name, param in sr_net.vae.named_parameters():
        if "lora" in name:
            trainable.append(param)
    opt_sr = torch.optim.AdamW(trainable, lr=args.learning_rate, betas=(args.adam_beta1, args.adam_beta2),
                               weight_decay=args.adam_weight_decay, eps=args.adam_epsilon)
    sched_sr = get_scheduler(args.lr_scheduler, optimizer=opt_sr,
                             num_warmup_steps=args.lr_warmup_steps * accelerator.num_processes,
                             num_training_steps=args.max_train_steps * accelerator.num_processes)
    opt_disc = torch.optim.AdamW(disc.parameters(), lr=args.learning_rate, betas=(args.adam_beta1, args.adam_beta2),
                                 weight_decay=args.adam_weight_decay, eps=args.adam_epsilon)
    sched_disc = get_scheduler(args.lr_scheduler, optimizer=opt_disc,
                               num_warmup_steps=args.lr_warmup_steps * accelerator.num_processes,
                               num_training_steps=args.max_train_steps * accelerator.num_processes)

    train_set = PairedDataset(config.train)
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.train_batch_size, shuffle=True,
                                               num_workers=args.dataloader_num_workers)

    sr_net, disc, opt_sr, opt_disc, train_loader, sched_sr, sched_disc = accelerator.prepare(
        sr_net, disc, opt_sr, opt_disc, train_loader, sched_sr, sched_disc
    )
    deg_net, perceptual = accelerator.prepare(deg_net, perceptual)

    step_count = 0
    for epoch in range(0, args.num_training_epochs):
        for step, batch in enumerate(train_loader):
            with accelerator.accumulate(*[sr_net, disc]):
                lq, hq, lq_full = degradation_proc(config, batch, accelerator.device)
                n = lq.shape[0]
                with torch.no_grad():
                    deg = deg_net(lq_full.detach()).detach()

                pos_prompts = [args.pos_prompt for _ in range(n)]
                neg_prompts = [args.neg_prompt for _ in range(n)]
                coin = torch.rand(n).to(accelerator.device)
                prompts = [neg if c < args.neg_prob else pos for neg, pos, c in zip(neg_prompts, pos_prompts, coin)]
                coin = coin.reshape(n, 1, 1, 1)
                target = torch.where(coin < args.neg_prob, lq, hq)

                pred = sr_net(lq.detach(), deg, prompts)
                rec_l2 = F.mse_loss(pred.float(), target.detach().float(), reduction="mean") * args.lambda_l2
                rec_lp = perceptual(pred.float(), target.detach().float()).mean() * args.lambda_lpips
                rec = rec_l2 + rec_lp
                accelerator.backward(rec, retain_graph=False)
                if accelerator.sync_gradients:
                    accelerator.clip_grad_norm_(trainable, args.max_grad_norm)
                opt_sr.step()
                sched_sr.step()
                opt_sr.zero_grad(set_to_none=args.set_grads_to_none)

                # generator: fool the discriminator
                pred = sr_net(lq.detach(), deg, pos_prompts)
                adv_g = disc(pred, for_G=True).mean() * args.lambda_gan
                accelerator.backward(adv_g)
                if accelerator.sync_gradients:
                    accelerator.clip_grad_norm_(trainable, args.max_grad_norm)
                opt_sr.step()
                sched_sr.step()
                opt_sr.zero_grad(set_to_none=args.set_grads_to_none)

                # discriminator: real, then fake
                adv_real = disc(hq.detach(), for_real=True).mean() * args.lambda_gan
                accelerator.backward(adv_real.mean())
                if accelerator.sync_gradients:
                    accelerator.clip_grad_norm_(disc.parameters(), args.max_grad_norm)
                opt_disc.step()  # expect: LG018
                sched_disc.step()
                opt_disc.zero_grad(set_to_none=args.set_grads_to_none)
                adv_fake = disc(pred.detach(), for_real=False).mean() * args.lambda_gan
                accelerator.backward(adv_fake.mean())
                if accelerator.sync_gradients:
                    accelerator.clip_grad_norm_(disc.parameters(), args.max_grad_norm)
                opt_disc.step()
                opt_disc.zero_grad(set_to_none=args.set_grads_to_none)
                adv_d = adv_real + adv_fake

            if accelerator.sync_gradients:
                step_count += 1
                logs = {"loss_d": adv_d.detach().item(), "loss_g": adv_g.detach().item(),
                        "loss_l2": rec_l2.detach().item(), "loss_lpips": rec_lp.detach().item()}
                accelerator.log(logs, step=step_count)
            if step_count >= args.max_train_steps:
                break


if __name__ == "__main__":
    from omegaconf import OmegaConf

    cli = parse_args_paired_training()
    main(cli, OmegaConf.load(cli.base_config))
