"""look-alike [LG002, LG016]: lip-sync expert: both encoders end in Conv2d + ReLU and their embeddings are F.normalize'd, so the cosine similarity is in [0, 1] and nn.BCELoss on it is valid."""
# Source: issue https://github.com/Rudrabha/Wav2Lip/issues/227 (color_syncnet_train.py cosine_loss posted in the
# thread; the maintainer explains a, v are ReLU-activated); re-typed, names changed, model reduced to its shape.
import torch
from torch import nn
from torch.nn import functional as F


class Conv2d(nn.Module):
    def __init__(self, cin, cout, kernel_size, stride, padding):
        super().__init__()
        self.conv_block = nn.Sequential(nn.Conv2d(cin, cout, kernel_size, stride, padding), nn.BatchNorm2d(cout))
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.conv_block(x))


class SyncNetColor(nn.Module):
    def __init__(self):
        super().__init__()
        self.face_encoder = nn.Sequential(Conv2d(15, 32, 7, 1, 3), Conv2d(32, 512, 3, 1, 0))
        self.audio_encoder = nn.Sequential(Conv2d(1, 32, 3, 1, 1), Conv2d(32, 512, 1, 1, 0))

    def forward(self, audio_sequences, face_sequences):
        face_embedding = self.face_encoder(face_sequences)
        audio_embedding = self.audio_encoder(audio_sequences)
        audio_embedding = audio_embedding.view(audio_embedding.size(0), -1)
        face_embedding = face_embedding.view(face_embedding.size(0), -1)
        audio_embedding = F.normalize(audio_embedding, p=2, dim=1)
        face_embedding = F.normalize(face_embedding, p=2, dim=1)
        return audio_embedding, face_embedding


logloss = nn.BCELoss()


def cosine_loss(a, v, y):
    d = nn.functional.cosine_similarity(a, v)
    loss = logloss(d.unsqueeze(1), y)
    return loss


def train(model, train_data_loader, optimizer, nepochs):
    for epoch in range(nepochs):
        for step, (x, mel, y) in enumerate(train_data_loader):
            model.train()
            optimizer.zero_grad()
            a, v = model(mel, x)
            loss = cosine_loss(a, v, y)
            loss.backward()
            optimizer.step()
