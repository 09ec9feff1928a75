"""part of look-alike project [LG002, LG004, LG005, LG006]: the expert discriminator is trained with nn.BCELoss on the cosine similarity of the two non-negative unit embeddings (a value in [0, 1], not a logit), unsqueezed to (B, 1) against the dataset's float (1,) labels batched to (B, 1); the running loss sums loss.item()."""
# Source: Rudrabha/Wav2Lip at 5c90fa9b, color_syncnet_train.py; re-typed, identifiers renamed; the frame and mel-window
# reading of the dataset (cv2, audio.melspectrogram), the argument parser, checkpoint saving and loading shortened.
import random
from glob import glob
from os.path import join

import numpy as np
import torch
from torch import nn, optim
from torch.utils import data as data_utils
from tqdm import tqdm

from hparams import get_image_list, hparams
from models import SyncNet_color as SyncNet

global_step = 0
global_epoch = 0
use_cuda = torch.cuda.is_available()
syncnet_T = 5


class Dataset(object):
    def __init__(self, split, data_root):
        self.all_videos = get_image_list(data_root, split)

    def __len__(self):
        return len(self.all_videos)

    def __getitem__(self, idx):
        while 1:
            idx = random.randint(0, len(self.all_videos) - 1)
            vidname = self.all_videos[idx]
            img_names = list(glob(join(vidname, '*.jpg')))
            if len(img_names) <= 3 * syncnet_T:
                continue
            img_name = random.choice(img_names)
            wrong_name = random.choice(img_names)
            while wrong_name == img_name:
                wrong_name = random.choice(img_names)
            if random.choice([True, False]):
                y = torch.ones(1).float()
                chosen = img_name
            else:
                y = torch.zeros(1).float()
                chosen = wrong_name
            window = read_window(chosen)
            if window is None:
                continue
            mel = read_mel_window(vidname, img_name)
            if mel is None:
                continue
            x = np.concatenate(window, axis=2) / 255.
            x = x.transpose(2, 0, 1)
            x = x[:, x.shape[1] // 2:]
            x = torch.FloatTensor(x)
            mel = torch.FloatTensor(mel.T).unsqueeze(0)
            return x, mel, y


bce = nn.BCELoss()


def cosine_loss(a, v, y):
    d = nn.functional.cosine_similarity(a, v)
    loss = bce(d.unsqueeze(1), y)
    return loss


def train(device, model, train_loader, test_loader, optimizer, nepochs=None):
    global global_step, global_epoch
    while global_epoch < nepochs:
        running_loss = 0.
        prog_bar = tqdm(enumerate(train_loader))
        for step, (x, mel, y) in prog_bar:
            model.train()
            optimizer.zero_grad()
            x = x.to(device)
            mel = mel.to(device)
            a, v = model(mel, x)
            y = y.to(device)
            loss = cosine_loss(a, v, y)
            loss.backward()
            optimizer.step()
            global_step += 1
            running_loss += loss.item()
            if global_step % hparams.syncnet_eval_interval == 0:
                with torch.no_grad():
                    eval_model(test_loader, device, model)
            prog_bar.set_description('Loss: {}'.format(running_loss / (step + 1)))
        global_epoch += 1


def eval_model(test_loader, device, model):
    eval_steps = 1400
    losses = []
    for step, (x, mel, y) in enumerate(test_loader):
        model.eval()
        x = x.to(device)
        mel = mel.to(device)
        a, v = model(mel, x)
        y = y.to(device)
        loss = cosine_loss(a, v, y)
        losses.append(loss.item())
        if step > eval_steps:
            break
    print(sum(losses) / len(losses))


if __name__ == "__main__":
    train_dataset = Dataset('train', hparams.data_root)
    test_dataset = Dataset('val', hparams.data_root)
    train_loader = data_utils.DataLoader(train_dataset, batch_size=hparams.syncnet_batch_size, shuffle=True,
                                         num_workers=hparams.num_workers)
    test_loader = data_utils.DataLoader(test_dataset, batch_size=hparams.syncnet_batch_size, num_workers=8)
    device = torch.device("cuda" if use_cuda else "cpu")
    model = SyncNet().to(device)
    optimizer = optim.Adam([p for p in model.parameters() if p.requires_grad], lr=hparams.syncnet_lr)
    train(device, model, train_loader, test_loader, optimizer, nepochs=hparams.nepochs)
