"""part of positive project [LG016]: the training script builds PointRCNN, gets model_fn from the decorator and hands both to the Trainer."""
# Source: sshaoshuai/PointRCNN at 1d0dee91 (read as is), tools/train_rcnn.py;
# re-typed; argument parsing, config loading, data loaders, optimizer and scheduler set-up shortened.
import torch.optim as optim

import lib.net.train_functions as train_functions
import train_utils.train_utils as train_utils
from lib.net.point_rcnn import PointRCNN

if __name__ == "__main__":
    train_loader, test_loader = create_dataloader()
    model = PointRCNN(num_classes=train_loader.dataset.num_class, use_xyz=True, mode='TRAIN')
    model.cuda()
    optimizer = optim.Adam(model.parameters(), lr=0.002, weight_decay=0.001)
    fn_decorator = train_functions.model_joint_fn_decorator()
    trainer = train_utils.Trainer(model, fn_decorator, optimizer, model_fn_eval=fn_decorator, grad_norm_clip=1.0)
    trainer.train(0, 200, train_loader)
