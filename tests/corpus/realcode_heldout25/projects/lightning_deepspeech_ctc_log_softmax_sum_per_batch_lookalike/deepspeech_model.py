"""part of look-alike project [LG006, LG011, LG012, LG015]: the DeepSpeech acoustic model ends in a bias-free Linear over the vocabulary applied per time step (raw scores, (B, T, V)); its inference-softmax helper exists but forward does not call it."""
# Source: dertilo/speech-recognition at 32dfd0a0 (read as is), deepspeech_asr/deepspeech_model.py; re-typed, identifiers renamed; the conv front end,
# mask convolution and batch RNN stack shortened to one GRU.
import torch.nn as nn
import torch.nn.functional as F


class InferenceSoftmax(nn.Module):
    def forward(self, input_):
        if not self.training:
            return F.softmax(input_, dim=-1)
        else:
            return input_


class SpeechNet(nn.Module):
    def __init__(self, vocab_size, audio_feature_dim, hidden_size=1024):
        super(SpeechNet, self).__init__()
        self.rnn = nn.GRU(audio_feature_dim, hidden_size, batch_first=True, bidirectional=False)
        self.fc = nn.Sequential(nn.BatchNorm1d(hidden_size), nn.Linear(hidden_size, vocab_size, bias=False))

    def forward(self, x, lengths):
        x, _ = self.rnn(x)
        b, t, h = x.size()
        x = self.fc(x.reshape(b * t, h)).view(b, t, -1)
        return x, lengths
