"""look-alike [LG011]: the same test pass at the fix: `F.softmax(outputs, dim=1)` names the class axis."""

# Source: rutajoshi/cs231n-project@112e3ba575 test.py ("add explicit dim for softmax") (cut, renamed)
import json
import time

import torch
import torch.nn.functional as F


def summarize_video(clip_scores, video_id, results, class_names):
    stacked = torch.stack(clip_scores)
    mean_scores = torch.mean(stacked, dim=0)
    top_scores, top_idx = torch.topk(mean_scores, k=10)
    results["results"][video_id] = [{"label": class_names[top_idx[i]], "score": top_scores[i]} for i in range(top_scores.size(0))]


def run_test(data_loader, model, opt, class_names):
    model.eval()
    clip_scores = []
    last_video = ""
    results = {"results": {}}
    start = time.time()
    with torch.no_grad():
        for i, (inputs, video_ids) in enumerate(data_loader):
            outputs = model(inputs)
            if not opt.no_softmax_in_test:
                outputs = F.softmax(outputs, dim=1)
            for j in range(outputs.size(0)):
                if not (i == 0 and j == 0) and video_ids[j] != last_video:
                    summarize_video(clip_scores, last_video, results, class_names)
                    clip_scores = []
                clip_scores.append(outputs[j].data.cpu())
                last_video = video_ids[j]
            print("[{}/{}] {:.3f}s".format(i + 1, len(data_loader), time.time() - start))
        if clip_scores:
            summarize_video(clip_scores, last_video, results, class_names)
    with open(opt.result_path / "{}.json".format(opt.test_subset), "w") as f:
        json.dump(results, f)
