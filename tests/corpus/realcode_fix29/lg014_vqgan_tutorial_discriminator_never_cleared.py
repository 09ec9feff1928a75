"""positive [LG014]: a VQ-GAN tutorial script clears the autoencoder's optimizer every batch (`optimizer_g.zero_grad(set_to_none=True)`) but never the discriminator's: `optimizer_d` steps on the sum of every batch's discriminator gradients so far (the fix adds `optimizer_d.zero_grad(set_to_none=True)` before the discriminator's loss)."""

# Source: Project-MONAI/GenerativeModels@f135d75418 tutorials/generative/2d_vqgan/2d_vqgan_tutorial.py, fixed in cfbcc67bb0 ("Add zero_grad and update networks") (cut, renamed)
import time

import torch
from generative.losses.adversarial_loss import PatchAdversarialLoss
from generative.losses.perceptual import PerceptualLoss
from generative.networks.nets import VQVAE
from generative.networks.nets.patchgan_discriminator import PatchDiscriminator
from monai.data import DataLoader
from torch.nn import L1Loss
from tqdm import tqdm

train_loader = DataLoader(train_ds, batch_size=16, shuffle=True, num_workers=4)
val_loader = DataLoader(val_ds, batch_size=16, shuffle=False, num_workers=4)
device = torch.device("cuda")

autoencoder = VQVAE(
    spatial_dims=2,
    in_channels=1,
    out_channels=1,
    num_res_layers=2,
    num_levels=2,
    num_channels=256,
    num_embeddings=256,
    embedding_dim=32,
)
autoencoder.to(device)
critic = PatchDiscriminator(spatial_dims=2, num_layers_d=3, num_channels=64, in_channels=1, out_channels=1, norm="BATCH")
critic.to(device)
perceptual = PerceptualLoss(spatial_dims=2, network_type="alex")
perceptual.to(device)

optimizer_g = torch.optim.Adam(params=autoencoder.parameters(), lr=1e-4)
optimizer_d = torch.optim.Adam(params=critic.parameters(), lr=5e-4)
l1_loss = L1Loss()
adv_loss = PatchAdversarialLoss(criterion="least_squares")
adv_weight = 0.01
perceptual_weight = 0.001

n_epochs = 100
val_interval = 10
recon_history, gen_history, disc_history = [], [], []
start = time.time()
for epoch in range(n_epochs):
    autoencoder.train()
    critic.train()
    recon_sum = 0
    gen_sum = 0
    disc_sum = 0
    progress = tqdm(enumerate(train_loader), total=len(train_loader), ncols=110)
    for step, batch in progress:
        images = batch["image"].to(device)
        optimizer_g.zero_grad(set_to_none=True)

        reconstruction, quantization_loss = autoencoder(images=images)
        logits_fake = critic(reconstruction.contiguous().float())[-1]
        recons_loss = l1_loss(reconstruction.float(), images.float())
        p_loss = perceptual(reconstruction.float(), images.float())
        generator_loss = adv_loss(logits_fake, target_is_real=True, for_discriminator=False)
        loss_g = recons_loss + quantization_loss + perceptual_weight * p_loss + adv_weight * generator_loss
        loss_g.backward()
        optimizer_g.step()

        logits_fake = critic(reconstruction.contiguous().detach())[-1]
        loss_d_fake = adv_loss(logits_fake, target_is_real=False, for_discriminator=True)
        logits_real = critic(images.contiguous().detach())[-1]
        loss_d_real = adv_loss(logits_real, target_is_real=True, for_discriminator=True)
        discriminator_loss = (loss_d_fake + loss_d_real) * 0.5
        loss_d = adv_weight * discriminator_loss
        loss_d.backward()
        optimizer_d.step()  # expect: LG014

        recon_sum += recons_loss.item()
        gen_sum += generator_loss.item()
        disc_sum += discriminator_loss.item()
        progress.set_postfix({"recons_loss": recon_sum / (step + 1), "disc_loss": disc_sum / (step + 1)})
    recon_history.append(recon_sum / (step + 1))
    gen_history.append(gen_sum / (step + 1))
    disc_history.append(disc_sum / (step + 1))

    if (epoch + 1) % val_interval == 0:
        autoencoder.eval()
        val_loss = 0
        with torch.no_grad():
            for val_step, batch in enumerate(val_loader, start=1):
                images = batch["image"].to(device)
                reconstruction, quantization_loss = autoencoder(images=images)
                val_loss += l1_loss(reconstruction.float(), images.float()).item()
        val_loss /= val_step
print(f"train completed, total time: {time.time() - start}.")
