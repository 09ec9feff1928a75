"""positive [LG010]: the per-subtype criterion is BCEWithLogitsLoss(reduce=False, reduction=None); its sums run under no_grad (not LG006)."""
# Source: boh001/MultiLabel-Classification at ef31bb8624767a5fc0a679cc7afe44536f1196d4 efficientnet.py (argument parser, cutout augmentation, CSV pivoting and the tensorboard block shortened; the model choice, DataParallel, both criteria, the train loop with its no_grad bookkeeping and the validation loop kept; `log_loss` is the script's own helper shadowing sklearn's, as in the source)
import os
import cv2
import numpy as np
import pandas as pd
import torch
import argparse
import time
from torch.utils.tensorboard import SummaryWriter
from efficientnet_pytorch import EfficientNet
from albumentations import Compose, ShiftScaleRotate, HorizontalFlip, VerticalFlip, RandomBrightnessContrast
from albumentations.pytorch import ToTensor
from sklearn.metrics import log_loss
from torch.utils.data import Dataset, DataLoader
from optimizers import RAdam

parser = argparse.ArgumentParser(description='')
parser.add_argument('--model', dest='model', default='b1')
parser.add_argument('--keep', dest='keep', type=int, default=0)
parser.add_argument('--batch_size', dest='batch_size', type=int, default=150)
parser.add_argument('--n_epochs', dest='n_epochs', default=10)
parser.add_argument('--dir_train_img', dest='dir_train_img', default='/home/user/image/kaggle/train/')
args = parser.parse_args()


class HemorrhageDataset(Dataset):
    def __init__(self, csv_file, path, labels, transform=None):
        self.path = path
        self.data = pd.read_csv(csv_file)
        self.transform = transform
        self.labels = labels

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        img_name = os.path.join(self.path, self.data.loc[idx, 'Image'] + '.png')
        img = cv2.imread(img_name)
        if self.transform:
            img = self.transform(image=img)['image']
        if self.labels:
            labels = torch.tensor(self.data.loc[idx, ['epidural', 'intraparenchymal', 'intraventricular',
                                                      'subarachnoid', 'subdural', 'any']])
            return {'image': img, 'labels': labels}
        return {'image': img}


transform_train = Compose([ShiftScaleRotate(), HorizontalFlip(p=0.5), VerticalFlip(p=0.5),
                           RandomBrightnessContrast(0.08, 0.08), ToTensor()])
transform_validation = Compose([ToTensor()])

train_dataset = HemorrhageDataset(csv_file='train.csv', path=args.dir_train_img, transform=transform_train, labels=True)
valid_dataset = HemorrhageDataset(csv_file='validation.csv', path=args.dir_train_img, transform=transform_validation, labels=True)
data_loader = DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=4)
data_loader_valid = DataLoader(valid_dataset, batch_size=args.batch_size, shuffle=False, num_workers=4)

if args.model == 'b1':
    model = EfficientNet.from_pretrained('efficientnet-b1', num_classes=6)
elif args.model == 'b4':
    model = EfficientNet.from_pretrained('efficientnet-b4', num_classes=6)
elif args.model == 'b5':
    model = EfficientNet.from_pretrained('efficientnet-b5', num_classes=6)

model = torch.nn.DataParallel(model).cuda()

criterion = torch.nn.BCEWithLogitsLoss().cuda()
sub_criterion = torch.nn.BCEWithLogitsLoss(reduce=False, reduction=None).cuda()  # expect: LG010

plist = [{'params': model.parameters(), 'lr': 0.00001}]
optimizer = RAdam(plist, lr=0.00001)


def log_loss(output, label):
    rev_label = (label == 0).float()
    output = torch.sigmoid(output)
    loss = torch.abs(output - rev_label)
    loss = -torch.log(loss.prod(-1).mean())
    return loss


if args.keep > 0:
    checkpoint = torch.load('/home/user/save_model/effi/{}.pth'.format(args.keep))
    model.load_state_dict(checkpoint['model_state_dict'])
    optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
writer = SummaryWriter(comment="effi")

for epoch in range(args.keep + 1, args.n_epochs + 1):
    start_time = time.time()
    model.train()
    tr_loss = 0
    sub_tr_loss = 0
    val_loss = 0
    sub_val_loss = 0
    for step, batch in enumerate(data_loader):
        inputs = batch["image"]
        labels = batch["labels"]

        inputs = inputs.to(dtype=torch.float).cuda()
        labels = labels.to(dtype=torch.float).cuda()
        outputs = model(inputs).cuda()
        loss = criterion(outputs, labels)
        optimizer.zero_grad()

        loss.backward()
        optimizer.step()
        with torch.no_grad():
            sub_loss = sub_criterion(outputs, labels).mean(dim=-2)
            tr_loss += loss.item()
            sub_tr_loss += sub_loss
    epoch_loss = tr_loss * args.batch_size / len(data_loader)
    epoch_sub_loss = sub_tr_loss * args.batch_size / len(data_loader)
    torch.save({'model_state_dict': model.state_dict(), 'optimizer_state_dict': optimizer.state_dict()},
               os.path.join('/home/user/save_model/effi', '{}.pth'.format(epoch)))
    print('Training Loss: {:.4f}'.format(epoch_loss))
    print('epidural: {:.4f}'.format(epoch_sub_loss[0]))

    model.eval()
    with torch.no_grad():
        for step, batch in enumerate(data_loader_valid):
            inputs = batch["image"]
            labels = batch["labels"]

            inputs = inputs.to(dtype=torch.float).cuda()
            labels = labels.to(dtype=torch.float).cuda()
            outputs = model(inputs)

            loss = log_loss(outputs, labels)
            sub_loss = sub_criterion(outputs, labels).mean(dim=-2)
            val_loss += loss.item()
            sub_val_loss += sub_loss
        epoch_val_loss = args.batch_size * val_loss / len(data_loader_valid)
        epoch_sub_val_loss = args.batch_size * sub_val_loss / len(data_loader_valid)

    print('{} seconds per Epoch :'.format(time.time() - start_time))
    print('Validation Loss: {:.4f}'.format(epoch_val_loss))
    writer.add_scalar('Loss/train_loss', epoch_loss, epoch)
    writer.add_scalar('Loss/valid_loss', epoch_val_loss, epoch)
