"""positive [LG006]: the SRGAN trainer's fine-tuning epoch appends the generator's and the discriminator's loss tensors (both back-propagated, so holding their graphs) to the lists of a running-results dict it averages for the progress bar, so every step's graphs are kept until the epoch ends (the fix appends loss.item() to plain lists)."""

# Source: Akettle44/SRGAN-PyTorch@bee12f1f9b src/train/train.py, fixed in a2a92c6ff1 (cut, renamed)
import os

import torch
from tqdm import tqdm

from src.model.loss import PerceptualLoss


class PtTrainer:
    def __init__(self, generator, discriminator, loaders, g_optimizer=None, d_optimizer=None, root_path=None):
        self.generator = generator
        self.discriminator = discriminator
        self.root_path = root_path
        self.train_loader = loaders[0]
        self.g_optimizer = g_optimizer
        self.d_optimizer = d_optimizer
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.hyps = {}
        if self.g_optimizer is None and self.d_optimizer is None:
            self.setDefaultOptimizer()

    def setDefaultOptimizer(self):
        self.g_optimizer = torch.optim.Adam(self.generator.parameters(), lr=2e-5)
        self.d_optimizer = torch.optim.Adam(self.discriminator.parameters(), lr=2e-5)

    def fineTune(self):
        vgg_path = os.path.join(os.path.join(self.root_path, "models"), "vgg11_cifar10.pth")
        loss = PerceptualLoss(model_path=vgg_path)
        for epoch in range(self.hyps["epochs"]):
            self.generator.train()
            self.discriminator.train()
            train_progress = tqdm(self.train_loader)
            running_results = {"g_loss": [], "d_loss": [], "g_score": [], "d_score": []}
            for batch in train_progress:
                images, labels = batch
                images = images.to(self.device)
                labels = labels.to(self.device)

                gens = self.generator(images)
                gens_detached = gens.detach()
                d_fake = self.discriminator(gens_detached)
                d_real = self.discriminator(labels)
                d_loss, _ = loss(gens_detached, labels, d_fake, d_real)
                self.d_optimizer.zero_grad()
                d_loss.backward()
                self.d_optimizer.step()

                d_fake_for_g = self.discriminator(gens)
                _, g_loss = loss(gens, labels, d_fake_for_g, torch.ones_like(d_real))
                self.g_optimizer.zero_grad()
                g_loss.backward()
                self.g_optimizer.step()

                running_results["g_loss"].append(g_loss)  # expect: LG006
                running_results["d_loss"].append(d_loss)  # expect: LG006
                running_results["g_score"].append(torch.mean(d_real))
                avg_g_loss = torch.mean(torch.tensor(running_results["g_loss"]))
                avg_d_loss = torch.mean(torch.tensor(running_results["d_loss"]))
                train_progress.set_description(desc="epoch:[%d] g_loss = %.2f, d_loss = %.2f" % (epoch + 1, avg_g_loss, avg_d_loss))
