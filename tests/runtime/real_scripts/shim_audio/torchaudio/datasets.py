"""``LIBRISPEECH``: (waveform (1, N), 16000, transcript, speaker, chapter, utterance), generated per index."""

import math
import os

import torch

_WORDS = ["CAT", "DOG", "SUN", "MAP", "RED", "BIG", "TEN", "PEN", "HAT", "LOW", "FIX", "JOY"]
_RATE = 16000
_CHAR = 1600  # samples a character lasts (0.1 s: five of the wav2letter's 20 ms frames)
_GAP = 800


def _tone(ch: str, g: torch.Generator) -> torch.Tensor:
    k = ord(ch) - ord("A")
    t = torch.arange(_CHAR) / _RATE
    f = 180.0 + 95.0 * k
    env = torch.clamp(torch.arange(_CHAR) / 160.0, max=1.0) * torch.clamp((_CHAR - torch.arange(_CHAR)) / 160.0, max=1.0)
    return 0.5 * env * torch.sin(2 * math.pi * f * t + float(torch.rand((), generator=g)) * 6.28)


class LIBRISPEECH(torch.utils.data.Dataset):
    def __init__(self, root, url="train-clean-100", folder_in_archive="LibriSpeech", download=False):
        self.train = url.startswith("train")
        if url == "train-clean-100":
            self.n = int(os.environ.get("LG_EXAMPLES", "3200"))
        elif self.train:
            self.n = 0
        else:
            self.n = 64
        self.seed = 0 if self.train else 10**6

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        g = torch.Generator().manual_seed(self.seed + i)
        words = [_WORDS[int(j)] for j in torch.randint(0, len(_WORDS), (int(torch.randint(2, 5, (), generator=g)),), generator=g)]
        parts = [torch.zeros(_GAP)]
        for w in words:
            parts += [_tone(c, g) for c in w] + [torch.zeros(_GAP)]
        wave = torch.cat(parts)
        wave = wave + 0.02 * torch.randn(wave.shape, generator=g)
        return wave.unsqueeze(0), _RATE, " ".join(words), i % 40, i % 7, i
