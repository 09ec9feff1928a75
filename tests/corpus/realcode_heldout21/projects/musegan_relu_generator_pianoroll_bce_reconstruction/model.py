"""part of positive project [LG002]: the MuseGAN generator's blocks end in ReLU, so its pianoroll output is non-negative and unbounded; the sigmoid meant for it was put at the end of the condition Encoder instead."""
# Source: KateSawada/conditional-musegan-pytorch at 296a9292 ("L1 and L2 work, BCE raises an error #29"; the parent of the fix
# deebc4f5, "sigmoid in the wrong place #30", which moves the sigmoid from the Encoder to the Generator), model.py;
# re-typed, identifiers renamed; the last four conv blocks of the discriminator and the encoder written with a
# helper.
import torch
import torch.nn.functional as F


class GeneraterBlock(torch.nn.Module):
    def __init__(self, in_dim, out_dim, kernel, stride):
        super().__init__()
        self.transconv = torch.nn.ConvTranspose3d(in_dim, out_dim, kernel, stride)
        self.batchnorm = torch.nn.BatchNorm3d(out_dim)

    def forward(self, x):
        x = self.transconv(x)
        x = self.batchnorm(x)
        return torch.nn.functional.relu(x)


def create_generator_from_config(config):
    measure_resolution = 4 * config.beat_resolution
    return Generator(config.latent_dim, config.n_tracks, config.n_measures, measure_resolution, config.n_pitches,
                     config.conditioning, config.conditioning_dim)


class Generator(torch.nn.Module):
    def __init__(self, latent_dim, n_tracks, n_measures, measure_resolution, n_pitches, conditioning=False, conditioning_dim=0):
        super().__init__()
        self.latent_dim = latent_dim
        self.n_tracks = n_tracks
        self.n_measures = n_measures
        self.measure_resolution = measure_resolution
        self.n_pitches = n_pitches
        self.conditioning = conditioning
        self.conditioning_dim = conditioning_dim
        if self.conditioning:
            self.transconv0 = GeneraterBlock(latent_dim + conditioning_dim, 256, (4, 1, 1), (4, 1, 1))
        else:
            self.transconv0 = GeneraterBlock(latent_dim, 256, (4, 1, 1), (4, 1, 1))
        self.transconv1 = GeneraterBlock(256, 128, (1, 4, 1), (1, 4, 1))
        self.transconv2 = GeneraterBlock(128, 64, (1, 1, 4), (1, 1, 4))
        self.transconv3 = GeneraterBlock(64, 32, (1, 1, 3), (1, 1, 1))
        self.transconv4 = torch.nn.ModuleList([GeneraterBlock(32, 16, (1, 4, 1), (1, 4, 1)) for _ in range(n_tracks)])
        self.transconv5 = torch.nn.ModuleList([GeneraterBlock(16, 1, (1, 1, 12), (1, 1, 12)) for _ in range(n_tracks)])

    def forward(self, x):
        if self.conditioning:
            x, condition = x
            condition = condition.view(-1, self.conditioning_dim)
            shape = list(x.shape)
            shape[1] = self.conditioning_dim
            condition = condition.expand(shape)
            x = torch.cat([x, condition], 1)
        x = x.view(-1, self.latent_dim + self.conditioning_dim, 1, 1, 1)
        x = self.transconv0(x)
        x = self.transconv1(x)
        x = self.transconv2(x)
        x = self.transconv3(x)
        x = [t(x) for t in self.transconv4]
        x = torch.cat([t(x_) for x_, t in zip(x, self.transconv5)], 1)
        x = x.view(-1, self.n_tracks, self.n_measures * self.measure_resolution, self.n_pitches)
        return x


class DiscriminatorBlock(torch.nn.Module):
    def __init__(self, in_dim, out_dim, kernel, stride):
        super().__init__()
        self.transconv = torch.nn.Conv3d(in_dim, out_dim, kernel, stride)
        self.layernorm = LayerNorm(out_dim)

    def forward(self, x):
        x = self.transconv(x)
        x = self.layernorm(x)
        return torch.nn.functional.leaky_relu(x)


