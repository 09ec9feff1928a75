"""part of positive project [LG005]: the entry point picks the lane loss for the scnn/baseline models and starts the schedule."""
# Source: voldemortX/pytorch-auto-drive at the parent of df6a58e ("SCNN bugs fixed", which switches the existence loss to
# binary_cross_entropy_with_logits on a float target and drops the head's sigmoid), code/main_landec.py; re-typed, identifiers renamed; argument parsing, testing and resuming cut.
import torch
from torch.utils.tensorboard import SummaryWriter

from lane_dataset import LaneDataset, num_classes_tusimple
from losses import LaneSegExistLoss
from train_utils import erfnet_tusimple, train_schedule

if __name__ == "__main__":
    args = parse_args()
    device = torch.device("cuda:0") if torch.cuda.is_available() else torch.device("cpu")
    net = erfnet_tusimple(num_classes=num_classes_tusimple + 1, encoder=build_encoder(), decoder=build_decoder())
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)
    if args.model == "scnn" or args.model == "baseline":
        criterion = LaneSegExistLoss()
    else:
        raise NotImplementedError
    writer = SummaryWriter("runs/" + args.exp_name)
    loader = torch.utils.data.DataLoader(LaneDataset(root=args.root, image_set="train"), batch_size=args.batch_size, num_workers=4, shuffle=True)
    lr_scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda x: (1 - x / (len(loader) * args.epochs)) ** 0.9)
    train_schedule(writer=writer, loader=loader, device=device, criterion=criterion, net=net, optimizer=optimizer,
                   lr_scheduler=lr_scheduler, num_epochs=args.epochs, is_mixed_precision=args.mixed_precision)
    writer.close()
