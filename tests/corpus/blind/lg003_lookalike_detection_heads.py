"""look-alike [LG003, LG002, LG005]: single-stage detector: objectness and class logits from 1x1 convs go to BCEWithLogits, boxes (N, 4) vs (N, 4) to SmoothL1; sigmoid only in decode()."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Head(nn.Module):
    def __init__(self, cin=256, n_anchors=3, n_cls=20):
        super().__init__()
        self.n_cls = n_cls
        self.obj = nn.Conv2d(cin, n_anchors, 1)
        self.cls = nn.Conv2d(cin, n_anchors * n_cls, 1)
        self.box = nn.Conv2d(cin, n_anchors * 4, 1)

    def forward(self, feat):
        b = feat.size(0)
        obj = self.obj(feat).permute(0, 2, 3, 1).reshape(b, -1)
        cls = self.cls(feat).permute(0, 2, 3, 1).reshape(b, -1, self.n_cls)
        box = self.box(feat).permute(0, 2, 3, 1).reshape(b, -1, 4)
        return obj, cls, box

    @torch.no_grad()
    def decode(self, feat, conf=0.25):
        obj, cls, box = self(feat)
        scores = torch.sigmoid(obj).unsqueeze(-1) * torch.sigmoid(cls)
        keep = scores.max(-1).values > conf
        return box[keep], scores[keep]


def detection_loss(head, feat, obj_t, cls_t, box_t, pos_mask):
    obj, cls, box = head(feat)
    l_obj = F.binary_cross_entropy_with_logits(obj, obj_t.float())
    l_cls = F.binary_cross_entropy_with_logits(cls[pos_mask], cls_t[pos_mask].float())
    l_box = F.smooth_l1_loss(box[pos_mask], box_t[pos_mask], beta=1.0 / 9)
    return l_obj + l_cls + 5.0 * l_box


def train(backbone, head, loader, epochs=12):
    params = list(backbone.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=5e-4)
    for epoch in range(epochs):
        for img, obj_t, cls_t, box_t, pos in loader:
            opt.zero_grad()
            loss = detection_loss(head, backbone(img), obj_t, cls_t, box_t, pos)
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    h = Head()
    print([t.shape for t in h(torch.randn(1, 256, 8, 8))])
