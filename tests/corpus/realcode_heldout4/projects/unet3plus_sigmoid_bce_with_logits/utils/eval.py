"""part of positive project [LG003, LG010]: the validation thresholds the network output at 0.5 and scores it with dice (or cross entropy for several classes)."""
# Source: https://github.com/avBuffer/UNet3plus_pth utils/eval.py at 263534e4a48964e907324622b14b90f1c3b4270d; re-typed, names changed.
import torch
import torch.nn.functional as F
from tqdm import tqdm

from loss.bceLoss import BCE_loss
from loss.diceLoss import dice_coeff


def eval_net(net, loader, device, n_val):
    net.eval()
    total = 0
    with tqdm(total=n_val, desc="Validation round", unit="img", leave=False) as bar:
        for batch in loader:
            images = batch["image"].to(device=device, dtype=torch.float32)
            mask_type = torch.float32 if net.n_classes == 1 else torch.long
            masks = batch["mask"].to(device=device, dtype=mask_type)
            pred_masks = net(images)
            for mask, pred in zip(masks, pred_masks):
                pred = (pred > 0.5).float()
                if net.n_classes > 1:
                    total += F.cross_entropy(pred.unsqueeze(dim=0), mask.unsqueeze(dim=0)).item()
                else:
                    total += dice_coeff(pred, mask.squeeze(dim=1)).item()
            bar.update(images.shape[0])
    return total / n_val
