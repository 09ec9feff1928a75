"""look-alike [LG006]: the trainer at the commit that made the validation losses numbers already unpacks `detections, result_dict = model(...)` and keeps result_dict['prec'], ['rec'] and ['f1'] per step, while the model still returns its loss tensor second (indexing a tensor by a string raises, so those are not the loss); the losses kept are .item() numbers."""

# Source: gpmaratos/rgrasp.pytorch@96ff09b648 engine/trainer_cascade.py (the fix commit; cut, renamed)
import numpy as np
import torch
from torch import optim

from data_processing.dataloader import build_data_loader
from models.cascade_net import build_model
from utils.cuda_check import get_device


def train(d_path, w_path):
    epochs = 100
    batch_size = 3
    device = get_device()
    dl_train = build_data_loader(batch_size, d_path, 'train', 3)
    dl_val = build_data_loader(batch_size, d_path, 'val', 3)
    model = build_model(device)
    opt = optim.SGD([{'params': model.detector.parameters()}], lr=1e-4, momentum=0.9, weight_decay=1e-4)

    for i in range(epochs):
        train_loss, val_loss = [], []
        train_prec, train_rec, train_f1 = [], [], []
        val_prec, val_rec, val_f1 = [], [], []
        for bind, batch in enumerate(dl_train):
            detections, result_dict = model(batch[0], batch[2])
            train_loss.append(result_dict['loss'].item())
            opt.zero_grad()
            result_dict['loss'].backward()
            train_prec.append(result_dict['prec'])
            train_rec.append(result_dict['rec'])
            train_f1.append(result_dict['f1'])
            opt.step()
        with torch.no_grad():
            for bind, batch in enumerate(dl_val):
                detections, result_dict = model(batch[0], batch[2])
                val_loss.append(result_dict['loss'].item())
                val_prec.append(result_dict['prec'])
                val_rec.append(result_dict['rec'])
                val_f1.append(result_dict['f1'])
        avg_t_loss = sum(train_loss) / len(dl_train)
        avg_v_loss = sum(val_loss) / len(dl_val)
        avg_t_prec = np.array(train_prec)[:, 1].mean()
        print(avg_t_loss, avg_v_loss, avg_t_prec)
