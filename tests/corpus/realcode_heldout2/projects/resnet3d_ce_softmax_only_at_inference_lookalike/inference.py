"""part of look-alike project [LG001, LG006, LG014]: inference takes F.softmax(outputs, dim=1) under torch.no_grad() only to store class scores; no loss is computed on them."""
# Source: https://github.com/kenshohara/3D-ResNets-PyTorch inference.py at 540a0ea1abaee379fa3651d4d5afbd2d667a1f49; re-typed, names changed, reduced. Correct code.
from collections import defaultdict

import torch
import torch.nn.functional as F


def inference(data_loader, model, result_path, class_names):
    model.eval()
    results = {"results": defaultdict(list)}
    with torch.no_grad():
        for i, (inputs, targets) in enumerate(data_loader):
            video_ids, segments = zip(*targets)
            outputs = model(inputs)
            outputs = F.softmax(outputs, dim=1).cpu()
            for j in range(outputs.size(0)):
                results["results"][video_ids[j]].append({"segment": segments[j], "output": outputs[j]})
    return results
