"""positive [LG006]: the latent-decoder script for a trained Coinrun agent adds each batch's MSE loss tensor to the epoch total."""
# Source: tbuckworth/train-procgen-pytorch at the parent of 2de3ae5 ("implementing decoder", which adds loss.item()
# and a validation pass), train_decoder.py; re-typed, identifiers renamed; the Decoder hyper-parameters kept, nothing
# else cut (the file ends the epoch without using the total, as in the source).
import numpy as np
import torch
from torch import nn as nn

from common.model import Decoder
from inspect_agent import load_policy


def load_frames(frame_file="data/coinrun_frames_500.npy"):
    data = np.load(frame_file)
    np.random.shuffle(data)
    train = 4 * len(data) // 5
    train_data = data[:train]
    valid_data = data[train:]
    train_variance = np.var(train_data / 255.0)
    return train_data, valid_data, train_variance


def main(logdir):
    action_names, done, env, hidden_state, obs, policy = load_policy(render=False, logdir=logdir, n_envs=2)
    train_data, valid_data, train_variance = load_frames()

    embedder = policy.embedder
    decoder = Decoder(
        embedding_dim=32,
        num_hiddens=64,
        num_upsampling_layers=3,
        num_residual_layers=2,
        num_residual_hiddens=32,
    )

    nb_epoch = 1e3
    batch_size = 256
    lr = 1e-5
    n_batch = len(train_data) // batch_size

    criterion = nn.MSELoss()
    optimizer = torch.optim.SGD(decoder.parameters(), lr=lr)
    decoder.train()

    for epoch in range(nb_epoch):
        epoch_loss = 0.
        for i in range(n_batch):
            optimizer.zero_grad()
            obs_batch = train_data[i * batch_size:(i + 1) * batch_size]
            x_batch = embed(embedder, obs_batch)
            recon = decoder.forward(x_batch)
            loss = criterion(obs_batch, recon)
            loss.backward()
            optimizer.step()
            epoch_loss += loss  # expect: LG006


def embed(model, obs):
    x = model.block1(obs)
    x = model.block2(x)
    x = model.block3(x)
    return x


if __name__ == "__main__":
    main(logdir="logs/train/coinrun/coinrun/seed_6033/")
