"""part of positive project [LG001]: the model (softmax output) and nn.CrossEntropyLoss() are built in __main__ and reach train_single_epoch as parameters through train()."""
# Source: https://github.com/musikalkemist/pytorchforaudio "09 Training urban sound classifier/train.py" at 21968ad34376acdaa5edce1358942d9fb7aaf9a6
# (issue #9); re-typed, names changed, reduced.
import torch
import torchaudio
from torch import nn
from torch.utils.data import DataLoader

from urbansounddataset import UrbanSoundDataset
from cnn import CNNNetwork
from urbansounddataset import AUDIO_DIR, ANNOTATIONS_FILE, SAMPLE_RATE, NUM_SAMPLES

BATCH_SIZE = 128
EPOCHS = 10
LEARNING_RATE = 0.001


def create_data_loader(train_data, batch_size):
    return DataLoader(train_data, batch_size=batch_size)


def train_single_epoch(model, data_loader, loss_fn, optimiser, device):
    for input, target in data_loader:
        input, target = input.to(device), target.to(device)
        prediction = model(input)
        loss = loss_fn(prediction, target)  # expect: LG001
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    print(f"loss: {loss.item()}")


def train(model, data_loader, loss_fn, optimiser, device, epochs):
    for i in range(epochs):
        print(f"Epoch {i+1}")
        train_single_epoch(model, data_loader, loss_fn, optimiser, device)


if __name__ == "__main__":
    device = "cuda" if torch.cuda.is_available() else "cpu"
    mel_spectrogram = torchaudio.transforms.MelSpectrogram(sample_rate=SAMPLE_RATE, n_fft=1024, hop_length=512, n_mels=64)
    usd = UrbanSoundDataset(ANNOTATIONS_FILE, AUDIO_DIR, mel_spectrogram, SAMPLE_RATE, NUM_SAMPLES, device)
    train_dataloader = create_data_loader(usd, BATCH_SIZE)
    cnn = CNNNetwork().to(device)
    loss_fn = nn.CrossEntropyLoss()
    optimiser = torch.optim.Adam(cnn.parameters(), lr=LEARNING_RATE)
    train(cnn, train_dataloader, loss_fn, optimiser, device, EPOCHS)
    torch.save(cnn.state_dict(), "feedforwardnet.pth")
