"""look-alike [LG014, LG017, LG018]: a TCN WGAN-GP for network-intrusion detection clears the critic's optimizer at the top of every batch, before its own backward; the generator update every n_critic batches back-propagates through the critic after clearing its own optimizer, and the next batch clears the critic again first."""
# Source: Dhayson/WGAN-intrusion-detection at 7dabe956, src/wgan/wgangp.py (read as is); re-typed, identifiers
# renamed; the validation AUC, early stopping and printing shortened (metrics as in the source's module).
import time

import numpy as np
import pandas as pd
import torch

import src.metrics as metrics


class WindowDataset(torch.utils.data.Dataset):
    def __init__(self, df: pd.DataFrame, time_window: int = 40):
        super().__init__()
        self.data = df.to_numpy().astype(np.float32)
        self.time_window = time_window
        self.num_samples = len(self.data) - time_window + 1

    def __len__(self):
        return self.num_samples

    def __getitem__(self, idx):
        return torch.tensor(self.data[idx: idx + self.time_window], dtype=torch.float32)


class TemporalBlock(torch.nn.Module):
    def __init__(self, c_in, c_out, kernel_size=3, dilation=1, dropout=0.2):
        super(TemporalBlock, self).__init__()
        self.conv = torch.nn.Conv1d(c_in, c_out, kernel_size, padding=(kernel_size - 1) * dilation, dilation=dilation)
        self.relu = torch.nn.ReLU()
        self.dropout = torch.nn.Dropout(dropout)
        self.norm = torch.nn.BatchNorm1d(c_out)
        self.down = torch.nn.Conv1d(c_in, c_out, 1) if c_in != c_out else None

    def forward(self, x):
        out = self.conv(x)
        out = out[:, :, :x.size(2)]
        out = self.norm(self.dropout(self.relu(out)))
        res = x if self.down is None else self.down(x)
        return self.relu(out + res)


class SeqGenerator(torch.nn.Module):
    def __init__(self, latent_dim, output_dim, channels, n_layers, kernel_size=3, dropout=0.2):
        super(SeqGenerator, self).__init__()
        self.inp = torch.nn.Linear(latent_dim, channels)
        self.blocks = torch.nn.ModuleList([TemporalBlock(channels, channels, kernel_size, 2 ** i, dropout)
                                           for i in range(n_layers)])
        self.out = torch.nn.Linear(channels, output_dim)

    def forward(self, z):
        x = self.inp(z).transpose(1, 2)
        for b in self.blocks:
            x = b(x)
        return self.out(x.transpose(1, 2))


class SeqCritic(torch.nn.Module):
    def __init__(self, input_dim, channels, n_layers, kernel_size=3, dropout=0.2):
        super(SeqCritic, self).__init__()
        self.inp = torch.nn.Linear(input_dim, channels)
        self.blocks = torch.nn.ModuleList([TemporalBlock(channels, channels, kernel_size, 2 ** i, dropout)
                                           for i in range(n_layers)])
        self.out = torch.nn.Linear(channels, 1)

    def forward(self, x):
        x = self.inp(x).transpose(1, 2)
        for b in self.blocks:
            x = b(x)
        x = x.mean(dim=2)
        return self.out(x).squeeze(1)


def train_tcn_wgan_gp(df_train, latent_dim, output_dim, input_dim, lrd, lrg, epochs, n_critic=5,
                      optim=torch.optim.RMSprop, wdd=1e-2, wdg=1e-2, dropout=0.2, print_each_n=20, time_window=40,
                      batch_size=5, channels=64, n_layers=3):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    data = WindowDataset(df_train, time_window)
    loader = torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=True)
    gen = SeqGenerator(latent_dim, output_dim, channels, n_layers, dropout=dropout).to(device)
    critic = SeqCritic(input_dim, channels, n_layers, dropout=dropout).to(device)
    opt_g = optim(gen.parameters(), lr=lrg, weight_decay=wdg)
    opt_c = optim(critic.parameters(), lr=lrd, weight_decay=wdd)
    i = -print_each_n // 2
    lambda_gp = 10
    for epoch in range(epochs):
        gen.train()
        critic.train()
        start = time.time()
        for batch in loader:
            real = batch.to(device)
            n = real.size(0)
            opt_c.zero_grad()
            z = torch.randn(n, time_window, latent_dim, device=device)
            fake = gen(z).detach()
            c_real = critic(real)
            c_fake = critic(fake)
            loss_c = -torch.mean(c_real) + torch.mean(c_fake)
            alpha = torch.rand(n, 1, 1, device=device)
            mix = alpha * real + (1 - alpha) * fake
            mix.requires_grad_(True)
            c_mix = critic(mix)
            grads = torch.autograd.grad(outputs=c_mix, inputs=mix, grad_outputs=torch.ones_like(c_mix, device=device),
                                        create_graph=True, retain_graph=True, only_inputs=True)[0]
            grads = grads.view(n, -1)
            loss_c += lambda_gp * ((grads.norm(2, dim=1) - 1) ** 2).mean()
            loss_c.backward()
            opt_c.step()
            i += 1
            if i % n_critic == 0:
                opt_g.zero_grad()
                gen_data = gen(z)
                loss_g = -torch.mean(critic(gen_data))
                loss_g.backward()
                opt_g.step()
                if i % print_each_n == 0:
                    print(f"[Epoch {epoch + 1}/{epochs}] [D real: {c_real.mean().item():.6f}] "
                          f"[D fake: {c_fake.mean().item():.6f}] [G loss: {loss_g.item():.6f}]")
        print(f"epoch time {time.time() - start:.3f}")
    return gen, critic
