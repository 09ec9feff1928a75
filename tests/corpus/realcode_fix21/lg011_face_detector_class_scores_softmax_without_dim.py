"""positive [LG011]: a single-shot face detector turns each (1, 2, H, W) class-score map into probabilities with F.softmax and no dim before reading channel 1 as the face score (the fix passes dim=1)."""

# Source: 1adrianb/face-alignment@5f0db4ac3a face_alignment/detection/sfd/detect.py, fixed in 6c1f0b33c6 (cut, renamed)
import numpy as np
import torch
import torch.nn.functional as F

from .boxes import decode


def detect_faces(detector, image, device):
    image = image - np.array([104, 117, 123])
    image = image.transpose(2, 0, 1)
    image = image.reshape((1,) + image.shape)
    image = torch.from_numpy(image).float().to(device)
    with torch.no_grad():
        outputs = detector(image)

    boxes = []
    for level in range(len(outputs) // 2):
        outputs[level * 2] = F.softmax(outputs[level * 2])  # expect: LG011
    outputs = [o.data.cpu() for o in outputs]
    for level in range(len(outputs) // 2):
        cls_map, reg_map = outputs[level * 2], outputs[level * 2 + 1]
        stride = 2 ** (level + 2)
        for _, h, w in zip(*np.where(cls_map[:, 1, :, :] > 0.05)):
            cx, cy = stride / 2 + w * stride, stride / 2 + h * stride
            score = cls_map[0, 1, h, w]
            loc = reg_map[0, :, h, w].contiguous().view(1, 4)
            priors = torch.Tensor([[cx / 1.0, cy / 1.0, stride * 4 / 1.0, stride * 4 / 1.0]])
            x1, y1, x2, y2 = decode(loc, priors, [0.1, 0.2])[0] * 1.0
            boxes.append([x1, y1, x2, y2, score])
    boxes = np.array(boxes)
    if len(boxes) == 0:
        boxes = np.zeros((1, 5))
    return boxes
