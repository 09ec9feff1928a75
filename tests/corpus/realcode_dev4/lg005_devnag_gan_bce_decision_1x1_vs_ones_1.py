"""positive [LG005]: a 50-line GAN script scores the discriminator's (1, 1) sigmoid decision against Variable(torch.ones(1)) / torch.zeros(1), shape (1,), with BCELoss: torch 0.3 warned that the sizes differ (the pull request's subject) and current torch rejects it for BCE; a top-level Python 2-era script with Variable."""
# Source: devnag/pytorch-generative-adversarial-networks at ff1fabf gan_pytorch.py (pull request #8 "Fix for the userwarning in pytorch 0.3" quotes the warning; the script read as is, re-typed, names renamed; the final print statement is cut)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable

# Data params
data_mean = 4
data_stddev = 1.25

# Model params
g_input_size = 1
g_hidden_size = 50
g_output_size = 1
d_input_size = 100
d_hidden_size = 50
d_output_size = 1
minibatch_size = d_input_size

d_learning_rate = 2e-4
g_learning_rate = 2e-4
optim_betas = (0.9, 0.999)
num_epochs = 30000
print_interval = 200
d_steps = 1
g_steps = 1

(name, preprocess, d_input_func) = ("Data and variances", lambda data: decorate_with_diffs(data, 2.0), lambda x: x * 2)

print("Using data [%s]" % (name))

def get_distribution_sampler(mu, sigma):
    return lambda n: torch.Tensor(np.random.normal(mu, sigma, (1, n)))  # Gaussian

def get_generator_input_sampler():
    return lambda m, n: torch.rand(m, n)

class Generator(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(Generator, self).__init__()
        self.map1 = nn.Linear(input_size, hidden_size)
        self.map2 = nn.Linear(hidden_size, hidden_size)
        self.map3 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = F.elu(self.map1(x))
        x = F.sigmoid(self.map2(x))
        return self.map3(x)

class Discriminator(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(Discriminator, self).__init__()
        self.map1 = nn.Linear(input_size, hidden_size)
        self.map2 = nn.Linear(hidden_size, hidden_size)
        self.map3 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = F.elu(self.map1(x))
        x = F.elu(self.map2(x))
        return F.sigmoid(self.map3(x))

def extract(v):
    return v.data.storage().tolist()

def stats(d):
    return [np.mean(d), np.std(d)]

def decorate_with_diffs(data, exponent):
    mean = torch.mean(data.data, 1, keepdim=True)
    mean_broadcast = torch.mul(torch.ones(data.size()), mean.tolist()[0][0])
    diffs = torch.pow(data - Variable(mean_broadcast), exponent)
    return torch.cat([data, diffs], 1)

real_sampler = get_distribution_sampler(data_mean, data_stddev)
noise_sampler = get_generator_input_sampler()
gen = Generator(input_size=g_input_size, hidden_size=g_hidden_size, output_size=g_output_size)
disc = Discriminator(input_size=d_input_func(d_input_size), hidden_size=d_hidden_size, output_size=d_output_size)
bce = nn.BCELoss()
d_opt = optim.Adam(disc.parameters(), lr=d_learning_rate, betas=optim_betas)
g_opt = optim.Adam(gen.parameters(), lr=g_learning_rate, betas=optim_betas)

for epoch in range(num_epochs):
    for d_index in range(d_steps):
        disc.zero_grad()

        real = Variable(real_sampler(d_input_size))
        real_decision = disc(preprocess(real))
        real_error = bce(real_decision, Variable(torch.ones(1)))  # expect: LG005
        real_error.backward()

        noise = Variable(noise_sampler(minibatch_size, g_input_size))
        fake = gen(noise).detach()
        fake_decision = disc(preprocess(fake.t()))
        fake_error = bce(fake_decision, Variable(torch.zeros(1)))  # expect: LG005
        fake_error.backward()
        d_opt.step()

    for g_index in range(g_steps):
        gen.zero_grad()

        noise = Variable(noise_sampler(minibatch_size, g_input_size))
        fake = gen(noise)
        fooled = disc(preprocess(fake.t()))
        g_error = bce(fooled, Variable(torch.ones(1)))  # expect: LG005

        g_error.backward()
        g_opt.step()
