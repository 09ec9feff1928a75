"""look-alike [LG003, LG001, LG005, LG004]: NVIDIA's Learning Deep Learning example trains a two-head MNIST-plus-question model returned as a list: a 10-way Linear head scored with nn.CrossEntropyLoss and a 1-unit Linear head scored with nn.BCEWithLogitsLoss against (N, 1) float answers; accuracy thresholds the raw answer logits at 0.0, no sigmoid anywhere."""
# Source: NVDLI/LDL at cc4d08fe (read as is), pt_framework/c17e3_multi_modal_multi_task.py; re-typed, identifiers
# renamed; the licence header and the test-loop half of the epoch loop (the same two losses, .item() sums) cut. The
# answers are float64 NumPy rows, which BCEWithLogitsLoss accepts (a float64 loss; checked on torch 2.13).
import numpy as np
import torch
import torch.nn as nn
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer
from torch.utils.data import DataLoader, TensorDataset
from torchvision.datasets import MNIST

dev = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
EPOCHS = 20
BATCH = 64
MAX_WORDS = 8
EMB = 4

mnist_tr = MNIST(root='./pt_data', train=True, download=True)
mnist_te = MNIST(root='./pt_data', train=False, download=True)
tr_imgs = mnist_tr.data.numpy().astype(np.float32)
tr_digits = mnist_tr.targets.numpy()
te_imgs = mnist_te.data.numpy().astype(np.float32)
te_digits = mnist_te.targets.numpy()
mu = np.mean(tr_imgs)
sd = np.std(tr_imgs)
tr_imgs = (tr_imgs - mu) / sd
te_imgs = (te_imgs - mu) / sd


def make_questions(tok, digits):
    text = []
    answers = np.zeros(len(digits))
    for i, d in enumerate(digits):
        q = i % 4
        if q == 0:
            text.append('lower half')
            if d < 5:
                answers[i] = 1.0
        elif q == 1:
            text.append('upper half')
            if d >= 5:
                answers[i] = 1.0
        elif q == 2:
            text.append('even number')
            if d % 2 == 0:
                answers[i] = 1.0
        elif q == 3:
            text.append('odd number')
            if d % 2 == 1:
                answers[i] = 1.0
    text = tok.texts_to_sequences(text)
    text = pad_sequences(text).astype(np.int64)
    answers = answers.reshape((len(digits), 1))
    return text, answers


tok = Tokenizer(num_words=MAX_WORDS)
tok.fit_on_texts(['lower', 'upper', 'half', 'even', 'odd', 'number'])
tr_text, tr_answers = make_questions(tok, tr_digits)
te_text, te_answers = make_questions(tok, te_digits)
train_set = TensorDataset(torch.from_numpy(tr_imgs), torch.from_numpy(tr_text), torch.from_numpy(tr_digits),
                          torch.from_numpy(tr_answers))


class TwoHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(MAX_WORDS, EMB)
        nn.init.uniform_(self.emb.weight, -0.05, 0.05)
        self.lstm = nn.LSTM(EMB, 8, num_layers=1, batch_first=True)
        self.trunk = nn.Linear(784 + 8, 25)
        self.relu = nn.ReLU()
        self.digit_head = nn.Linear(25, 10)
        self.answer_head = nn.Linear(25, 1)

    def forward(self, inputs):
        img = inputs[0]
        txt = inputs[1]
        t = self.emb(txt)
        t = self.lstm(t)
        v = img.view(-1, 784)
        h = torch.cat((t[1][0][0], v), dim=1)
        h = self.trunk(h)
        h = self.relu(h)
        digit_out = self.digit_head(h)
        answer_out = self.answer_head(h)
        return [digit_out, answer_out]


net = TwoHeads()
opt = torch.optim.Adam(net.parameters())
digit_loss_fn = nn.CrossEntropyLoss()
answer_loss_fn = nn.BCEWithLogitsLoss()
net.to(dev)
train_dl = DataLoader(train_set, batch_size=BATCH, shuffle=True)

for i in range(EPOCHS):
    net.train()
    d_loss_sum = 0.0
    d_hits = 0
    a_loss_sum = 0.0
    a_hits = 0
    n_batches = 0
    for imgs, txts, digits, answers in train_dl:
        imgs = imgs.to(dev)
        txts = txts.to(dev)
        digits = digits.to(dev)
        answers = answers.to(dev)
        opt.zero_grad()
        outs = net([imgs, txts])
        d_loss = digit_loss_fn(outs[0], digits)
        a_loss = answer_loss_fn(outs[1], answers)
        loss = 0.5 * d_loss + 0.5 * a_loss
        _, idx = torch.max(outs[0].data, 1)
        d_hits += (idx == digits).sum().item()
        a_hits += ((outs[1].data > 0.0) == answers).sum().item()
        n_batches += 1
        d_loss_sum += d_loss.item()
        a_loss_sum += a_loss.item()
        loss.backward()
        opt.step()
    print(f'Epoch {i + 1}/{EPOCHS} class loss: {d_loss_sum / n_batches:.4f} - answer loss: {a_loss_sum / n_batches:.4f}')
