"""part of look-alike project [LG010]: the VOC training loop sums the four losses of the train output, steps SGD and a StepLR, and prints loss.item()."""
# Source: potterhsu/easy-faster-rcnn.pytorch at 9fc2ecd5 ("Migrate to PyTorch 0.4.1", the fix: size_average=False
# becomes reduction='sum'; parent 7a7ffc21), train.py;
# re-typed, identifiers renamed; argument parsing, the dataset and the snapshotting shortened.
import time

import torch
from torch import optim
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader

from dataset import VOCDataset
from model import Detector


def train(path_to_data_dir, path_to_checkpoints_dir):
    dataset = VOCDataset(path_to_data_dir, mode=VOCDataset.Mode.TRAIN)
    loader = DataLoader(dataset, batch_size=1, shuffle=True, num_workers=8, pin_memory=True)
    model = Detector().cuda()
    optimizer = optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=1e-3, momentum=0.9, weight_decay=0.0005)
    scheduler = StepLR(optimizer, step_size=50000, gamma=0.1)
    step = 0
    start = time.time()
    done = False
    while not done:
        for batch_index, (_, image_batch, _, bboxes_batch, labels_batch) in enumerate(loader):
            image = image_batch[0].cuda()
            bboxes = bboxes_batch[0].cuda()
            labels = labels_batch[0].cuda()
            out = model.train().forward(image, labels, bboxes)
            loss = out.anchor_objectness_loss + out.anchor_delta_loss + \
                out.proposal_class_loss + out.proposal_delta_loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
            step += 1
            if step % 20 == 0:
                rate = 20 / (time.time() - start)
                print(f'[Step {step}] Loss = {loss.item():.6f}, Learning Rate = {scheduler.get_lr()[0]} ({rate:.2f} steps/sec)')
                start = time.time()
            if step % 10000 == 0:
                torch.save(model.state_dict(), f'{path_to_checkpoints_dir}/model-{step}.pth')
            if step == 70000:
                done = True
                break


if __name__ == '__main__':
    train('data', 'checkpoints')
