"""part of look-alike project [LG006]: the tools package."""
# Source: https://github.com/MultimediaTechLab/YOLO yolo/tools/ at dea5a8ada1b6d55c8542a40d284f41707134d445 (pull request #83); empty in the reduction.
