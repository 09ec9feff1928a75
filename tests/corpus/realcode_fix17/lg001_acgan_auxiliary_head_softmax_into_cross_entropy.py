"""positive [LG001, LG011]: the AC-GAN's auxiliary classifier head ends in nn.Softmax() (without dim), and its class probabilities go to F.cross_entropy (imported as `nn`), which applies log-softmax again, for the real and the generated samples, in the discriminator's and the generator's steps (the fix removed the Softmax)."""

# Source: wiseodd/generative-models@eacf31ab49 GAN/auxiliary_classifier_gan/ac_gan_pytorch.py, fixed in 2fe7d030dd (cut, renamed)
import numpy as np
import torch
import torch.nn.functional as nn
import torch.optim as optim

mb_size = 32
z_dim = 16
X_dim = 784
y_dim = 10
h_dim = 128
lr = 1e-3
eps = 1e-8

G_ = torch.nn.Sequential(torch.nn.Linear(z_dim + y_dim, h_dim), torch.nn.PReLU(), torch.nn.Linear(h_dim, X_dim), torch.nn.Sigmoid())


def G(z, c):
    return G_(torch.cat([z, c], 1))


D_shared = torch.nn.Sequential(torch.nn.Linear(X_dim, h_dim), torch.nn.PReLU())
D_gan = torch.nn.Sequential(torch.nn.Linear(h_dim, 1), torch.nn.Sigmoid())
D_aux = torch.nn.Sequential(torch.nn.Linear(h_dim, y_dim), torch.nn.Softmax())  # expect: LG011


def D(X):
    h = D_shared(X)
    return D_gan(h), D_aux(h)


nets = [G_, D_shared, D_gan, D_aux]
D_params = list(D_shared.parameters()) + list(D_gan.parameters()) + list(D_aux.parameters())


def reset_grad():
    for net in nets:
        net.zero_grad()


G_solver = optim.Adam(G_.parameters(), lr=lr)
D_solver = optim.Adam(D_params, lr=lr)


def next_batch(size):
    images = np.random.rand(size, X_dim).astype("float32")
    labels = np.eye(y_dim)[np.random.randint(0, y_dim, size)]
    return images, labels


for it in range(100000):
    X, y = next_batch(mb_size)
    X = torch.from_numpy(X)
    c = torch.from_numpy(y.astype("float32"))
    y_true = torch.from_numpy(y.argmax(axis=1).astype("int"))
    z = torch.randn(mb_size, z_dim)

    G_sample = G(z, c)
    D_real, C_real = D(X)
    D_fake, C_fake = D(G_sample)
    D_loss = torch.mean(torch.log(D_real + eps) + torch.log(1 - D_fake + eps))
    C_loss = -nn.cross_entropy(C_real, y_true) - nn.cross_entropy(C_fake, y_true)  # expect: LG001
    DC_loss = -(D_loss + C_loss)
    DC_loss.backward()
    D_solver.step()
    reset_grad()

    G_sample = G(z, c)
    D_fake, C_fake = D(G_sample)
    _, C_real = D(X)
    G_loss = torch.mean(torch.log(D_fake + eps))
    C_loss = -nn.cross_entropy(C_real, y_true) - nn.cross_entropy(C_fake, y_true)  # expect: LG001
    GC_loss = -(G_loss + C_loss)
    GC_loss.backward()
    G_solver.step()
    reset_grad()
