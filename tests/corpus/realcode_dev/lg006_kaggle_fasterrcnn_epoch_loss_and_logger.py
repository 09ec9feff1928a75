"""positive [LG006]: a Kaggle notebook fine-tuning torchvision's Faster R-CNN adds each step's summed loss dict (still holding its graph) into epoch_loss, returns that sum, and the epoch loop appends every epoch's returned sum to a list kept for the whole run."""
# Source: https://github.com/simisimon/kaggle-notebooks converted_notebooks/final_notebooks_digit-recognizer_pytorch-pretrained-fasterrcnnipynb.py
# at 43885814f652fac0d9e6ce265c26f88c58af4c5b (the same cells recur in two more notebooks of that collection);
# re-typed from the notebook's cells, names changed, reduced. A true finding of the round-14 survey.
import time

import torch
from torch.utils.data import DataLoader
from torchvision import models
from tqdm import tqdm


def build_detector(num_classes):
    net = models.detection.fasterrcnn_resnet50_fpn(weights="DEFAULT")
    width = net.roi_heads.box_predictor.cls_score.in_features
    net.roi_heads.box_predictor = models.detection.faster_rcnn.FastRCNNPredictor(width, num_classes)
    return net


def train_one_epoch(net, device, loader, opt):
    running = 0
    net.train()
    for images, targets in tqdm(loader):
        images = list(im.to(device) for im in images)
        targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
        loss_dict = net(images, targets)
        total = sum(part for part in loss_dict.values())
        opt.zero_grad()
        total.backward()
        opt.step()
        running += total  # expect: LG006
    running /= len(loader)
    print("epoch loss {:.5f}".format(running))
    return running


def run(train_set, epochs=60):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    net = build_detector(3).to(device)
    params = [p for p in net.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=1e-5, weight_decay=0.001)
    loader = DataLoader(train_set, batch_size=3, shuffle=True, collate_fn=lambda b: tuple(zip(*b)))
    history = []
    start = time.time()
    for _ in range(epochs):
        epoch_loss = train_one_epoch(net, device, loader, opt)
        history.append(epoch_loss)  # expect: LG006
    print("training took %.2f s" % (time.time() - start))
    return history
