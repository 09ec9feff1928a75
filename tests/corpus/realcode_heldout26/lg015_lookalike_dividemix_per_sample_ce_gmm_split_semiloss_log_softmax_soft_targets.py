"""look-alike [LG001, LG006, LG015]: DivideMix keeps per-sample nn.CrossEntropyLoss(reduction='none') losses only under torch.no_grad to fit a two-component GMM and appends the normalised loss vector to a history; training back-propagates a mean cross entropy on raw logits, a soft-target loss written with F.log_softmax(dim=1), and a confidence penalty from softmax probabilities."""
# Source: LiJunnan1992/DivideMix at d9d3058f (read as is), Train_cifar.py; re-typed, identifiers renamed; the argument
# parser, the progress printing, the test pass and the logs cut (args, ResNet18 and dataloader as in the source).
import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from sklearn.mixture import GaussianMixture

import dataloader_cifar as dataloader
from PreResNet import ResNet18


def train(epoch, net, peer, optimizer, labeled_loader, unlabeled_loader):
    net.train()
    peer.eval()
    unlabeled_iter = iter(unlabeled_loader)
    num_iter = (len(labeled_loader.dataset) // args.batch_size) + 1
    for batch_idx, (x1, x2, labels_x, w_x) in enumerate(labeled_loader):
        try:
            u1, u2 = unlabeled_iter.next()
        except:
            unlabeled_iter = iter(unlabeled_loader)
            u1, u2 = unlabeled_iter.next()
        bs = x1.size(0)
        labels_x = torch.zeros(bs, args.num_class).scatter_(1, labels_x.view(-1, 1), 1)
        w_x = w_x.view(-1, 1).type(torch.FloatTensor)
        x1, x2, labels_x, w_x = x1.cuda(), x2.cuda(), labels_x.cuda(), w_x.cuda()
        u1, u2 = u1.cuda(), u2.cuda()
        with torch.no_grad():
            p_u = (torch.softmax(net(u1), dim=1) + torch.softmax(net(u2), dim=1)
                   + torch.softmax(peer(u1), dim=1) + torch.softmax(peer(u2), dim=1)) / 4
            sharp_u = p_u ** (1 / args.T)
            targets_u = (sharp_u / sharp_u.sum(dim=1, keepdim=True)).detach()
            p_x = (torch.softmax(net(x1), dim=1) + torch.softmax(net(x2), dim=1)) / 2
            p_x = w_x * labels_x + (1 - w_x) * p_x
            sharp_x = p_x ** (1 / args.T)
            targets_x = (sharp_x / sharp_x.sum(dim=1, keepdim=True)).detach()
        lam = np.random.beta(args.alpha, args.alpha)
        lam = max(lam, 1 - lam)
        all_inputs = torch.cat([x1, x2, u1, u2], dim=0)
        all_targets = torch.cat([targets_x, targets_x, targets_u, targets_u], dim=0)
        perm = torch.randperm(all_inputs.size(0))
        mixed_input = lam * all_inputs + (1 - lam) * all_inputs[perm]
        mixed_target = lam * all_targets + (1 - lam) * all_targets[perm]
        logits = net(mixed_input)
        logits_x = logits[:bs * 2]
        logits_u = logits[bs * 2:]
        Lx, Lu, weight_u = semi_loss(logits_x, mixed_target[:bs * 2], logits_u, mixed_target[bs * 2:],
                                     epoch + batch_idx / num_iter, warm_up)
        prior = (torch.ones(args.num_class) / args.num_class).cuda()
        pred_mean = torch.softmax(logits, dim=1).mean(0)
        penalty = torch.sum(prior * torch.log(prior / pred_mean))
        loss = Lx + weight_u * Lu + penalty
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def warmup(epoch, net, optimizer, loader):
    net.train()
    for batch_idx, (inputs, labels, path) in enumerate(loader):
        inputs, labels = inputs.cuda(), labels.cuda()
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = ce_mean(outputs, labels)
        if args.noise_mode == 'asym':
            total = loss + neg_entropy(outputs)
        elif args.noise_mode == 'sym':
            total = loss
        total.backward()
        optimizer.step()


def eval_train(model, history):
    model.eval()
    losses = torch.zeros(50000)
    with torch.no_grad():
        for batch_idx, (inputs, targets, index) in enumerate(eval_loader):
            inputs, targets = inputs.cuda(), targets.cuda()
            outputs = model(inputs)
            loss = ce_per_sample(outputs, targets)
            for b in range(inputs.size(0)):
                losses[index[b]] = loss[b]
    losses = (losses - losses.min()) / (losses.max() - losses.min())
    history.append(losses)
    if args.r == 0.9:
        past = torch.stack(history)
        input_loss = past[-5:].mean(0).reshape(-1, 1)
    else:
        input_loss = losses.reshape(-1, 1)
    gmm = GaussianMixture(n_components=2, max_iter=10, tol=1e-2, reg_covar=5e-4)
    gmm.fit(input_loss)
    prob = gmm.predict_proba(input_loss)
    prob = prob[:, gmm.means_.argmin()]
    return prob, history


def linear_rampup(current, warm_up, rampup_length=16):
    current = np.clip((current - warm_up) / rampup_length, 0.0, 1.0)
    return args.lambda_u * float(current)


class SemiLoss(object):
    def __call__(self, outputs_x, targets_x, outputs_u, targets_u, epoch, warm_up):
        probs_u = torch.softmax(outputs_u, dim=1)
        Lx = -torch.mean(torch.sum(F.log_softmax(outputs_x, dim=1) * targets_x, dim=1))
        Lu = torch.mean((probs_u - targets_u) ** 2)
        return Lx, Lu, linear_rampup(epoch, warm_up)


class NegEntropy(object):
    def __call__(self, outputs):
        probs = torch.softmax(outputs, dim=1)
        return torch.mean(torch.sum(probs.log() * probs, dim=1))


warm_up = 10 if args.dataset == 'cifar10' else 30
loader = dataloader.cifar_dataloader(args.dataset, r=args.r, noise_mode=args.noise_mode, batch_size=args.batch_size,
                                     num_workers=5, root_dir=args.data_path)
net1 = ResNet18(num_classes=args.num_class).cuda()
net2 = ResNet18(num_classes=args.num_class).cuda()
cudnn.benchmark = True
semi_loss = SemiLoss()
optimizer1 = optim.SGD(net1.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
optimizer2 = optim.SGD(net2.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
ce_per_sample = nn.CrossEntropyLoss(reduction='none')
ce_mean = nn.CrossEntropyLoss()
if args.noise_mode == 'asym':
    neg_entropy = NegEntropy()
loss_history = [[], []]

for epoch in range(args.num_epochs + 1):
    lr = args.lr / 10 if epoch >= 150 else args.lr
    for group in optimizer1.param_groups:
        group['lr'] = lr
    for group in optimizer2.param_groups:
        group['lr'] = lr
    eval_loader = loader.run('eval_train')
    if epoch < warm_up:
        warm_loader = loader.run('warmup')
        warmup(epoch, net1, optimizer1, warm_loader)
        warmup(epoch, net2, optimizer2, warm_loader)
    else:
        prob1, loss_history[0] = eval_train(net1, loss_history[0])
        prob2, loss_history[1] = eval_train(net2, loss_history[1])
        pred1 = prob1 > args.p_threshold
        pred2 = prob2 > args.p_threshold
        labeled_loader, unlabeled_loader = loader.run('train', pred2, prob2)
        train(epoch, net1, net2, optimizer1, labeled_loader, unlabeled_loader)
        labeled_loader, unlabeled_loader = loader.run('train', pred1, prob1)
        train(epoch, net2, net1, optimizer2, labeled_loader, unlabeled_loader)
