"""positive [LG014]: waypoint predictor: the loss is built only in the `if args.PREDICTOR_NET == 'TRM':` branch from an unreduced MSELoss, reduced by hand, then total_loss.backward() and optimizer.step() run every batch with no zero_grad anywhere."""
# Source: https://github.com/wz0919/waypoint-predictor waypoint_predictor.py at
# ac357545c1a768e11c41c1686f35deb82462ecbb (issue #4: "Is optimizer.zero_grad() intentionally omitted in training
# loop?", open at this commit); re-typed, names changed, reduced.
import torch

import utils
from TRM_net import BinaryDistPredictor_TRM, TRM_predict


def setup_and_train(args, device, rgb_encoder, depth_encoder, trainloader, navigability_dict):
    if args.PREDICTOR_NET == "TRM":
        args.HIDDEN_DIM = 768
        predictor = BinaryDistPredictor_TRM(args=args, hidden_dim=args.HIDDEN_DIM, n_classes=args.NUM_CLASSES).to(device)
    criterion_bcel = torch.nn.BCEWithLogitsLoss(reduction="none")
    criterion_mse = torch.nn.MSELoss(reduction="none")
    params = list(predictor.parameters())
    optimizer = torch.optim.AdamW(params, lr=args.LEARNING_RATE)
    for epoch in range(args.EPOCH):
        sum_loss = 0.0
        rgb_encoder.eval()
        depth_encoder.eval()
        predictor.train()
        for i, data in enumerate(trainloader):
            scan_ids = data["scan_id"]
            waypoint_ids = data["waypoint_id"]
            rgb_imgs = data["rgb"].to(device)
            depth_imgs = data["depth"].to(device)
            rgb_feats = rgb_encoder(rgb_imgs)
            depth_feats = depth_encoder(depth_imgs)
            target, obstacle, weight, _, _ = utils.get_gt_nav_map(args.ANGLES, navigability_dict, scan_ids, waypoint_ids)
            target = target.to(device)
            weight = weight.to(device)
            if args.PREDICTOR_NET == "TRM":
                vis_logits = TRM_predict("train", args, predictor, rgb_feats, depth_feats)
                loss_vis = criterion_mse(vis_logits, target)
                if args.WEIGHT:
                    loss_vis = loss_vis * weight
                total_loss = loss_vis.sum() / vis_logits.size(0) / args.ANGLES
            total_loss.backward()
            optimizer.step()  # expect: LG014
            sum_loss += total_loss.item()
