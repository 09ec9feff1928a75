"""part of positive project [LG001, LG011]: the tower's training generator: it feeds each batch through the model and hands the output, already softmax probabilities, to the objective it is given."""

# Source: interactiveaudiolab/Siamese-Vocal-Imitations@9bbcf7c8d1 utils/training.py, fixed in a569f9fc5f (cut, renamed)
import numpy as np
from torch.utils.data import DataLoader


def train_tower(model, data, objective, optimizer, n_epochs, use_cuda, batch_size=128):
    for epoch in range(n_epochs):
        loader = DataLoader(data, batch_size=batch_size, num_workers=1)
        batch_losses = np.zeros(len(loader))
        for i, (audio, labels) in enumerate(loader):
            optimizer.zero_grad()
            audio = audio.unsqueeze(1)
            if use_cuda:
                audio = audio.cuda()
                labels = labels.cuda()
            outputs = model(audio)
            loss = objective(outputs, labels)  # expect: LG001
            loss.backward()
            optimizer.step()
            batch_losses[i] = loss.item()
        yield model, batch_losses
