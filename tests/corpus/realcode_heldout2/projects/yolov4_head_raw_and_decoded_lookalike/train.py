"""part of look-alike project [LG003, LG006, LG014]: the trainer accumulates gradients over several batches (zero_grad after each accumulated step) and averages the loss terms through torch.tensor([...]), a new leaf tensor."""
# Source: https://github.com/argusswift/YOLOv4-pytorch train.py at d34aaab4d03eb0f0121c97b951e2c9baa330794f; re-typed, names changed, reduced. Correct code.
import torch
import torch.optim as optim

import config.yolov4_config as cfg
from model.build_model import BuildModel
from model.loss.yolo_loss import YoloV4Loss


class Trainer(object):
    def __init__(self, weight_path=None):
        self.device = torch.device("cuda")
        self.epochs = cfg.TRAIN["YOLO_EPOCHS"]
        self.accumulate = cfg.TRAIN["ACCUMULATE"]
        self.yolov4 = BuildModel(weight_path=weight_path).to(self.device)
        self.optimizer = optim.SGD(self.yolov4.parameters(), lr=cfg.TRAIN["LR_INIT"], momentum=cfg.TRAIN["MOMENTUM"])
        self.criterion = YoloV4Loss(anchors=cfg.MODEL["ANCHORS"], strides=cfg.MODEL["STRIDES"], iou_threshold_loss=cfg.TRAIN["IOU_THRESHOLD_LOSS"])

    def train(self, train_dataloader):
        for epoch in range(self.epochs):
            self.yolov4.train()
            mloss = torch.zeros(4)
            for i, (imgs, label_sbbox, label_mbbox, label_lbbox, sbboxes, mbboxes, lbboxes) in enumerate(train_dataloader):
                imgs = imgs.to(self.device)
                p, p_d = self.yolov4(imgs)
                loss, loss_ciou, loss_conf, loss_cls = self.criterion(p, p_d, label_sbbox, label_mbbox, label_lbbox, sbboxes, mbboxes, lbboxes)
                loss.backward()
                if i % self.accumulate == 0:
                    self.optimizer.step()
                    self.optimizer.zero_grad()
                loss_items = torch.tensor([loss_ciou, loss_conf, loss_cls, loss])
                mloss = (mloss * i + loss_items) / (i + 1)
                if i % 10 == 0:
                    print("total_loss:{:.4f}|loss_ciou:{:.4f}".format(mloss[3], mloss[0]))
