"""positive [LG006]: VocGAN's training loop back-propagates loss_g, which includes the adversarial term adv_loss (a sum of MSELoss calls on the discriminator's scores), then appends adv_loss itself to avg_adv_loss every step, keeping each step's graph for the epoch."""
# Source: https://github.com/rishikksh20/VocGAN utils/train.py at 784d18e68bcefea895be9ba0d1b7774aced05548, the parent of
# 5c5b5c85cd39fba9b7d5c44d8225a5662f9495fc ("Fix bug": add ".item()" to adv_loss, pull request #24); re-typed, names
# changed, reduced (checkpoint resume and saving left out).
import itertools
import math

import torch
import tqdm

from model.generator import ModifiedGenerator
from model.multiscale import MultiScaleDiscriminator
from .validation import validate
from utils.stft_loss import MultiResolutionSTFTLoss


def train(args, pt_dir, chkpt_path, trainloader, valloader, writer, logger, hp, hp_str):
    model_g = ModifiedGenerator(hp.audio.n_mel_channels, hp.model.n_residual_layers, ratios=hp.model.generator_ratio, mult=hp.model.mult, out_band=hp.model.out_channels).cuda()
    model_d = MultiScaleDiscriminator().cuda()
    optim_g = torch.optim.Adam(model_g.parameters(), lr=hp.train.adam.lr, betas=(hp.train.adam.beta1, hp.train.adam.beta2))
    optim_d = torch.optim.Adam(model_d.parameters(), lr=hp.train.adam.lr, betas=(hp.train.adam.beta1, hp.train.adam.beta2))
    init_epoch = -1
    step = 0
    torch.backends.cudnn.benchmark = True

    model_g.train()
    model_d.train()
    stft_loss = MultiResolutionSTFTLoss()
    criterion = torch.nn.MSELoss().cuda()

    for epoch in itertools.count(init_epoch + 1):
        if epoch % hp.log.validation_interval == 0:
            with torch.no_grad():
                validate(hp, args, model_g, model_d, valloader, stft_loss, criterion, writer, step)

        trainloader.dataset.shuffle_mapping()
        loader = tqdm.tqdm(trainloader, desc='Loading train data')
        avg_g_loss = []
        avg_d_loss = []
        avg_adv_loss = []
        for (melG, audioG), (melD, audioD) in loader:
            melG = melG.cuda()
            audioG = audioG.cuda()
            melD = melD.cuda()
            audioD = audioD.cuda()
            # generator
            optim_g.zero_grad()
            fake_audio = model_g(melG)
            fake_audio = fake_audio[:, :, :hp.audio.segment_length]

            sc_loss, mag_loss = stft_loss(fake_audio[:, :, :audioG.size(2)].squeeze(1), audioG.squeeze(1))
            loss_g = sc_loss + mag_loss

            adv_loss = 0.0
            if step > hp.train.discriminator_train_start_steps:
                disc_real = model_d(audioG)
                disc_fake = model_d(fake_audio)
                for feats_fake, score_fake in disc_fake:
                    adv_loss += criterion(score_fake, torch.ones_like(score_fake))
                adv_loss = adv_loss / len(disc_fake)
                if hp.model.feat_loss:
                    for (feats_fake, score_fake), (feats_real, _) in zip(disc_fake, disc_real):
                        for feat_f, feat_r in zip(feats_fake, feats_real):
                            adv_loss += hp.model.feat_match * torch.mean(torch.abs(feat_f - feat_r))
                loss_g += hp.model.lambda_adv * adv_loss

            loss_g.backward()
            optim_g.step()

            # discriminator
            loss_d_avg = 0.0
            if step > hp.train.discriminator_train_start_steps:
                fake_audio = model_g(melD)[:, :, :hp.audio.segment_length]
                fake_audio = fake_audio.detach()
                loss_d_sum = 0.0
                for _ in range(hp.train.rep_discriminator):
                    optim_d.zero_grad()
                    disc_fake = model_d(fake_audio)
                    disc_real = model_d(audioD)
                    loss_d = 0.0
                    loss_d_real = 0.0
                    loss_d_fake = 0.0
                    for (_, score_fake), (_, score_real) in zip(disc_fake, disc_real):
                        loss_d_real += criterion(score_real, torch.ones_like(score_real))
                        loss_d_fake += criterion(score_fake, torch.zeros_like(score_fake))
                    loss_d_real = loss_d_real / len(disc_real)
                    loss_d_fake = loss_d_fake / len(disc_fake)
                    loss_d = loss_d_real + loss_d_fake
                    loss_d.backward()
                    optim_d.step()
                    loss_d_sum += loss_d
                loss_d_avg = loss_d_sum / hp.train.rep_discriminator
                loss_d_avg = loss_d_avg.item()

            step += 1
            loss_g = loss_g.item()
            avg_g_loss.append(loss_g)
            avg_d_loss.append(loss_d_avg)
            avg_adv_loss.append(adv_loss)  # expect: LG006
            if any([loss_g > 1e8, math.isnan(loss_g), loss_d_avg > 1e8, math.isnan(loss_d_avg)]):
                logger.error("loss_g %.01f loss_d_avg %.01f at step %d!" % (loss_g, loss_d_avg, step))
                raise Exception("Loss exploded")
            if step % hp.log.summary_interval == 0:
                writer.log_training(loss_g, loss_d_avg, adv_loss, step)
                loader.set_description("Avg : g %.04f d %.04f ad %.04f| step %d" % (sum(avg_g_loss) / len(avg_g_loss), sum(avg_d_loss) / len(avg_d_loss), sum(avg_adv_loss) / len(avg_adv_loss), step))
