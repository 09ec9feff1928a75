"""part of positive project [LG002]: train_one_step picks the generator's reconstruction loss from config.g_reconstruct_loss (the example config sets "BCE") and calls torch.nn.BCELoss() on the generator's ReLU output against the 0/1 pianoroll; the adversarial losses are MSE or hinge on the discriminator's raw scores."""
# Source: KateSawada/conditional-musegan-pytorch at 296a9292 ("L1 and L2 work, BCE raises an error #29"; the parent of the fix
# deebc4f5), train.py; re-typed, identifiers renamed; MIDI loading, tensorboard and sample rendering cut, the
# gradient-penalty helper cut (disabled in the source). custom.py (the YAML config) is not included.
import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm

from model import create_generator_from_config
from model import Discriminator, Encoder
from custom import config


def discretize(x, threshold=0.5):
    threshold = torch.Tensor([threshold])
    if x.is_cuda:
        threshold = threshold.cuda()
    return (x > threshold).float()


def train_one_step(d_optimizer, g_optimizer, real_samples, generator, discriminator, batch_size, latent_dim, config, is_cuda, encoder=None):
    latent = torch.randn(batch_size, latent_dim)
    if is_cuda:
        real_samples = real_samples.cuda()
        latent = latent.cuda()

    conditioning = encoder is not None
    if conditioning:
        with torch.inference_mode():
            condition = encoder(real_samples)

    # discriminator
    d_optimizer.zero_grad()
    if conditioning:
        prediction_real = discriminator([real_samples, condition])
        fake_samples = generator([latent, condition])
    else:
        prediction_real = discriminator(real_samples)
        fake_samples = generator(latent)
    if config.loss == "mse":
        d_loss_real = F.mse_loss(prediction_real, prediction_real.new_ones(prediction_real.size()))
    elif config.loss == "hinge":
        d_loss_real = -torch.mean(torch.min(prediction_real - 1, prediction_real.new_zeros(prediction_real.size())))
    d_loss_real.backward()

    fake_binarized = discretize(fake_samples.detach())
    if conditioning:
        prediction_fake_d = discriminator([fake_binarized, condition])
    else:
        prediction_fake_d = discriminator(fake_binarized)
    if config.loss == "mse":
        d_loss_fake = F.mse_loss(prediction_fake_d, prediction_fake_d.new_zeros(prediction_fake_d.size()))
    elif config.loss == "hinge":
        d_loss_fake = -torch.mean(torch.min(-prediction_fake_d - 1, prediction_fake_d.new_zeros(prediction_fake_d.size())))
    d_loss_fake.backward()
    if config.discriminator_grad_norm > 0:
        torch.nn.utils.clip_grad_norm_(discriminator.parameters(), config.discriminator_grad_norm)
    d_optimizer.step()

    # generator
    g_optimizer.zero_grad()
    if conditioning:
        prediction_fake_g = discriminator([fake_samples, condition])
    else:
        prediction_fake_g = discriminator(fake_samples)
    if config.loss == "mse":
        g_loss = F.mse_loss(prediction_fake_g, prediction_fake_g.new_ones(prediction_fake_g.size()))
    elif config.loss == "hinge":
        g_loss = -prediction_fake_g.mean()
    g_loss.backward(retain_graph=True)

    if config.g_reconstruct_loss == "BCE":
        g_recon_loss_func = torch.nn.BCELoss()
    elif config.g_reconstruct_loss == "L2":
        g_recon_loss_func = torch.nn.MSELoss()
    elif config.g_reconstruct_loss == "L1":
        g_recon_loss_func = torch.nn.L1Loss()
    g_recon_loss = g_recon_loss_func(fake_samples, real_samples) * config.g_reconstruct_loss_weight  # expect: LG002
    g_recon_loss.backward()

    if config.generator_grad_norm > 0:
        torch.nn.utils.clip_grad_norm_(generator.parameters(), config.generator_grad_norm)
    g_optimizer.step()
    return d_loss_real + d_loss_fake, g_loss


def train(config):
    data = torch.as_tensor(np.load(config.train_data), dtype=torch.float32)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data), batch_size=config.batch_size, drop_last=True, shuffle=True)
    measure_resolution = 4 * config.beat_resolution
    discriminator = Discriminator(config.n_tracks, config.n_measures, measure_resolution, config.n_pitches, config.conditioning, config.conditioning_dim)
    generator = create_generator_from_config(config)
    d_optimizer = torch.optim.Adam(discriminator.parameters(), lr=0.001, betas=(0.5, 0.9))
    g_optimizer = torch.optim.Adam(generator.parameters(), lr=0.001, betas=(0.5, 0.9))
    encoder = None
    if config.conditioning:
        encoder = Encoder(config.n_tracks, config.n_measures, measure_resolution, config.n_pitches, config.conditioning_dim)
        encoder.load_state_dict(torch.load(config.conditioning_model_pth))
    is_cuda = torch.cuda.is_available()
    if is_cuda:
        discriminator = discriminator.cuda()
        generator = generator.cuda()
        if encoder is not None:
            encoder = encoder.cuda()
    step = 0
    progress_bar = tqdm(total=config.n_steps, initial=step, ncols=80, mininterval=1)
    while step < config.n_steps + 1:
        for real_samples in loader:
            generator.train()
            d_loss, g_loss = train_one_step(d_optimizer, g_optimizer, real_samples[0], generator, discriminator, config.batch_size, config.latent_dim, config, is_cuda, encoder)
            progress_bar.set_description_str("(d_loss={: 8.6f}, g_loss={: 8.6f})".format(d_loss, g_loss))
            step += 1
            progress_bar.update(1)
            if step >= config.n_steps:
                break


if __name__ == "__main__":
    train(config)
