"""part of look-alike project [LG014]: the encoder's training loop as written: model.zero_grad() every step, then backward, the gradient helper (which only rescales and clips) and step."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 encoder/train.py (re-typed; profiler, visualisations and checkpoints cut)
import torch

from encoder.model import VoiceEncoder


def train(loader, speakers_per_batch, utterances_per_speaker):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loss_device = torch.device("cpu")
    model = VoiceEncoder(device, loss_device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    model.train()
    for step, batch in enumerate(loader, 1):
        inputs = torch.from_numpy(batch.data).to(device)
        embeds = model(inputs)
        embeds = embeds.view((speakers_per_batch, utterances_per_speaker, -1)).to(loss_device)
        loss = model.loss(embeds)
        model.zero_grad()
        loss.backward()
        model.gradient_ops()
        optimizer.step()
        print(step, loss.item())
