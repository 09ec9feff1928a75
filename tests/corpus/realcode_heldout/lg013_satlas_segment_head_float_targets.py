"""positive [LG013]: multi-task head stores a cross_entropy lambda in self.loss_func for 'segment' and calls it with the stacked (N, H, W) label maps cast by .float(); the multi-label branch's .float() for BCE-with-logits is correct."""
# Source: issue https://github.com/allenai/satlaspretrain_models/issues/5 (SimpleHead.forward casts segment targets with
# .float() before cross_entropy, heads.py line ~179); re-typed from heads.py (the fixed file at
# 315733753b23cfae0c0ed3fa7a2c9ed2c3714eb1 with the cast the issue reports), names changed, reduced.
import torch


class SimpleHead(torch.nn.Module):
    def __init__(self, task, backbone_channels, num_outputs=2):
        super(SimpleHead, self).__init__()
        self.task_type = task
        use_channels = backbone_channels[0][1]
        self.num_outputs = num_outputs
        layers = [torch.nn.Sequential(torch.nn.Conv2d(use_channels, use_channels, 3, padding=1), torch.nn.ReLU(inplace=True))]
        if self.task_type == "segment":
            layers.append(torch.nn.Conv2d(use_channels, self.num_outputs, 3, padding=1))
            self.loss_func = lambda logits, targets: torch.nn.functional.cross_entropy(logits, targets, reduction="none")
        elif self.task_type == "multi-label-classification":
            self.extra = torch.nn.Linear(use_channels, self.num_outputs)
            self.loss_func = lambda logits, targets: torch.nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        self.layers = torch.nn.Sequential(*layers)

    def forward(self, image_list, raw_features, targets=None):
        raw_outputs = self.layers(raw_features[0])
        loss = None
        if self.task_type == "segment":
            outputs = torch.nn.functional.softmax(raw_outputs, dim=1)
            if targets is not None:
                task_targets = torch.stack([target["im"] for target in targets], dim=0)
                task_valid = torch.stack([target["valid_im"] for target in targets], dim=0)
                loss = self.loss_func(raw_outputs, task_targets.float()) * task_valid  # expect: LG013
                loss = loss.mean()
        elif self.task_type == "multi-label-classification":
            features = torch.amax(raw_outputs, dim=(2, 3))
            logits = self.extra(features)
            outputs = torch.sigmoid(logits)
            if targets is not None:
                task_targets = torch.cat([target["labels"] for target in targets], dim=0).to(torch.float32)
                task_valid = torch.stack([target["valid"] for target in targets], dim=0)
                loss = self.loss_func(logits, task_targets) * task_valid
                loss = loss.mean()
        return outputs, loss
