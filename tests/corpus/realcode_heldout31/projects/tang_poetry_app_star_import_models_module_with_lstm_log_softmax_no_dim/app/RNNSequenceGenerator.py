"""part of positive project [LG011]: the Tang-poetry generator imports models.RNN with a star import and trains the CharRNN with CrossEntropyLoss on flattened targets (correct)."""
# Source: Bye-lemon/PyTorch-Practice at 08c14d9e1e1b0e812ca2c2da2c0e19066c79ac15 app/RNNSequenceGenerator.py (the generation branch shortened; module-level settings, MODE switch, torchnet meter and the training loop kept)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchnet as tnt
import tqdm
import os.path as op
import numpy as np

from models.RNN import *

LOG = print

LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-4
EPOCH = 10
BATCH_SIZE = 32
LOG_STEP = 40
MODE = "interface"
DATA_PATH = "../data/tang.npz"
MODEL_PATH = None
LOG_PATH = "../logs/"

device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")

raw_data = np.load(DATA_PATH, allow_pickle=True)
data, word2idx, idx2word = raw_data["data"], raw_data["word2ix"].item(), raw_data["ix2word"].item()
dataloader = torch.utils.data.DataLoader(data, batch_size=BATCH_SIZE, shuffle=True)

model = CharRNN(vocab_size=len(word2idx), embedding_dim=128, hidden_dim=256, num_layers=2, target="lstm")
optimizer = optim.Adam(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
criterion = nn.CrossEntropyLoss()
loss_meter = tnt.meter.AverageValueMeter()
if MODEL_PATH is not None:
    model.load_state_dict(torch.load(MODEL_PATH))
model.to(device)

if MODE == "train":
    for epoch in range(EPOCH):
        loss_meter.reset()
        for index, data in tqdm.tqdm(enumerate(dataloader, 0)):
            data = data.long().contiguous().to(device)

            optimizer.zero_grad()

            input_, target = data[:, :-1], data[:, 1:]
            output, _ = model(input_)
            loss = criterion(output, target.reshape(-1))
            loss.backward()
            optimizer.step()
            loss_meter.add(loss.item())

            if (index + 1) % LOG_STEP == 0:
                print(f"Epoch {epoch + 1} Batch {index + 1} Average loss {loss_meter.value()[0]}")

        torch.save(model.state_dict(), op.join(LOG_PATH, f"Epoch_{epoch}_AvgLoss_{loss_meter.value()[0]}.pth"))

if MODE == "interface":
    gen_word = list("漂泊不见长安月")
    inp = torch.Tensor([word2idx["<START>"]]).view(1, 1).long().to(device)
    hidden = None
    for i in range(64):
        output, hidden = model(inp, hidden)
        top_index = output.data[0].topk(1)[1][0].item()
        if idx2word[top_index] == "<EOP>":
            break
        gen_word.append(idx2word[top_index])
        inp = inp.data.new([top_index]).view(1, 1)
    print("".join(gen_word))
