"""part of look-alike project [LG001, LG005, LG006, LG013]: the training script builds PNet(is_train=True), so CrossEntropyLoss gets the raw two-channel scores, squeezed and masked to the samples with a face/background label (>= 0), and MSELoss the offsets masked the same way; the phase loss sums loss.item() and the .item() of each term."""
# Source: xuexingyu24/License_Plate_Detection_Pytorch at aa5778d6, MTCNN/train/Train_Pnet.py; re-typed, identifiers renamed; the logging file, the best-model copy and
# the validation bookkeeping shortened. ListDataset is the repository's (not included).
import sys

sys.path.append('..')
import time

import torch
import torch.nn as nn
from Data_Loading import ListDataset

from model.MTCNN_nets import PNet


def weights_init(m):
    if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight.data)
        nn.init.constant_(m.bias, 0.1)


train_path = '../data_preprocessing/anno_store/imglist_anno_12.txt'
val_path = '../data_preprocessing/anno_store/imglist_anno_12_val.txt'
batch_size = 64
dataloaders = {'train': torch.utils.data.DataLoader(ListDataset(train_path), batch_size=batch_size, shuffle=True),
               'val': torch.utils.data.DataLoader(ListDataset(val_path), batch_size=batch_size, shuffle=True)}
dataset_sizes = {'train': len(ListDataset(train_path)), 'val': len(ListDataset(val_path))}
device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')

model = PNet(is_train=True).to(device)
model.apply(weights_init)
optimizer = torch.optim.Adam(model.parameters())
since = time.time()
loss_cls = nn.CrossEntropyLoss()
loss_offset = nn.MSELoss()

num_epochs = 16
for epoch in range(num_epochs):
    for phase in ['train', 'val']:
        if phase == 'train':
            model.train()
        else:
            model.eval()
        running_loss, running_loss_cls, running_loss_offset = 0.0, 0.0, 0.0
        running_correct = 0.0
        running_gt = 0.0
        for i_batch, sample_batched in enumerate(dataloaders[phase]):
            input_images, gt_label, gt_offset = sample_batched['input_img'], sample_batched['label'], \
                sample_batched['bbox_target']
            input_images = input_images.to(device)
            gt_label = gt_label.to(device)
            gt_offset = gt_offset.type(torch.FloatTensor).to(device)
            optimizer.zero_grad()
            with torch.set_grad_enabled(phase == 'train'):
                pred_offsets, pred_label = model(input_images)
                pred_offsets = torch.squeeze(pred_offsets)
                pred_label = torch.squeeze(pred_label)
                mask_cls = torch.ge(gt_label, 0)
                valid_gt_label = gt_label[mask_cls]
                valid_pred_label = pred_label[mask_cls]
                unmask = torch.eq(gt_label, 0)
                mask_offset = torch.eq(unmask, 0)
                valid_gt_offset = gt_offset[mask_offset]
                valid_pred_offset = pred_offsets[mask_offset]
                loss = torch.tensor(0.0).to(device)
                cls_loss, offset_loss = 0.0, 0.0
                eval_correct = 0.0
                num_gt = len(valid_gt_label)
                if len(valid_gt_label) != 0:
                    loss += 0.02 * loss_cls(valid_pred_label, valid_gt_label)
                    cls_loss = loss_cls(valid_pred_label, valid_gt_label).item()
                    pred = torch.max(valid_pred_label, 1)[1]
                    eval_correct = (pred == valid_gt_label).sum().item()
                if len(valid_gt_offset) != 0:
                    loss += 0.6 * loss_offset(valid_pred_offset, valid_gt_offset)
                    offset_loss = loss_offset(valid_pred_offset, valid_gt_offset).item()
                if phase == 'train':
                    loss.backward()
                    optimizer.step()
                running_loss += loss.item() * batch_size
                running_loss_cls += cls_loss * batch_size
                running_loss_offset += offset_loss * batch_size
                running_correct += eval_correct
                running_gt += num_gt
        epoch_loss = running_loss / dataset_sizes[phase]
        epoch_accuracy = running_correct / (running_gt + 1e-16)
        print('{} Loss: {:.4f} accuracy: {:.4f}'.format(phase, epoch_loss, epoch_accuracy))
