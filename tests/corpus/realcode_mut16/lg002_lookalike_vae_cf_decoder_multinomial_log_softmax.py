"""look-alike [LG002]: the multinomial VAE as written: the decoder's raw output (tanh after every layer but the last) goes through log_softmax in a multinomial likelihood, not into a BCE."""
# Source: younggyoseo/vae-cf-pytorch@3619878f8e models.py and main.py (re-typed; data loading, annealing schedule and evaluation cut)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultVAE(nn.Module):
    def __init__(self, p_dims, dropout=0.5):
        super().__init__()
        self.p_dims = p_dims
        self.q_dims = p_dims[::-1]
        q_out = self.q_dims[:-1] + [self.q_dims[-1] * 2]
        self.q_layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(q_out[:-1], q_out[1:])])
        self.p_layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(self.p_dims[:-1], self.p_dims[1:])])
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        mu, logvar = self.encode(x)
        z = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar

    def encode(self, x):
        h = self.drop(F.normalize(x))
        for i, layer in enumerate(self.q_layers):
            h = layer(h)
            if i != len(self.q_layers) - 1:
                h = torch.tanh(h)
            else:
                mu = h[:, : self.q_dims[-1]]
                logvar = h[:, self.q_dims[-1] :]
        return mu, logvar

    def reparameterize(self, mu, logvar):
        if self.training:
            std = torch.exp(0.5 * logvar)
            return torch.randn_like(std).mul(std).add_(mu)
        return mu

    def decode(self, z):
        h = z
        for i, layer in enumerate(self.p_layers):
            h = layer(h)
            if i != len(self.p_layers) - 1:
                h = torch.tanh(h)
        return h


def vae_loss(recon_x, x, mu, logvar, anneal=1.0):
    bce = -torch.mean(torch.sum(F.log_softmax(recon_x, 1) * x, -1))
    kld = -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1))
    return bce + anneal * kld


def train(train_data, n_items, batch_size=500, epochs=20):
    model = MultVAE([200, 600, n_items])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.0)
    n = train_data.shape[0]
    idxlist = list(range(n))
    for epoch in range(epochs):
        model.train()
        np.random.shuffle(idxlist)
        train_loss = 0.0
        for start in range(0, n, batch_size):
            end = min(start + batch_size, n)
            data = torch.FloatTensor(train_data[idxlist[start:end]].toarray())
            optimizer.zero_grad()
            recon, mu, logvar = model(data)
            loss = vae_loss(recon, data, mu, logvar, 0.2)
            loss.backward()
            train_loss += loss.item()
            optimizer.step()
        print(epoch, train_loss)
