"""part of positive project [LG006]: the tools package."""
# Source: https://github.com/MultimediaTechLab/YOLO yolo/tools/ at 8228669808a626fc5f9c233fdb35550b5e041fae (the parent of dea5a8ada1b6d55c8542a40d284f41707134d445); empty in the reduction.
