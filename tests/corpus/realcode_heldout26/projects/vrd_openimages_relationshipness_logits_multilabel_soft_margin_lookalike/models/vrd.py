"""part of look-alike project [LG001, LG003, LG006, LG014, LG017]: visual relationship detection heads: during training the relationship logits go to nn.CrossEntropyLoss(ignore_index=0) and their first column (relationshipness) to nn.BCEWithLogitsLoss against (t > 0).float(); the raw attribute scores go to nn.MultiLabelSoftMarginLoss; softmax and sigmoid appear only on the inference branch."""
# Source: mesnico/pytorch-retinanet at 13a4465e (read as is; the relationship and attribute heads this fork adds for the
# OpenImages 2019 challenge), models/vrd.py;
# re-typed, identifiers renamed; the union-box geometry, the spatial features, the sampling of relation pairs and
# the multiple-net variants cut to calls of cut helpers.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


class RelationsBase(nn.Module):
    def __init__(self, dataset, rel_context='relation_box', use_labels=False):
        super().__init__()
        self.num_relationships = dataset.num_relationships()
        self.num_classes = dataset.num_classes()
        self.rel_context = rel_context
        self.use_labels = use_labels
        self.rel_class_loss_fn = nn.CrossEntropyLoss(ignore_index=0)
        self.rel_relationshipness_loss_fn = nn.BCEWithLogitsLoss()
        self.cuda_on = False

    def forward(self, boxes, labels, targets, img_features, pooled_regions, img_shape, scale):
        relboxes, spatial_features = pair_geometry(boxes, img_shape)
        if self.rel_context == 'relation_box':
            pooled_rel = torchvision.ops.roi_align(img_features.unsqueeze(0), [relboxes.view(-1, 4)],
                                                   output_size=(4, 4), spatial_scale=scale)
            pooled_rel = pooled_rel.view(boxes.size(0), boxes.size(0), pooled_rel.size(1), pooled_rel.size(2),
                                         pooled_rel.size(3))
        else:
            pooled_rel = None
        pooled_obj = pooled_regions.unsqueeze(0).repeat(boxes.size(0), 1, 1, 1, 1)
        pooled_subj = pooled_regions.unsqueeze(1).repeat(1, boxes.size(0), 1, 1, 1)
        pooled_pairs = torch.cat((pooled_subj, pooled_obj), dim=2)
        if self.use_labels:
            onehot = nn.functional.one_hot(labels, self.num_classes).float()
            pair_labels = torch.cat((onehot.unsqueeze(1).repeat(1, boxes.size(0), 1),
                                     onehot.unsqueeze(0).repeat(boxes.size(0), 1, 1)), dim=2)
        else:
            pair_labels = None
        chosen = choose_rel_indexes(targets['relationships']) if self.training else None
        rel_out = self.features_to_relationships(pooled_pairs, spatial_features, pair_labels, pooled_rel, chosen)
        if self.training:
            t = targets['relationships'][chosen]
            rel_class_loss = self.rel_class_loss_fn(rel_out, t)
            rel_relationshipness_loss = self.rel_relationshipness_loss_fn(rel_out[:, 0], (t > 0).float())
            return rel_class_loss, rel_relationshipness_loss
        else:
            inferred = F.softmax(rel_out[:, 1:], dim=1)
            _, rel_idx = torch.max(inferred, dim=1)
            rel_scores = torch.sigmoid(rel_out[:, 0])
            rel_scores = rel_scores.view(boxes.size(0), boxes.size(0))
            mask = 1 - torch.eye(boxes.size(0))
            if self.cuda_on:
                mask = mask.cuda()
            rel_scores *= mask
            rel_idx = rel_idx.view(boxes.size(0), boxes.size(0)) + 1
            return {'relationships': rel_idx, 'relationships_scores': rel_scores}

    def features_to_relationships(self, pooled_pairs, spatial_features, pair_labels, pooled_rel, chosen):
        raise NotImplementedError()


class RelationsSingleNet(RelationsBase):
    def __init__(self, dataset, rel_context='relation_box', use_labels=False):
        super().__init__(dataset, rel_context, use_labels)
        input_size = 4 * 4 * 256 * 3 + 2 * self.num_classes * use_labels + 14
        self.classifier = nn.Sequential(
            nn.Linear(input_size, 4096), nn.ReLU(), nn.Dropout(),
            nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),
            nn.Linear(4096, self.num_relationships),
        )

    def features_to_relationships(self, pooled_pairs, spatial_features, pair_labels, pooled_rel, chosen):
        concat = torch.cat((pooled_pairs.view(pooled_pairs.size(0), pooled_pairs.size(1), -1), spatial_features), dim=2)
        if self.use_labels:
            concat = torch.cat((concat, pair_labels), dim=2)
        if self.rel_context is not None:
            concat = torch.cat((concat, pooled_rel.view(pooled_rel.size(0), pooled_rel.size(0), -1)), dim=2)
        if self.training:
            concat = concat[chosen]
        else:
            concat = concat.view(concat.size(0) ** 2, -1)
        return self.classifier(concat)


class AttributesBase(nn.Module):
    def __init__(self, dataset):
        super().__init__()
        self.num_attributes = dataset.num_attributes()
        self.num_classes = dataset.num_classes()
        self.attr_loss_fn = nn.MultiLabelSoftMarginLoss()

    def forward(self, boxes, labels, targets, img_features, pooled_regions):
        onehot = nn.functional.one_hot(labels, self.num_classes)
        attr_out = self.features_to_attributes(img_features, pooled_regions, onehot)
        if self.training:
            return self.attr_loss_fn(attr_out, targets['attributes'].float())
        inferred = torch.sigmoid(attr_out)
        scores, indexes = torch.sort(inferred, dim=1, descending=True)
        return {'attributes': indexes, 'attributes_scores': scores}


class AttributesSingleNet(AttributesBase):
    def __init__(self, dataset):
        super().__init__(dataset)
        self.classifier = nn.Sequential(
            nn.Linear(4 * 4 * 256 + self.num_classes, 4096), nn.ReLU(), nn.Dropout(),
            nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),
            nn.Linear(4096, self.num_attributes),
        )

    def features_to_attributes(self, img_features, pooled_regions, onehot):
        feats = torch.cat((pooled_regions.view(pooled_regions.size(0), -1), onehot.float()), dim=1)
        return self.classifier(feats)
