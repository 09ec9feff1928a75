"""part of look-alike project [LG014]: the same trainer at the fix commit: the 'source' and 'target' branches clear the gradients with optimizer.zero_grad() after building their optimizer."""

# Source: CuthbertCai/pytorch_DANN@540e0c1699 train/train.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.optim as optim
from torch.autograd import Variable

from train import params


def train(training_mode, feature_extractor, class_classifier, domain_classifier, class_criterion, domain_criterion,
          source_dataloader, target_dataloader, optimizer, epoch):
    feature_extractor.train()
    class_classifier.train()
    domain_classifier.train()
    start_steps = epoch * len(source_dataloader)
    total_steps = params.epochs * len(source_dataloader)

    for batch_idx, (sdata, tdata) in enumerate(zip(source_dataloader, target_dataloader)):
        if training_mode == "dann":
            p = float(batch_idx + start_steps) / total_steps
            constant = 2. / (1. + np.exp(-params.gamma * p)) - 1
            input1, label1 = sdata
            input2, label2 = tdata
            size = min((input1.shape[0], input2.shape[0]))
            input1, label1 = Variable(input1[0:size]), Variable(label1[0:size])
            input2, label2 = Variable(input2[0:size]), Variable(label2[0:size])
            for param_group in optimizer.param_groups:
                param_group["lr"] = 0.01 / (1. + 10 * p) ** 0.75
            optimizer.zero_grad()
            source_labels = Variable(torch.zeros((input1.size()[0])).type(torch.LongTensor))
            target_labels = Variable(torch.ones((input2.size()[0])).type(torch.LongTensor))
            src_feature = feature_extractor(input1)
            tgt_feature = feature_extractor(input2)
            class_loss = class_criterion(class_classifier(src_feature), label1)
            tgt_loss = domain_criterion(domain_classifier(tgt_feature, constant), target_labels)
            src_loss = domain_criterion(domain_classifier(src_feature, constant), source_labels)
            loss = class_loss + params.theta * (tgt_loss + src_loss)
            loss.backward()
            optimizer.step()
            if (batch_idx + 1) % 10 == 0:
                print("[{}/{}]\tLoss: {:.6f}\tClass Loss: {:.6f}".format(batch_idx, len(target_dataloader), loss.item(), class_loss.item()))

        elif training_mode == "source":
            input1, label1 = sdata
            input1, label1 = Variable(input1), Variable(label1)
            optimizer = optim.SGD(list(feature_extractor.parameters()) + list(class_classifier.parameters()), lr=0.01, momentum=0.9)
            optimizer.zero_grad()
            class_preds = class_classifier(feature_extractor(input1))
            class_loss = class_criterion(class_preds, label1)
            class_loss.backward()
            optimizer.step()
            if (batch_idx + 1) % 10 == 0:
                print("[{}/{}]\tClass Loss: {:.6f}".format(batch_idx, len(source_dataloader), class_loss.item()))

        elif training_mode == "target":
            input2, label2 = tdata
            input2, label2 = Variable(input2), Variable(label2)
            optimizer = optim.SGD(list(feature_extractor.parameters()) + list(class_classifier.parameters()), lr=0.01, momentum=0.9)
            optimizer.zero_grad()
            class_preds = class_classifier(feature_extractor(input2))
            class_loss = class_criterion(class_preds, label2)
            class_loss.backward()
            optimizer.step()
            if (batch_idx + 1) % 10 == 0:
                print("[{}/{}]\tClass Loss: {:.6f}".format(batch_idx, len(target_dataloader), class_loss.item()))
