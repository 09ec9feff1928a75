"""part of positive project [LG010]: Office-31 amazon to webcam: cross entropy on the source plus lambda times CORAL, per-step numbers kept as .data[0]; the test sums F.cross_entropy(out, target, size_average=False) over the batches."""
# Source: SSARCandy/DeepCORAL at 200f7c86 (read as is; "fix loss (close #16)"), main.py; re-typed, identifiers renamed; the
# pretrained-weight loading and the pickling of the statistics shortened.
import torch
from torch.autograd import Variable

import models
from data_loader import get_office31_dataloader

CUDA = True if torch.cuda.is_available() else False
LEARNING_RATE = 1e-3
MOMENTUM = 0.9
BATCH_SIZE = [200, 56]
EPOCHS = 20

source_loader = get_office31_dataloader(case='amazon', batch_size=BATCH_SIZE[0])
target_loader = get_office31_dataloader(case='webcam', batch_size=BATCH_SIZE[1])


def train(model, optimizer, epoch, lam):
    result = []
    source, target = list(enumerate(source_loader)), list(enumerate(target_loader))
    steps = min(len(source), len(target))
    for batch_idx in range(steps):
        _, (src_x, src_y) = source[batch_idx]
        _, (tgt_x, _) = target[batch_idx]
        if CUDA:
            src_x, src_y, tgt_x = src_x.cuda(), src_y.cuda(), tgt_x.cuda()
        src_x, src_y = Variable(src_x), Variable(src_y)
        tgt_x = Variable(tgt_x)
        optimizer.zero_grad()
        out_s, out_t = model(src_x, tgt_x)
        cls_loss = torch.nn.functional.cross_entropy(out_s, src_y)
        coral_loss = models.coral(out_s, out_t)
        total = lam * coral_loss + cls_loss
        total.backward()
        optimizer.step()
        result.append({
            'epoch': epoch,
            'step': batch_idx + 1,
            'total_steps': steps,
            'coral_loss': coral_loss.data[0],
            'classification_loss': cls_loss.data[0],
            'total_loss': total.data[0],
        })
    return result


def test(model, loader, e):
    model.eval()
    test_loss = 0
    correct = 0
    for data, target in loader:
        if CUDA:
            data, target = data.cuda(), target.cuda()
        data, target = Variable(data, volatile=True), Variable(target)
        out, _ = model(data, data)
        test_loss += torch.nn.functional.cross_entropy(out, target, size_average=False).data[0]  # expect: LG010
        pred = out.data.max(1, keepdim=True)[1]
        correct += pred.eq(target.data.view_as(pred)).cpu().sum()
    test_loss /= len(loader.dataset)
    return {'epoch': e, 'average_loss': test_loss, 'correct': correct,
            'accuracy': 100. * correct / len(loader.dataset)}


if __name__ == '__main__':
    model = models.CoralNet(31)
    optimizer = torch.optim.SGD([
        {'params': model.shared.parameters()},
        {'params': model.fc.parameters(), 'lr': 10 * LEARNING_RATE},
    ], lr=LEARNING_RATE, momentum=MOMENTUM)
    if CUDA:
        model = model.cuda()
    train_stats, test_stats = [], []
    for e in range(0, EPOCHS):
        lam = (e + 1) / EPOCHS
        res = train(model, optimizer, e + 1, lam)
        print('###EPOCH {}: Total_Loss: {:.6f}'.format(e + 1, sum(row['total_loss'] / row['total_steps'] for row in res)))
        train_stats.append(res)
        test_stats.append((test(model, source_loader, e), test(model, target_loader, e)))
