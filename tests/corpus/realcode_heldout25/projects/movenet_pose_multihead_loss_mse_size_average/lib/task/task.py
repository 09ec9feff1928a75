"""part of positive project [LG010]: the task runner builds the loss once, sums the five head losses each batch, zeroes, back-propagates and steps, and logs total_loss.item()."""
# Source: fire717/movenet.pytorch at f7391969 (read as is), lib/task/task.py; re-typed, identifiers renamed; decoding, accuracy, validation,
# checkpointing and the gradient-clipping helper shortened.
import torch

from lib.loss.movenet_loss import PoseLoss


class PoseTask():
    def __init__(self, cfg, model):
        self.cfg = cfg
        self.device = torch.device("cuda") if cfg['GPU_ID'] != '' else torch.device("cpu")
        self.model = model.to(self.device)
        self.loss_func = PoseLoss()
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=cfg['learning_rate'],
                                          weight_decay=cfg['weight_decay'])
        self.scheduler = torch.optim.lr_scheduler.MultiStepLR(self.optimizer, milestones=[50, 80], gamma=0.1)

    def train(self, train_loader, val_loader):
        for epoch in range(self.cfg['epochs']):
            self.on_train_step(train_loader, epoch)

    def on_train_step(self, train_loader, epoch):
        self.model.train()
        for batch_idx, (imgs, labels, kps_mask, img_names) in enumerate(train_loader):
            labels = labels.to(self.device)
            imgs = imgs.to(self.device)
            kps_mask = kps_mask.to(self.device)
            output = self.model(imgs)
            heatmap_loss, bone_loss, center_loss, regs_loss, offset_loss = self.loss_func(output, labels, kps_mask)
            total_loss = heatmap_loss + center_loss + regs_loss + offset_loss + bone_loss
            self.optimizer.zero_grad()
            total_loss.backward()
            self.optimizer.step()
            if batch_idx % self.cfg['log_interval'] == 0:
                print('[%d/%d] loss: %.4f' % (batch_idx, len(train_loader), total_loss.item()))
        self.scheduler.step()
