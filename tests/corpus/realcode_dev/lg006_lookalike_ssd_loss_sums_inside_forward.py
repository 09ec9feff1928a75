"""look-alike [LG006]: an SSD loss module's forward loops over the batch and the boxes, summing smooth_l1_loss terms into temp_loc_loss / loc_loss to build the one loss it returns; nothing in those loops calls backward or step."""
# Source: https://github.com/dsgiitr/d2l-pytorch Ch14_Computer_Vision/Single_Shot_Multibox_Detection.ipynb at
# e84da49a9e1ba1f1b59e2ed5e2dc4f3b57b6fad (a false alarm of this survey); re-typed from the notebook cells, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SSDLoss(nn.Module):
    def __init__(self, loc_factor, jaccard_overlap, num_classes, find_overlap, focal_loss):
        super().__init__()
        self.fl = focal_loss
        self.loc_factor = loc_factor
        self.jaccard_overlap = jaccard_overlap
        self.num_classes = num_classes
        self.find_overlap = find_overlap

    @staticmethod
    def one_hot_encoding(labels, num_classes):
        return torch.eye(num_classes)[labels]

    @staticmethod
    def loc_transformation(x, anchors, overlap_indicies):
        return torch.cat([(x[:, 0:1] - anchors[overlap_indicies, 0:1]) / anchors[overlap_indicies, 2:3],
                          (x[:, 1:2] - anchors[overlap_indicies, 1:2]) / anchors[overlap_indicies, 3:4],
                          torch.log((x[:, 2:3] / anchors[overlap_indicies, 2:3])),
                          torch.log((x[:, 3:4] / anchors[overlap_indicies, 3:4]))], dim=1)

    def forward(self, class_hat, bb_hat, class_true, bb_true, anchors):
        loc_loss = 0.0
        class_loss = 0.0
        for i in range(len(class_true)):
            class_hat_i = class_hat[i, :, :]
            bb_true_i = bb_true[i].float()
            class_true_i = class_true[i]
            class_target = torch.zeros(class_hat_i.shape[0]).long()
            overlap_list = self.find_overlap(bb_true_i.squeeze(0), anchors, self.jaccard_overlap)
            temp_loc_loss = 0.0
            for j in range(len(overlap_list)):
                overlap = overlap_list[j]
                class_target[overlap] = class_true_i[0, j].long()
                input_ = bb_hat[i, overlap, :]
                target_ = SSDLoss.loc_transformation(bb_true_i[0, j, :].expand((len(overlap), 4)), anchors, overlap)
                temp_loc_loss += F.smooth_l1_loss(input=input_, target=target_, reduction="sum") / len(overlap)
            loc_loss += temp_loc_loss / class_true_i.shape[1]
            class_target = SSDLoss.one_hot_encoding(class_target, self.num_classes + 1).float()
            class_loss += self.fl(class_hat_i, class_target) / class_true_i.shape[1]
        loc_loss = loc_loss / len(class_true)
        class_loss = class_loss / len(class_true)
        loss = class_loss + loc_loss * self.loc_factor
        return loss, loc_loss, class_loss


def train(net, train_iter, anchors, loss_fn, optimizer, num_epochs):
    for epoch in range(num_epochs):
        for batch in train_iter:
            x, bbox, label = batch
            class_hat, bb_hat = net(x)
            loss, loc_loss, class_loss = loss_fn(class_hat, bb_hat, label, bbox, anchors)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
