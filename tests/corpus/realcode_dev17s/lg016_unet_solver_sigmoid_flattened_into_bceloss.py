"""positive [LG016]: the segmentation solver applies F.sigmoid to the U-Net's map, flattens it per image and gives it to the BCELoss it built in __init__."""

# Source: LeeJunHyun/Image_Segmentation@5e9da93 solver.py (cut, renamed; the solver uses torch.nn.functional as F)
import torch
import torch.nn.functional as F

from network import AttU_Net, R2U_Net, U_Net


class Solver:
    def __init__(self, config, train_loader):
        self.train_loader = train_loader
        self.criterion = torch.nn.BCELoss()
        self.model_type = config.model_type
        self.lr = config.lr
        self.num_epochs = config.num_epochs
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.build_model(config)

    def build_model(self, config):
        if self.model_type == "U_Net":
            self.unet = U_Net(img_ch=3, output_ch=1)
        elif self.model_type == "R2U_Net":
            self.unet = R2U_Net(img_ch=3, output_ch=1, t=config.t)
        else:
            self.unet = AttU_Net(img_ch=3, output_ch=1)
        self.optimizer = torch.optim.Adam(self.unet.parameters(), self.lr, (config.beta1, config.beta2))
        self.unet.to(self.device)

    def train(self):
        for epoch in range(self.num_epochs):
            self.unet.train(True)
            epoch_loss = 0
            for images, masks in self.train_loader:
                images = images.to(self.device)
                masks = masks.to(self.device)
                pred = self.unet(images)
                probs = F.sigmoid(pred)
                probs_flat = probs.view(probs.size(0), -1)
                masks_flat = masks.view(masks.size(0), -1)
                loss = self.criterion(probs_flat, masks_flat)  # expect: LG016
                epoch_loss += loss.item()
                self.unet.zero_grad()
                loss.backward()
                self.optimizer.step()
            print(f"epoch {epoch}: {epoch_loss:.4f}")
