"""part of positive project [LG001, LG011]: the experiment builds the tower and trains it with CrossEntropyLoss."""

# Source: interactiveaudiolab/Siamese-Vocal-Imitations@9bbcf7c8d1 main.py, fixed in a569f9fc5f (cut, renamed)
import torch
from torch.nn import CrossEntropyLoss

from datasets.urban_sound import UrbanSoundFolds
from models.transfer_learning import SoundTower
from utils.training import train_tower


def train_sound_tower(data, use_cuda, n_epochs=50):
    model = SoundTower()
    if use_cuda:
        model.cuda()
    loss = CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, weight_decay=0.001, momentum=0.9, nesterov=True)
    dataset = UrbanSoundFolds(data)
    for epoch, (model, batch_losses) in enumerate(train_tower(model, dataset, loss, optimizer, n_epochs, use_cuda)):
        print(epoch, batch_losses.mean())
