import torch

from . import boxes  # noqa: F401


def nms(boxes_, scores, iou_threshold):
    """Greedy non-maximum suppression: the kept indices, by decreasing score."""
    order = scores.argsort(descending=True)
    keep = []
    while order.numel():
        i = order[0]
        keep.append(int(i))
        if order.numel() == 1:
            break
        rest = order[1:]
        lt = torch.max(boxes_[i, :2], boxes_[rest, :2])
        rb = torch.min(boxes_[i, 2:], boxes_[rest, 2:])
        inter = (rb - lt).clamp(min=0).prod(1)
        iou = inter / (boxes.box_area(boxes_[i : i + 1]) + boxes.box_area(boxes_[rest]) - inter)
        order = rest[iou <= iou_threshold]
    return torch.tensor(keep, dtype=torch.int64)
