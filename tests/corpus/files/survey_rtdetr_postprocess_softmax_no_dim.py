"""positive [LG011] (survey: transformers models/rt_detr/modular_rt_detr.py): softmax without dim on (batch, queries, classes) logits normalises over the batch axis (implicit dim 0 for 3-D input); with batch size 1 every score is 1.0."""
import torch


def post_process_object_detection(outputs, threshold=0.5, use_focal_loss=False, num_top_queries=300):
    out_logits, boxes = outputs["logits"], outputs["pred_boxes"]
    num_classes = out_logits.shape[2]
    if use_focal_loss:
        scores = torch.nn.functional.sigmoid(out_logits)
        scores, index = torch.topk(scores.flatten(1), num_top_queries, axis=-1)
        labels = index % num_classes
        index = index // num_classes
        boxes = boxes.gather(dim=1, index=index.unsqueeze(-1).repeat(1, 1, boxes.shape[-1]))
    else:
        scores = torch.nn.functional.softmax(out_logits)[:, :, :-1]  # expect: LG011
        scores, labels = scores.max(dim=-1)
    results = []
    for s, l, b in zip(scores, labels, boxes):
        keep = s > threshold
        results.append({"scores": s[keep], "labels": l[keep], "boxes": b[keep]})
    return results


if __name__ == "__main__":
    fake = {"logits": torch.randn(1, 300, 81), "pred_boxes": torch.rand(1, 300, 4)}
    print(post_process_object_detection(fake)[0]["scores"].shape)
