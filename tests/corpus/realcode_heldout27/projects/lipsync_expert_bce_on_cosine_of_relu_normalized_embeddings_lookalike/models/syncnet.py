"""part of look-alike project [LG002, LG004, LG005, LG006]: the lip-sync expert encodes the mel window and the stacked face frames with ReLU conv stacks and returns both embeddings L2-normalised, so their cosine similarity lies in [0, 1]."""
# Source: Rudrabha/Wav2Lip at 5c90fa9b, models/syncnet.py; re-typed, identifiers renamed; the middle layers of both
# encoders shortened (the same blocks repeated).
from torch import nn
from torch.nn import functional as F

from .conv import Conv2d


class SyncNet_color(nn.Module):
    def __init__(self):
        super(SyncNet_color, self).__init__()
        self.face_encoder = nn.Sequential(
            Conv2d(15, 32, kernel_size=(7, 7), stride=1, padding=3),
            Conv2d(32, 64, kernel_size=5, stride=(1, 2), padding=1),
            Conv2d(64, 64, kernel_size=3, stride=1, padding=1, residual=True),
            Conv2d(64, 128, kernel_size=3, stride=2, padding=1),
            Conv2d(128, 256, kernel_size=3, stride=2, padding=1),
            Conv2d(256, 512, kernel_size=3, stride=2, padding=1),
            Conv2d(512, 512, kernel_size=3, stride=2, padding=1),
            Conv2d(512, 512, kernel_size=3, stride=1, padding=0),
            Conv2d(512, 512, kernel_size=1, stride=1, padding=0))
        self.audio_encoder = nn.Sequential(
            Conv2d(1, 32, kernel_size=3, stride=1, padding=1),
            Conv2d(32, 32, kernel_size=3, stride=1, padding=1, residual=True),
            Conv2d(32, 64, kernel_size=3, stride=(3, 1), padding=1),
            Conv2d(64, 128, kernel_size=3, stride=3, padding=1),
            Conv2d(128, 256, kernel_size=3, stride=(3, 2), padding=1),
            Conv2d(256, 512, kernel_size=3, stride=1, padding=0),
            Conv2d(512, 512, kernel_size=1, stride=1, padding=0))

    def forward(self, audio_sequences, face_sequences):
        face_emb = self.face_encoder(face_sequences)
        audio_emb = self.audio_encoder(audio_sequences)
        audio_emb = audio_emb.view(audio_emb.size(0), -1)
        face_emb = face_emb.view(face_emb.size(0), -1)
        audio_emb = F.normalize(audio_emb, p=2, dim=1)
        face_emb = F.normalize(face_emb, p=2, dim=1)
        return audio_emb, face_emb
