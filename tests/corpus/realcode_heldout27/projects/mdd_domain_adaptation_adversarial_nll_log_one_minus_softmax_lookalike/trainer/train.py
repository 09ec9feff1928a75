"""part of look-alike project [LG001, LG007, LG014]: train() clears the optimizer for every pair of source and target batches before handing it to train_batch(), which back-propagates MDD's loss and steps; evaluation keeps only the softmax probabilities' data."""
# Source: thuml/MDD at 51e54847, trainer/train.py; re-typed, identifiers renamed; the data providers
# (preprocess/data_provider.py) and the YAML config reader (utils/config.py) are not included; the dataset branches
# for Office-Home cut to the Office-31 one.
import argparse

import torch
import tqdm
from torch.autograd import Variable

from utils.config import Config


class InvScheduler(object):
    def __init__(self, gamma, decay_rate, init_lr=0.001):
        self.gamma = gamma
        self.decay_rate = decay_rate
        self.init_lr = init_lr

    def next_optimizer(self, group_ratios, optimizer, num_iter):
        lr = self.init_lr * (1 + self.gamma * num_iter) ** (-self.decay_rate)
        for i, group in enumerate(optimizer.param_groups):
            group['lr'] = lr * group_ratios[i]
        return optimizer


def evaluate(model_instance, loader):
    was_training = model_instance.is_train
    model_instance.set_train(False)
    first = True
    for inputs, labels in loader:
        inputs = Variable(inputs.cuda())
        labels = Variable(labels.cuda())
        probs = model_instance.predict(inputs).data.float()
        labels = labels.data.float()
        if first:
            all_probs, all_labels = probs, labels
            first = False
        else:
            all_probs = torch.cat((all_probs, probs), 0)
            all_labels = torch.cat((all_labels, labels), 0)
    _, predict = torch.max(all_probs, 1)
    accuracy = torch.sum(torch.squeeze(predict).float() == all_labels) / float(all_labels.size()[0])
    model_instance.set_train(was_training)
    return {'accuracy': accuracy}


def train(model_instance, src_loader, tgt_loader, test_loader, group_ratios, max_iter, optimizer, lr_scheduler,
          eval_interval):
    model_instance.set_train(True)
    iter_num = 0
    epoch = 0
    while True:
        for (datas, datat) in tqdm.tqdm(zip(src_loader, tgt_loader), total=min(len(src_loader), len(tgt_loader)),
                                        desc='Train epoch = {}'.format(epoch), leave=False):
            inputs_source, labels_source = datas
            inputs_target, _ = datat
            optimizer = lr_scheduler.next_optimizer(group_ratios, optimizer, iter_num / 5)
            optimizer.zero_grad()
            inputs_source, inputs_target, labels_source = Variable(inputs_source).cuda(), \
                Variable(inputs_target).cuda(), Variable(labels_source).cuda()
            train_batch(model_instance, inputs_source, labels_source, inputs_target, optimizer)
            if iter_num % eval_interval == 0 and iter_num != 0:
                print(evaluate(model_instance, test_loader))
            iter_num += 1
        epoch += 1
        if iter_num >= max_iter:
            break


def train_batch(model_instance, inputs_source, labels_source, inputs_target, optimizer):
    inputs = torch.cat((inputs_source, inputs_target), dim=0)
    total_loss = model_instance.get_loss(inputs, labels_source)
    total_loss.backward()
    optimizer.step()


if __name__ == '__main__':
    from model.MDD import MDD
    from preprocess.data_provider import load_images

    parser = argparse.ArgumentParser()
    parser.add_argument('--config', type=str, default='config/dann.yml')
    parser.add_argument('--src_address', default=None, type=str)
    parser.add_argument('--tgt_address', default=None, type=str)
    args = parser.parse_args()
    cfg = Config(args.config)
    model_instance = MDD(base_net='ResNet50', width=1024, use_gpu=True, class_num=31, srcweight=4)
    src_loader = load_images(args.src_address, batch_size=32, is_cen=False)
    tgt_loader = load_images(args.tgt_address, batch_size=32, is_cen=False)
    test_loader = load_images(args.tgt_address, batch_size=32, is_train=False)
    param_groups = model_instance.get_parameter_list()
    group_ratios = [group['lr'] for group in param_groups]
    optimizer = torch.optim.SGD(param_groups, **cfg.optim.params)
    lr_scheduler = InvScheduler(gamma=cfg.lr_scheduler.gamma, decay_rate=cfg.lr_scheduler.decay_rate,
                                init_lr=cfg.init_lr)
    train(model_instance, src_loader, tgt_loader, test_loader, group_ratios, max_iter=100000, optimizer=optimizer,
          lr_scheduler=lr_scheduler, eval_interval=1000)
