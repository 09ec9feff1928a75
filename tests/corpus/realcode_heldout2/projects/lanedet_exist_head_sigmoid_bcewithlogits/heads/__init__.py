"""part of positive project [LG003]: the heads package re-exports the lane-existence head and the segmentation head."""
# Source: https://github.com/Turoad/lanedet lanedet/models/heads/__init__.py at 35665fc9dd8d80df207fa86d2152f9f48618ffe7; reduced.
from .exist_head import ExistHead
from .lane_seg import LaneSeg
