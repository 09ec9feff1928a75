"""part of positive project [LG001, LG011]: `import seq2seq_models as sm`; encoder/decoder, optimizer and nn.CrossEntropyLoss are module globals built after train() is defined; train() sums criterion(decoder output, target) over the characters."""
# Source: https://github.com/hunkim/PyTorchZeroToAll 13_1_seq2seq.py at the parent of
# ac5cc567a8b9159279cc57f642c9d3891ff6ebe9; re-typed, names changed, reduced.
import seq2seq_models as sm
import torch
import torch.nn as nn
from seq2seq_models import EOS_token, SOS_token, str2tensor

N_CHARS = 128
HIDDEN_SIZE = N_CHARS
N_EPOCH = 100

encoder = sm.EncoderRNN(N_CHARS, HIDDEN_SIZE)
decoder = sm.DecoderRNN(HIDDEN_SIZE, N_CHARS)


def train(src, target):
    src_var = str2tensor(src)
    target_var = str2tensor(target, eos=True)
    encoder_hidden = encoder.init_hidden()
    encoder_outputs, encoder_hidden = encoder(src_var, encoder_hidden)
    hidden = encoder_hidden
    loss = 0
    for c in range(len(target_var)):
        token = target_var[c - 1] if c else str2tensor(SOS_token)
        output, hidden = decoder(token, hidden)
        loss += criterion(output, target_var[c])  # expect: LG001
    encoder.zero_grad()
    decoder.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item() / len(target_var)


params = list(encoder.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=0.001)
criterion = nn.CrossEntropyLoss()

for epoch in range(1, N_EPOCH + 1):
    for i, (srcs, targets) in enumerate([]):
        for src, target in zip(srcs, targets):
            train_loss = train(src, target)
