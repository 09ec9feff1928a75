"""look-alike [LG018]: the same MelGAN loop at the fix: each optimizer is cleared right before its own loss is back-propagated (and after its step), so the discriminator's step applies its own loss alone."""

# Source: DigitalPhonetics/IMS-Toucan@faf76ef1fb PipelineMelGAN_CSS10.py (the fix commit; cut, renamed)
import torch
from adabound import AdaBound
from torch.utils.data.dataloader import DataLoader

from MelGAN.MultiResolutionSTFTLoss import MultiResolutionSTFTLoss


def train_loop(batchsize=16, epochs=10, generator=None, discriminator=None, train_dataset=None, device=None, generator_warmup_steps=200000):
    train_losses = {"adversarial": [], "generator_total": [], "discriminator_mse": []}
    step_counter = 0
    criterion = MultiResolutionSTFTLoss().to(device)
    discriminator_criterion = torch.nn.MSELoss().to(device)
    g = generator.to(device)
    d = discriminator.to(device)
    g.train()
    d.train()
    optimizer_g = AdaBound(g.parameters())
    optimizer_d = AdaBound(d.parameters())
    train_loader = DataLoader(dataset=train_dataset, batch_size=batchsize, shuffle=True, drop_last=True)
    for epoch in range(epochs):
        optimizer_g.zero_grad()
        optimizer_d.zero_grad()
        for datapoint in train_loader:
            step_counter += 1
            gold_wave = datapoint[0].to(device)
            melspec = datapoint[1].to(device)
            pred_wave = g(melspec)
            spectral_loss, magnitude_loss = criterion(pred_wave.squeeze(1), gold_wave)
            if step_counter > generator_warmup_steps:
                d_outs = d(pred_wave)
                adversarial_loss = 0.0
                for i in range(len(d_outs)):
                    adversarial_loss += discriminator_criterion(d_outs[i][-1], d_outs[i][-1].new_ones(d_outs[i][-1].size()))
                adversarial_loss /= len(d_outs)
                train_losses["adversarial"].append(float(adversarial_loss))
                generator_total_loss = spectral_loss + magnitude_loss + adversarial_loss
            else:
                train_losses["adversarial"].append(0.0)
                generator_total_loss = spectral_loss + magnitude_loss
            train_losses["generator_total"].append(float(generator_total_loss))
            optimizer_g.zero_grad()
            generator_total_loss.backward()
            optimizer_g.step()
            optimizer_g.zero_grad()

            if step_counter > generator_warmup_steps:
                new_pred = g(melspec).detach()
                fake_loss = 0.0
                d_outs = d(new_pred)
                for i in range(len(d_outs)):
                    fake_loss += discriminator_criterion(d_outs[i][-1], d_outs[i][-1].new_zeros(d_outs[i][-1].size()))
                fake_loss /= len(d_outs)
                real_loss = 0.0
                d_outs = d(gold_wave.unsqueeze(1))
                for i in range(len(d_outs)):
                    real_loss += discriminator_criterion(d_outs[i][-1], d_outs[i][-1].new_ones(d_outs[i][-1].size()))
                real_loss /= len(d_outs)
                discriminator_mse_loss = fake_loss + real_loss
                train_losses["discriminator_mse"].append(float(discriminator_mse_loss))
                optimizer_d.zero_grad()
                discriminator_mse_loss.backward()
                optimizer_d.step()
                optimizer_d.zero_grad()
            else:
                train_losses["discriminator_mse"].append(0.0)
    return g, d
