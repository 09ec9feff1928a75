"""look-alike [LG003, LG016, LG004, LG006]: a course segmentation script: UNet(1, 1) logits and the ToTensor float masks go to nn.BCEWithLogitsLoss; the per-batch loss list keeps loss.item(); the sigmoid is applied only in test.py."""
# Source: OFRIN/PyTorch_Tutorials at e050a416 (read as is), "4. Semantic Segmentation/4.3. UNet/train.py";
# re-typed, identifiers renamed; the Korean comments and the commented shape checks cut. utility/utils.py
# (convert_OpenCV_to_PIL) is not included.
import numpy as np
import torch
import torch.nn as nn
from torchvision import transforms
from torch.utils.data import DataLoader

from utility.utils import convert_OpenCV_to_PIL
from core.data import ISBITrain
from core.unet import UNet

if __name__ == '__main__':
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    image_dir = 'C:/DB/ISBI/'
    class_names = ['cell']
    batch_size = 4
    tfm = transforms.Compose([convert_OpenCV_to_PIL, transforms.ToTensor()])
    dataset = ISBITrain(image_dir, tfm, class_names)
    loader = DataLoader(dataset, batch_size=batch_size, num_workers=1, pin_memory=False, shuffle=True,
                        drop_last=True)

    model = UNet(1, 1, base_features=16).to(device)
    loss_fn = nn.BCEWithLogitsLoss().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)

    for epoch in range(1, 101):
        losses = []
        for images, labels in loader:
            images = images.to(device)
            labels = labels.to(device)
            logits = model(images)
            loss = loss_fn(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        print(f'epoch={epoch}, loss={np.mean(losses)}')
        torch.save(model.state_dict(), './model/unet.pth')
