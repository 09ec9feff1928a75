"""positive [LG005]: BCELoss gets the (batch, 1) output of AdversarialNet (built through getattr(models, 'AdversarialNet')) against domain labels of shape (batch,) made by torch.cat of torch.ones / torch.zeros."""
# Source: https://github.com/ZhaoZhibin/UDTL utils/train_utils_combines.py at ca5d802a864a29fa4ba68ed01834f00f3b13085b
# (the parent of 6eefb28eb7ab142e4ca07b88073df579c5387f23, which adds .squeeze() to the three calls;
# issue #3 "Using a target size (torch.Size([128])) that is different to the input size
# (torch.Size([128, 1]))"); re-typed, names changed, reduced (data loading, distance losses and the
# CDA+E branch left out).
import logging

import torch
from torch import nn
from torch import optim

import models


class train_utils(object):
    def __init__(self, args, save_dir):
        self.args = args
        self.save_dir = save_dir

    def setup(self):
        args = self.args
        if torch.cuda.is_available():
            self.device = torch.device("cuda")
        else:
            self.device = torch.device("cpu")

        self.model = getattr(models, args.model_name)(args.pretrained)
        self.bottleneck_layer = nn.Sequential(nn.Linear(self.model.output_num(), args.bottleneck_num), nn.ReLU(inplace=True), nn.Dropout())
        self.classifier_layer = nn.Linear(args.bottleneck_num, args.num_classes)

        if args.domain_adversarial:
            if args.adversarial_loss == "CDA":
                self.AdversarialNet = getattr(models, "AdversarialNet")(
                    in_feature=args.bottleneck_num * args.num_classes,
                    hidden_size=args.hidden_size,
                    max_iter=args.max_iter,
                    trade_off_adversarial=args.trade_off_adversarial,
                    lam_adversarial=args.lam_adversarial,
                )
            else:
                self.AdversarialNet = getattr(models, "AdversarialNet")(
                    in_feature=args.bottleneck_num,
                    hidden_size=args.hidden_size,
                    max_iter=args.max_iter,
                    trade_off_adversarial=args.trade_off_adversarial,
                    lam_adversarial=args.lam_adversarial,
                )

        parameter_list = [{"params": self.model.parameters(), "lr": args.lr}]
        if args.domain_adversarial:
            parameter_list.append({"params": self.AdversarialNet.parameters(), "lr": args.lr})
        self.optimizer = optim.SGD(parameter_list, lr=args.lr, momentum=args.momentum)
        self.model.to(self.device)
        if args.domain_adversarial:
            self.AdversarialNet.to(self.device)

        if args.domain_adversarial:
            if args.adversarial_loss == "DA":
                self.adversarial_loss = nn.BCELoss()
            elif args.adversarial_loss == "CDA":
                self.softmax_layer_ad = nn.Softmax(dim=1)
                self.adversarial_loss = nn.BCELoss()
            else:
                raise Exception("loss not implement")
        else:
            self.adversarial_loss = None
        self.criterion = nn.CrossEntropyLoss()

    def train(self):
        args = self.args
        for epoch in range(args.max_epoch):
            for batch_idx, (inputs, labels) in enumerate(self.dataloaders["source_train"]):
                source_inputs = inputs
                target_inputs, _ = next(self.iter_target)
                inputs = torch.cat((source_inputs, target_inputs), dim=0)
                inputs = inputs.to(self.device)
                labels = labels.to(self.device)
                with torch.set_grad_enabled(True):
                    features = self.model(inputs)
                    features = self.bottleneck_layer(features)
                    outputs = self.classifier_layer(features)
                    logits = outputs.narrow(0, 0, labels.size(0))
                    classifier_loss = self.criterion(logits, labels)

                    if self.adversarial_loss is not None:
                        if args.adversarial_loss == "DA":
                            domain_label_source = torch.ones(labels.size(0)).float()
                            domain_label_target = torch.zeros(inputs.size(0) - labels.size(0)).float()
                            adversarial_label = torch.cat((domain_label_source, domain_label_target), dim=0).to(self.device)
                            adversarial_out = self.AdversarialNet(features)
                            adversarial_loss = self.adversarial_loss(adversarial_out, adversarial_label)  # expect: LG005
                        elif args.adversarial_loss == "CDA":
                            softmax_out = self.softmax_layer_ad(outputs).detach()
                            op_out = torch.bmm(softmax_out.unsqueeze(2), features.unsqueeze(1))
                            adversarial_out = self.AdversarialNet(op_out.view(-1, softmax_out.size(1) * features.size(1)))
                            domain_label_source = torch.ones(labels.size(0)).float()
                            domain_label_target = torch.zeros(inputs.size(0) - labels.size(0)).float()
                            adversarial_label = torch.cat((domain_label_source, domain_label_target), dim=0).to(self.device)
                            adversarial_loss = self.adversarial_loss(adversarial_out, adversarial_label)  # expect: LG005
                        else:
                            raise Exception("loss not implement")
                    else:
                        adversarial_loss = 0

                    loss = classifier_loss + args.lam_adversarial * adversarial_loss
                    self.optimizer.zero_grad()
                    loss.backward()
                    self.optimizer.step()
                    logging.info("epoch {} batch {} loss {:.4f}".format(epoch, batch_idx, loss.item()))
