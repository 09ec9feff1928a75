"""part of positive project [LG010, LG016]: the car-plate training script builds the SSD with its has-plate, size and offset heads, sums the five loss terms, steps Adam and keeps .item() counters."""
# Source: lizhenjia1/ssd.pytorch at 4d72ae69 (read as is; a fork of the SSD port whose car-plate heads and'
# MultiBoxLoss_offset are this repository's own), train_offset.py;
# re-typed, identifiers renamed; argument parsing, visdom plots, the data loader and the evaluation shortened
# (build_ssd, adjust_learning_rate, args, cfg, data_loader, epoch_size as in the source).
import torch
import torch.optim as optim
from torch.autograd import Variable

from layers.modules import MultiBoxLoss_offset
from ssd_offset import build_ssd


def train():
    ssd_net = build_ssd('train', cfg['min_dim'], cfg['num_classes'])
    net = torch.nn.DataParallel(ssd_net).cuda()
    optimizer = optim.Adam(net.parameters(), lr=args.lr, betas=(0.9, 0.999), weight_decay=args.weight_decay)
    criterion = MultiBoxLoss_offset(cfg['num_classes'], 0.5, True, 0, True, 3, 0.5, False, args.cuda)
    net.train()
    loc_loss = conf_loss = size_lp_loss = offset_loss = has_lp_loss = 0
    step_index = 0
    epoch = 0
    batch_iterator = iter(data_loader)
    for iteration in range(args.start_iter, cfg['max_iter']):
        if iteration != 0 and (iteration % epoch_size == 0):
            loc_loss = conf_loss = size_lp_loss = offset_loss = has_lp_loss = 0
            epoch += 1
        if iteration in cfg['lr_steps']:
            step_index += 1
        lr = adjust_learning_rate(optimizer, args.gamma, epoch, step_index, iteration, epoch_size)
        try:
            images, targets = next(batch_iterator)
        except StopIteration:
            batch_iterator = iter(data_loader)
            images, targets = next(batch_iterator)
        images = Variable(images.cuda())
        targets = [Variable(ann.cuda(), volatile=True) for ann in targets]
        out = net(images)
        optimizer.zero_grad()
        loss_l, loss_c, loss_size_lp, loss_offset, loss_has_lp = criterion(out, targets)
        loss = loss_l + loss_c + loss_size_lp + loss_offset + loss_has_lp
        loss.backward()
        optimizer.step()
        loc_loss += loss_l.item()
        conf_loss += loss_c.item()
        size_lp_loss += loss_size_lp.item()
        offset_loss += loss_offset.item()
        has_lp_loss += loss_has_lp.item()
        if iteration % 10 == 0:
            print('iter ' + repr(iteration) + ' || Loss: %.4f ||' % (loss.item()), end=' ')
        if iteration != 0 and iteration % 5000 == 0:
            torch.save(ssd_net.state_dict(), 'weights/ssd_offset_' + repr(iteration) + '.pth')


if __name__ == '__main__':
    train()
