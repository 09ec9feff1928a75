"""part of positive project [LG001]: paths, labels and training settings the other files import."""
# Source: mengxianglong123/weather-recognition@e888eda6d98830b2f8f17a1cb9c71dbe8e8dadbb config.py (read as is; issue #1 reports a target-dtype error on torch 1.7; re-typed, comments translated away)
import time

import torch


class Common:
    basePath = "D:/Data/weather/source/all/"
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    imageSize = (224, 224)
    labels = ["cloudy", "haze", "rainy", "shine", "snow", "sunny", "sunrise", "thunder"]


class Train:
    batch_size = 128
    num_workers = 0
    lr = 0.001
    epochs = 40
    logDir = "./log/" + time.strftime('%Y-%m-%d-%H-%M-%S', time.gmtime())
    modelDir = "./model/"
