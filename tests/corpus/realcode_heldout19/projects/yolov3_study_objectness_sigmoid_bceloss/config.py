"""part of positive project [LG016]: the constants of the study repository's YOLOv3 (image size, classes, anchors, the loss weight C)."""
# Source: 117XinyuLi/pytorch-learning at 99050090 (read as is), test15-YOLO/yolov3/config.py; re-typed, the anchor-area
# table and the detection thresholds cut.
DATA_WIDTH = 416
DATA_HEIGHT = 416

CLASS_NUM = 3

anchors = {
    13: [[270, 254], [291, 179], [162, 304]],
    26: [[175, 222], [112, 235], [175, 140]],
    52: [[81, 118], [53, 142], [44, 28]]
}

num2class = {
    0: 'person',
    1: 'horse',
    2: 'bicycle'
}

C = 0.4
