"""look-alike [LG006]: a domain-adaptation regression test sums MSELoss and L1Loss tensors per factor, inside torch.no_grad()."""

# Source: thuml/Domain-Adaptation-Regression@41d332e DAR-RSD/dSprites/train_rsd.py (re-typed, renamed, cut to the test)
import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def regression_test(loader, model):
    model.eval()
    mse = [0, 0, 0, 0]
    mae = [0, 0, 0, 0]
    count = 0
    with torch.no_grad():
        for images, factors in loader["test"]:
            images = images.to(device)
            factors = factors.to(device).float()
            pred = model(images)
            for j in range(3):
                mse[j] += torch.nn.MSELoss(reduction="sum")(pred[:, j], factors[:, j])
                mae[j] += torch.nn.L1Loss(reduction="sum")(pred[:, j], factors[:, j])
            mse[3] += torch.nn.MSELoss(reduction="sum")(pred, factors)
            mae[3] += torch.nn.L1Loss(reduction="sum")(pred, factors)
            count += images.size(0)
    for j in range(4):
        mse[j] = mse[j] / count
        mae[j] = mae[j] / count
    return mse, mae
