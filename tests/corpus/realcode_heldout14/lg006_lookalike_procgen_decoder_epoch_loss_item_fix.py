"""look-alike [LG006, LG014]: after the fix the decoder loop adds loss.item() per batch and averages per sample; validation returns a float."""
# Source: tbuckworth/train-procgen-pytorch at the fix 2de3ae5 ("implementing decoder"), train_decoder.py; re-typed,
# identifiers renamed; experiment logging (CSV, wandb), checkpoint saving and the argument parser cut.
import numpy as np
import torch
from torch import nn as nn

from common.model import Decoder
from inspect_agent import load_policy


def load_frames(device, frame_file="data/coinrun_frames_500.npy"):
    data = np.load(frame_file)
    data = data.transpose(0, 3, 1, 2)
    np.random.shuffle(data)
    train = 9 * len(data) // 10
    train_data = data[:train]
    valid_data = data[train:]
    train_variance = np.var(train_data / 255.0)
    data_t = torch.Tensor(train_data, dtype=torch.float32).to(device) / 255.0
    data_v = torch.Tensor(valid_data, dtype=torch.float32).to(device) / 255.0
    return data_t, data_v, train_variance


def validate(data, x, decoder, criterion):
    recon = decoder.forward(x)
    loss = criterion(recon, data)
    return loss.item() / len(data)


def train_decoder(args, trained_model_folder):
    device = torch.device("cuda") if args.device == "gpu" else torch.device("cpu")
    action_names, done, env, hidden_state, obs, policy = load_policy(render=False, logdir=trained_model_folder, n_envs=2)
    train_data, valid_data, train_variance = load_frames(device)

    embedder = policy.embedder
    decoder = Decoder(
        embedding_dim=32,
        num_hiddens=64,
        num_upsampling_layers=3,
        num_residual_layers=2,
        num_residual_hiddens=32,
    )
    decoder.device = device
    valid_latents = embed(embedder, valid_data)

    nb_epoch = 1e3
    batch_size = 256
    lr = 1e-5
    n_batch = len(train_data) // batch_size

    criterion = nn.MSELoss()
    optimizer = torch.optim.SGD(decoder.parameters(), lr=lr)
    decoder.train()

    for epoch in range(nb_epoch):
        epoch_loss = 0.
        n_evals = 0
        for i in range(n_batch):
            optimizer.zero_grad()
            obs_batch = train_data[i * batch_size:(i + 1) * batch_size]
            x_batch = embed(embedder, obs_batch)
            recon = decoder.forward(x_batch)
            loss = criterion(obs_batch, recon)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            n_evals += len(obs_batch)
        epoch_loss /= n_evals
        valid_loss = validate(valid_data, valid_latents, decoder, criterion)
        print(f"Epoch {epoch}: train loss: {epoch_loss:.5f}, {valid_loss:.5f}")


def embed(model, obs):
    x = model.block1(obs)
    x = model.block2(x)
    x = model.block3(x)
    return x
