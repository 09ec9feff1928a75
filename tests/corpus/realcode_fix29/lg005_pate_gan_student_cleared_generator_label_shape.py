"""positive [LG005]: the same PATE-CTGAN synthesizer at the fix: `optimizer_s.zero_grad()` now clears the student discriminator's gradients before each backward (its LG014 is gone, a look-alike of the parent), while the generator's cross-entropy loss still compares the discriminator's `(N, 1)` output with an `(N,)` label."""

# Source: opendp/smartnoise-sdk@ac9d82d8d7 sdk/opendp/whitenoise/synthesizers/pytorch/nn/patectgan.py ("bug fix - add zero grad to student loss") (cut, renamed)
import math

import numpy as np
import torch
from ctgan import CTGANSynthesizer
from ctgan.sampler import Sampler
from torch import optim
from torch.nn import Dropout, LeakyReLU, Linear, Module, Sequential, Sigmoid

from .privacy_utils import moments_acc, pate, weights_init


class Critic(Module):
    def __init__(self, input_dim, hidden_dims, loss, pack):
        super(Critic, self).__init__()
        dim = input_dim * pack
        self.pack = pack
        self.packdim = dim
        layers = []
        for width in list(hidden_dims):
            layers += [Linear(dim, width), LeakyReLU(0.2), Dropout(0.5)]
            dim = width
        layers += [Linear(dim, 1)]
        if loss == "cross_entropy":
            layers += [Sigmoid()]
        self.seq = Sequential(*layers)

    def forward(self, input):
        assert input.size()[0] % self.pack == 0
        return self.seq(input.view(-1, self.packdim))


class PateGanSynth(CTGANSynthesizer):
    def __init__(self, embedding_dim=128, dis_dim=(256, 256), l2scale=1e-6, pack=1, loss="cross_entropy", batch_size=500, teacher_iters=5, student_iters=5, epsilon=1.0, delta=1e-5):
        self.embedding_dim = embedding_dim
        self.dis_dim = dis_dim
        self.l2scale = l2scale
        self.pack = pack
        self.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
        self.loss = loss
        self.batch_size = batch_size
        self.teacher_iters = teacher_iters
        self.student_iters = student_iters
        self.epsilon = epsilon
        self.delta = delta

    def fit(self, data, data_partitions, cond_generator):
        critic = Critic(self.data_dim + self.cond_dim, self.dis_dim, self.loss, self.pack).to(self.device)
        student = critic
        student.apply(weights_init)
        teachers = [critic for _ in range(self.num_teachers)]
        optimizer_g = optim.Adam(self.generator.parameters(), lr=2e-4, betas=(0.5, 0.9), weight_decay=self.l2scale)
        optimizer_s = optim.Adam(student.parameters(), lr=2e-4, betas=(0.5, 0.9))
        optimizer_t = [optim.Adam(teachers[i].parameters(), lr=2e-4, betas=(0.5, 0.9)) for i in range(self.num_teachers)]
        criterion = torch.nn.BCELoss()
        noise_multiplier = 1e-3
        alphas = torch.tensor([0.0 for _ in range(100)])
        orders = 1 + torch.tensor(range(100))
        eps = 0
        mean = torch.zeros(self.batch_size, self.embedding_dim, device=self.device)
        std = mean + 1
        real_label = 1
        fake_label = 0

        while eps < self.epsilon:
            for _ in range(self.teacher_iters):
                for i in range(self.num_teachers):
                    sampler = Sampler(data_partitions[i], self.transformer.output_info)
                    noise = torch.normal(mean, std=std)
                    c1, m1, col, opt = cond_generator[i].sample(self.batch_size)
                    c1 = torch.from_numpy(c1).to(self.device)
                    noise = torch.cat([noise, c1], dim=1)
                    perm = np.arange(self.batch_size)
                    np.random.shuffle(perm)
                    real = sampler.sample(self.batch_size, col[perm], opt[perm])
                    fake_cat = torch.cat([self._apply_activate(self.generator(noise)), c1], dim=1)
                    real_cat = torch.cat([torch.from_numpy(real.astype("float32")).to(self.device), c1[perm]], dim=1)
                    optimizer_t[i].zero_grad()
                    label_fake = torch.full((int(self.batch_size / self.pack),), fake_label, dtype=torch.float, device=self.device)
                    err_fake = criterion(teachers[i](fake_cat), label_fake.float())  # expect: LG005
                    err_fake.backward()
                    optimizer_t[i].step()
                    label_true = torch.full((int(self.batch_size / self.pack),), real_label, dtype=torch.float, device=self.device)
                    err_real = criterion(teachers[i](real_cat), label_true.float())  # expect: LG005
                    err_real.backward()
                    optimizer_t[i].step()

            for _ in range(self.student_iters):
                noise = torch.normal(mean, std=std)
                c1, m1, col, opt = cond_generator.sample(self.batch_size)
                c1 = torch.from_numpy(c1).to(self.device)
                noise = torch.cat([noise, c1], dim=1)
                fake_cat = torch.cat([self._apply_activate(self.generator(noise)), c1], dim=1)
                predictions, votes = pate(fake_cat, teachers, noise_multiplier)
                output = student(fake_cat.detach())
                alphas = alphas + moments_acc(self.num_teachers, votes, noise_multiplier, orders)
                loss_s = criterion(output, predictions.float().to(self.device))
                optimizer_s.zero_grad()
                loss_s.backward()
                optimizer_s.step()

            noise = torch.normal(mean=mean, std=std)
            c1, m1, col, opt = cond_generator.sample(self.batch_size)
            c1 = torch.from_numpy(c1).to(self.device)
            noise = torch.cat([noise, c1], dim=1)
            fake = self.generator(noise)
            y_fake = student(torch.cat([self._apply_activate(fake), c1], dim=1))
            cross_entropy = self._cond_loss(fake, c1, m1)
            if self.loss == "cross_entropy":
                label_g = torch.full((int(self.batch_size / self.pack),), real_label, dtype=torch.float, device=self.device)
                loss_g = criterion(y_fake, label_g.float())  # expect: LG005
                loss_g = loss_g + cross_entropy
            else:
                loss_g = -torch.mean(y_fake) + cross_entropy
            optimizer_g.zero_grad()
            loss_g.backward()
            optimizer_g.step()
            print("generator is {}".format(loss_g.detach().cpu()))
            eps = min((alphas - math.log(self.delta)) / orders)
