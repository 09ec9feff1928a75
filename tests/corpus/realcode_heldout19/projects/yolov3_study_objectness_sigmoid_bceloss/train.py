"""part of positive project [LG016]: a study repository's YOLOv3 loss applies torch.sigmoid to the objectness channel inside the nn.BCELoss call (nn.BCEWithLogitsLoss on the raw channel is the stable form); the box terms use MSELoss and the classes CrossEntropyLoss on the raw channels, both correct."""
# Source: 117XinyuLi/pytorch-learning at 99050090 (read as is), test15-YOLO/yolov3/train.py; re-typed, identifiers
# renamed; the shape comments cut. torch, nn, the network and the constants arrive through the star imports of the
# folder's other files (yolo_v3_net.py and config.py here; dataset.py, which gives YoloDataset, is not included).
import os

from torch.utils.data import DataLoader
from dataset import *
from yolo_v3_net import *
from config import *
from torch.utils.tensorboard import SummaryWriter

weights_file = 'params/yolo_v3_net.pth'


def yolo_loss(pred, target, device, c=C):
    pred = pred.permute(0, 2, 3, 1).contiguous().view(pred.size(0), pred.size(2), pred.size(3), 3, -1)
    has_obj = target[..., 0] > 0

    obj_crit = nn.BCELoss().to(device)
    obj_loss = obj_crit(torch.sigmoid(pred[..., 0]), target[..., 0])  # expect: LG016
    box_crit = nn.MSELoss().to(device)
    box_loss = box_crit(pred[..., 1:5][has_obj], target[..., 1:5][has_obj])
    cls_crit = nn.CrossEntropyLoss().to(device)
    cls_loss = cls_crit(pred[..., 5:][has_obj], torch.argmax(target[..., 5:][has_obj], dim=-1, keepdim=True).squeeze(-1))

    return c * obj_loss + (1 - c) * (box_loss + cls_loss) * 0.5


if __name__ == '__main__':
    writer = SummaryWriter(log_dir='logs')
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    data = YoloDataset()
    loader = DataLoader(data, batch_size=4, shuffle=True, num_workers=4)

    net = YoloV3Net(CLASS_NUM).to(device)
    if os.path.exists(weights_file):
        net.load_state_dict(torch.load(weights_file))

    epochs = 100
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=epochs * len(loader), T_mult=1, eta_min=1e-5)

    step = 0
    for epoch in range(epochs):
        loss = 0
        net.train()
        for t13, t26, t52, img in loader:
            img = img.to(device)
            t13 = t13.to(device)
            t26 = t26.to(device)
            t52 = t52.to(device)

            out13, out26, out52 = net(img)
            l13 = yolo_loss(out13.float(), t13.float(), device)
            l26 = yolo_loss(out26.float(), t26.float(), device)
            l52 = yolo_loss(out52.float(), t52.float(), device)
            loss = l13 + l26 + l52

            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()

            writer.add_scalar('loss', loss.item(), step)
            step += 1

        print(f'epoch: {epoch}, loss: {loss.item()}')
        torch.save(net.state_dict(), weights_file)