class LayerNorm(torch.nn.Module):
    def __init__(self, n_features, eps=1e-5, affine=True):
        super().__init__()
        self.n_features = n_features
        self.affine = affine
        self.eps = eps
        if self.affine:
            self.gamma = torch.nn.Parameter(torch.Tensor(n_features).uniform_())
            self.beta = torch.nn.Parameter(torch.zeros(n_features))

    def forward(self, x):
        shape = [-1] + [1] * (x.dim() - 1)
        mean = x.view(x.size(0), -1).mean(1).view(*shape)
        std = x.view(x.size(0), -1).std(1).view(*shape)
        y = (x - mean) / (std + self.eps)
        if self.affine:
            shape = [1, -1] + [1] * (x.dim() - 2)
            y = self.gamma.view(*shape) * y + self.beta.view(*shape)
        return y


def _tail_blocks():
    return [
        DiscriminatorBlock(64, 64, (1, 1, 4), (1, 1, 4)),
        DiscriminatorBlock(64, 128, (1, 4, 1), (1, 4, 1)),
        DiscriminatorBlock(128, 128, (2, 1, 1), (1, 1, 1)),
        DiscriminatorBlock(128, 256, (3, 1, 1), (3, 1, 1)),
    ]


class Discriminator(torch.nn.Module):
    """outputs a scalar indicating the sample's authenticity"""

    def __init__(self, n_tracks, n_measures, measure_resolution, n_pitches, conditioning=False, conditioning_dim=0):
        self.n_tracks = n_tracks
        self.n_measures = n_measures
        self.measure_resolution = measure_resolution
        self.n_pitches = n_pitches
        self.conditioning = conditioning
        self.conditioning_dim = conditioning_dim
        super().__init__()
        self.conv0 = torch.nn.ModuleList([DiscriminatorBlock(1, 16, (1, 1, 12), (1, 1, 12)) for _ in range(n_tracks)])
        self.conv1 = torch.nn.ModuleList([DiscriminatorBlock(16, 16, (1, 4, 1), (1, 4, 1)) for _ in range(n_tracks)])
        if self.conditioning:
            self.conv2 = DiscriminatorBlock(16 * n_tracks + self.conditioning_dim, 64, (1, 1, 3), (1, 1, 1))
        else:
            self.conv2 = DiscriminatorBlock(16 * n_tracks, 64, (1, 1, 3), (1, 1, 1))
        self.tail = torch.nn.Sequential(*_tail_blocks())
        self.dense = torch.nn.Linear(256, 1)

    def forward(self, x):
        if self.conditioning:
            x, condition = x
        x = x.view(-1, self.n_tracks, self.n_measures, self.measure_resolution, self.n_pitches)
        x = [conv(x[:, [i]]) for i, conv in enumerate(self.conv0)]
        x = torch.cat([conv(x_) for x_, conv in zip(x, self.conv1)], 1)
        if self.conditioning:
            condition = condition.view(-1, self.conditioning_dim, 1, 1, 1)
            shape = list(x.shape)
            shape[1] = self.conditioning_dim
            condition = condition.expand(shape)
            x = torch.cat([x, condition], 1)
        x = self.conv2(x)
        x = self.tail(x)
        x = x.view(-1, 256)
        x = self.dense(x)
        return x


class Encoder(torch.nn.Module):
    """piano-roll to latent expression, built like the Discriminator"""

    def __init__(self, n_tracks, n_measures, measure_resolution, n_pitches, output_dim):
        self.n_tracks = n_tracks
        self.n_measures = n_measures
        self.measure_resolution = measure_resolution
        self.n_pitches = n_pitches
        self.output_dim = output_dim
        super().__init__()
        self.conv0 = torch.nn.ModuleList([DiscriminatorBlock(1, 16, (1, 1, 12), (1, 1, 12)) for _ in range(n_tracks)])
        self.conv1 = torch.nn.ModuleList([DiscriminatorBlock(16, 16, (1, 4, 1), (1, 4, 1)) for _ in range(n_tracks)])
        self.conv2 = DiscriminatorBlock(16 * n_tracks, 64, (1, 1, 3), (1, 1, 1))
        self.tail = torch.nn.Sequential(*_tail_blocks())
        self.dense = torch.nn.Linear(256, output_dim)

    def forward(self, x):
        x = x.view(-1, self.n_tracks, self.n_measures, self.measure_resolution, self.n_pitches)
        x = [conv(x[:, [i]]) for i, conv in enumerate(self.conv0)]
        x = torch.cat([conv(x_) for x_, conv in zip(x, self.conv1)], 1)
        x = self.conv2(x)
        x = self.tail(x)
        x = x.view(-1, 256)
        x = self.dense(x)
        x = torch.sigmoid(x)
        return x
