"""positive [LG003]: the YOLOv4 loss builds one BCEWithLogitsLoss(reduction='none') for objectness and classes, gives it the raw objectness scores but the class scores through torch.sigmoid, so the classes are squashed twice (the fix passes pred_class raw)."""

# Source: inacmor/mobiledets-yolov4-pytorch@903a43cbb4 model/loss.py, train.py, fixed in cabe798f2f (cut, renamed)
import torch

from model.loss_utils import iou_ignore, iou_loss


def yolo4_loss(feats, yolos, ground_truth, ignore_thresh=0.5):
    device = feats[0].device
    (batch_size, input_size, _, num_layers, _) = feats[0].size()
    loss = torch.tensor(0, dtype=feats[0].dtype).to(device)
    bce_loss = torch.nn.BCEWithLogitsLoss(reduction="none")
    m = torch.tensor(batch_size, dtype=feats[0].dtype).to(device)
    for l in range(num_layers):
        object_mask = ground_truth[l][:, :, :, :, 4:5]
        pred_confi = feats[l][..., 4:5]
        pred_class = feats[l][..., 5:]
        true_confi = ground_truth[l][..., 4].clone().unsqueeze(-1)
        true_class = ground_truth[l][..., 5:].clone()
        pred_box = yolos[l][..., 0:4]
        ignore_mask = torch.ones_like(object_mask, dtype=torch.float).to(device)
        for b in range(feats[l].size(0)):
            t_box = ground_truth[l][b, ...].to(device)
            t_box = t_box[t_box[..., 4] == 1][..., 0:4]
            if len(t_box) == 0:
                continue
            best_iou = iou_ignore(pred_box[b, ...], t_box, device=device, Ciou=True).max(dim=-1, keepdim=True)[0]
            ignore_mask[b, ...] = best_iou < ignore_thresh
        box_loss_scale = (2.0 - ground_truth[l][..., 2] * ground_truth[l][..., 3]).unsqueeze(-1)
        ciou_loss, _, _, _ = iou_loss(pred_box, ground_truth[l][..., 0:4], device=device, Ciou=True, detail=True)
        ciou_loss = torch.sum(object_mask * box_loss_scale * ciou_loss) / m
        confi_loss = object_mask * bce_loss(pred_confi, true_confi) + (1 - object_mask) * ignore_mask * bce_loss(pred_confi, true_confi)
        class_loss = object_mask * bce_loss(torch.sigmoid(pred_class), true_class)  # expect: LG003
        loss += ciou_loss + torch.sum(confi_loss) / m + torch.sum(class_loss) / m
    return loss


def train(model, loader, optimizer, epochs):
    for epoch in range(epochs):
        for images, ground_truth in loader:
            feats, yolos = model(images)
            loss = yolo4_loss(feats, yolos, ground_truth)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
