"""part of look-alike project [LG001, LG013, LG014, LG018]: the WGAN-GP generator clears the critic's optimizer at the start of each critic update and the generator's before its own update, whose loss goes through the critic; the CNN solver ends in a Linear layer."""
# Source: kuc2477/pytorch-deep-generative-replay at b2d82e45, models.py (WGAN.train_a_batch and CNN, read as is); re-typed, identifiers renamed;
# the gradient penalty's body and the generator / critic networks shortened (LambdaModule as in the source's utils).
from functools import reduce

import torch
from torch import nn
from torch.autograd import Variable

import dgr
import utils


class WGAN(nn.Module):
    def __init__(self, z_size, generator, critic):
        super().__init__()
        self.z_size = z_size
        self.generator = generator
        self.critic = critic
        self.generator_optimizer = None
        self.critic_optimizer = None
        self.critic_updates_per_generator_update = 5
        self.lamda = None

    def train_a_batch(self, x, y, x_=None, y_=None, importance_of_new_task=.5):
        for _ in range(self.critic_updates_per_generator_update):
            self.critic_optimizer.zero_grad()
            z = self._noise(x.size(0))
            c_loss_real, g_real = self._c_loss(x, z, return_g=True)
            c_loss_real_gp = c_loss_real + self._gradient_penalty(x, g_real, self.lamda)
            if x_ is not None and y_ is not None:
                c_loss_replay, g_replay = self._c_loss(x_, z, return_g=True)
                c_loss_replay_gp = c_loss_replay + self._gradient_penalty(x_, g_replay, self.lamda)
                c_loss = importance_of_new_task * c_loss_real + (1 - importance_of_new_task) * c_loss_replay
                c_loss_gp = importance_of_new_task * c_loss_real_gp + (1 - importance_of_new_task) * c_loss_replay_gp
            else:
                c_loss = c_loss_real
                c_loss_gp = c_loss_real_gp
            c_loss_gp.backward()
            self.critic_optimizer.step()
        self.generator_optimizer.zero_grad()
        z = self._noise(x.size(0))
        g_loss = self._g_loss(z)
        g_loss.backward()
        self.generator_optimizer.step()
        return {'c_loss': c_loss.data[0], 'g_loss': g_loss.data[0]}

    def sample(self, size):
        return self.generator(self._noise(size))

    def set_generator_optimizer(self, optimizer):
        self.generator_optimizer = optimizer

    def set_critic_optimizer(self, optimizer):
        self.critic_optimizer = optimizer

    def set_lambda(self, l):
        self.lamda = l

    def _noise(self, size):
        z = Variable(torch.randn(size, self.z_size)) * .1
        return z.cuda() if next(self.parameters()).is_cuda else z

    def _c_loss(self, x, z, return_g=False):
        g = self.generator(z)
        c_x = self.critic(x).mean()
        c_g = self.critic(g).mean()
        l = -(c_x - c_g)
        return (l, g) if return_g else l

    def _g_loss(self, z, return_g=False):
        g = self.generator(z)
        l = -self.critic(g).mean()
        return (l, g) if return_g else l

    def _gradient_penalty(self, x, g, lamda):
        a = torch.rand(x.size(0), 1, 1, 1)
        interpolated = Variable(a * x.data + (1 - a) * g.data, requires_grad=True)
        c = self.critic(interpolated)
        grads = torch.autograd.grad(c, interpolated, grad_outputs=torch.ones(c.size()), create_graph=True,
                                    retain_graph=True)[0]
        return lamda * ((1 - (grads + 1e-16).norm(2, dim=1)) ** 2).mean()


class CNN(dgr.Solver):
    def __init__(self, image_size, image_channel_size, classes, depth, channel_size, reducing_layers=3):
        super().__init__()
        self.layers = nn.ModuleList([nn.Conv2d(image_channel_size, channel_size // (2 ** (depth - 2)), 3, 1, 1)])
        for i in range(depth - 2):
            prev = [l for l in self.layers if isinstance(l, nn.Conv2d)][-1]
            self.layers.append(nn.Conv2d(prev.out_channels, prev.out_channels * 2, 3,
                                         1 if i >= reducing_layers else 2, 1))
            self.layers.append(nn.BatchNorm2d(prev.out_channels * 2))
            self.layers.append(nn.ReLU())
        self.layers.append(utils.LambdaModule(lambda x: x.view(x.size(0), -1)))
        self.layers.append(nn.Linear((image_size // (2 ** reducing_layers)) ** 2 * channel_size, classes))

    def forward(self, x):
        return reduce(lambda x, l: l(x), self.layers, x)
