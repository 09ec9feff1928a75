"""positive [LG001, LG011]: the course's dog-breed CNN ends its forward in nn.LogSoftmax() built without dim and is trained with nn.CrossEntropyLoss, which applies log-softmax a second time."""
# Source: PacktPublishing/PyTorch-Ultimate-2023---From-Basics-to-Cutting-Edge at 3060b213 (read as is),
# 060_CNN_ImageClassification/MulticlassClassification/Cnn_MulticlassClassification_end.py; re-typed, identifiers
# renamed; the shape comments, the confusion-matrix cell and the os.getcwd() call cut (the same model and loop are in
# 065_CNN_AudioClassification/modeling.py).
import numpy as np
import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as transforms
from sklearn.metrics import accuracy_score

# %% data
prep = transforms.Compose([
    transforms.Resize((50, 50)),
    transforms.Grayscale(num_output_channels=1),
    transforms.ToTensor(),
    transforms.Normalize((0.5,), (0.5,)),
])
BATCH = 4
train_set = torchvision.datasets.ImageFolder(root='train', transform=prep)
train_dl = torch.utils.data.DataLoader(train_set, batch_size=BATCH, shuffle=True)
test_set = torchvision.datasets.ImageFolder(root='test', transform=prep)
test_dl = torch.utils.data.DataLoader(test_set, batch_size=BATCH, shuffle=True)

# %% model
BREEDS = ['affenpinscher', 'akita', 'corgi']
N_BREEDS = len(BREEDS)


class BreedNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 3)
        self.pool = nn.MaxPool2d(2, 2)
        self.c2 = nn.Conv2d(6, 16, 3)
        self.flat = nn.Flatten()
        self.d1 = nn.Linear(16 * 11 * 11, 128)
        self.d2 = nn.Linear(128, 64)
        self.d3 = nn.Linear(64, N_BREEDS)
        self.act = nn.ReLU()
        self.out_act = nn.LogSoftmax()  # expect: LG011

    def forward(self, x):
        x = self.pool(self.act(self.c1(x)))
        x = self.pool(self.act(self.c2(x)))
        x = self.flat(x)
        x = self.act(self.d1(x))
        x = self.act(self.d2(x))
        x = self.d3(x)
        x = self.out_act(x)
        return x


net = BreedNet()

# %% loss and optimizer
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.Adam(net.parameters())

# %% training
EPOCHS = 10
for epoch in range(EPOCHS):
    for i, batch in enumerate(train_dl, 0):
        imgs, targets = batch
        opt.zero_grad()
        preds = net(imgs)
        loss = loss_fn(preds, targets)  # expect: LG001
        loss.backward()
        opt.step()
    print(f'Epoch {epoch}/{EPOCHS}, Loss: {loss.item():.4f}')

# %% test
truth = []
guesses = []
for i, batch in enumerate(test_dl, 0):
    imgs, y_part = batch
    with torch.no_grad():
        guess_part = net(imgs).round()
    truth.extend(y_part.numpy())
    guesses.extend(guess_part.numpy())

acc = accuracy_score(truth, np.argmax(guesses, axis=1))
print(f'Accuracy: {acc * 100:.2f} %')
