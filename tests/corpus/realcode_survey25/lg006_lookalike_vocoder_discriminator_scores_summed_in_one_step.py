"""look-alike [LG006, LG018]: a GAN vocoder sums the least-squares terms of every sub-discriminator into `score_loss` and `loss_d`, both reset to 0.0 in each batch; the generator's backward reaches the discriminator, whose gradients are cleared before its own backward."""

# Source: mindslab-ai/univnet@9bb2b54 utils/train.py (re-typed, renamed, cut to the training step)
import torch


def train_epoch(gen, disc, stft_criterion, optim_g, optim_d, loader, noise_dim, batch_size, stft_weight, device):
    for mel, audio in loader:
        mel, audio = mel.to(device), audio.to(device)
        noise = torch.randn(batch_size, noise_dim, mel.size(2)).to(device)

        optim_g.zero_grad()
        fake = gen(mel, noise)
        sc_loss, mag_loss = stft_criterion(fake.squeeze(1), audio.squeeze(1))
        stft_loss = (sc_loss + mag_loss) * stft_weight
        res_fake, period_fake = disc(fake)
        score_loss = 0.0
        for _, score_fake in res_fake + period_fake:
            score_loss += torch.mean(torch.pow(score_fake - 1.0, 2))
        score_loss = score_loss / len(res_fake + period_fake)
        loss_g = score_loss + stft_loss
        loss_g.backward()
        optim_g.step()

        optim_d.zero_grad()
        res_fake, period_fake = disc(fake.detach())
        res_real, period_real = disc(audio)
        loss_d = 0.0
        for (_, score_fake), (_, score_real) in zip(res_fake + period_fake, res_real + period_real):
            loss_d += torch.mean(torch.pow(score_real - 1.0, 2))
            loss_d += torch.mean(torch.pow(score_fake, 2))
        loss_d = loss_d / len(res_fake + period_fake)
        loss_d.backward()
        optim_d.step()

        print(loss_g.item(), loss_d.item())
