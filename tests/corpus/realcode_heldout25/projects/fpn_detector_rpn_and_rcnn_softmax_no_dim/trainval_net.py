"""part of positive project [LG011]: the training script sums the four (DataParallel-gathered) losses with .mean(), logs loss.data[0], zeroes, back-propagates and steps each iteration."""
# Source: jwyang/fpn.pytorch at 23bd1d2f (read as is), trainval_net.py; re-typed, identifiers renamed; argument parsing, the roidb loader,
# learning-rate decay, tensorboard logging and checkpointing shortened.
import torch
import torch.nn as nn

from model.fpn.fpn import PyramidDetector


def train(loader, classes, lr, epochs, disp_interval=100):
    net = PyramidDetector(classes, class_agnostic=False)
    net = nn.DataParallel(net).cuda()
    optimizer = torch.optim.SGD([p for p in net.parameters() if p.requires_grad], lr=lr, momentum=0.9)
    for epoch in range(epochs):
        net.train()
        loss_temp = 0
        for step, (im_data, im_info, gt_boxes, num_boxes) in enumerate(loader):
            net.zero_grad()
            _, _, _, rpn_loss_cls, rpn_loss_box, rcnn_loss_cls, rcnn_loss_bbox, _ = net(im_data, im_info, gt_boxes,
                                                                                          num_boxes)
            loss = rpn_loss_cls.mean() + rpn_loss_box.mean() + rcnn_loss_cls.mean() + rcnn_loss_bbox.mean()
            loss_temp += loss.data[0]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step % disp_interval == 0:
                print("[epoch %2d][iter %4d] loss: %.4f" % (epoch, step, loss_temp / disp_interval))
                loss_temp = 0
