"""part of look-alike project [LG001, LG011]: source_only() and dann() receive the models as parameters and apply nn.CrossEntropyLoss to their logits."""
# Source: https://github.com/NaJaeMin92/pytorch-DANN train.py at a70cf59fce69957751bce1e7c1271382e2dee934; re-typed,
# names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim


def source_only(encoder, classifier, source_train_loader, target_train_loader, save_name):
    classifier_criterion = nn.CrossEntropyLoss().cuda()
    optimizer = optim.SGD(list(encoder.parameters()) + list(classifier.parameters()), lr=0.01, momentum=0.9)
    for epoch in range(100):
        for batch_idx, (source_data, target_data) in enumerate(zip(source_train_loader, target_train_loader)):
            source_image, source_label = source_data
            source_image = torch.cat((source_image, source_image, source_image), 1).cuda()
            source_label = source_label.cuda()
            optimizer.zero_grad()
            source_feature = encoder(source_image)
            class_pred = classifier(source_feature)
            class_loss = classifier_criterion(class_pred, source_label)
            class_loss.backward()
            optimizer.step()


def dann(encoder, classifier, discriminator, source_train_loader, target_train_loader, save_name):
    classifier_criterion = nn.CrossEntropyLoss().cuda()
    discriminator_criterion = nn.CrossEntropyLoss().cuda()
    optimizer = optim.SGD(
        list(encoder.parameters()) + list(classifier.parameters()) + list(discriminator.parameters()), lr=0.01, momentum=0.9
    )
    for epoch in range(100):
        start_steps = epoch * len(source_train_loader)
        total_steps = 100 * len(target_train_loader)
        for batch_idx, (source_data, target_data) in enumerate(zip(source_train_loader, target_train_loader)):
            source_image, source_label = source_data
            target_image, target_label = target_data
            p = float(batch_idx + start_steps) / total_steps
            alpha = 2. / (1. + np.exp(-10 * p)) - 1
            source_image = torch.cat((source_image, source_image, source_image), 1).cuda()
            source_label, target_image = source_label.cuda(), target_image.cuda()
            combined_image = torch.cat((source_image, target_image), 0)
            optimizer.zero_grad()
            combined_feature = encoder(combined_image)
            source_feature = encoder(source_image)
            class_pred = classifier(source_feature)
            class_loss = classifier_criterion(class_pred, source_label)
            domain_pred = discriminator(combined_feature, alpha)
            domain_source_labels = torch.zeros(source_label.shape[0]).type(torch.LongTensor)
            domain_target_labels = torch.ones(target_label.shape[0]).type(torch.LongTensor)
            domain_combined_label = torch.cat((domain_source_labels, domain_target_labels), 0).cuda()
            domain_loss = discriminator_criterion(domain_pred, domain_combined_label)
            total_loss = class_loss + domain_loss
            total_loss.backward()
            optimizer.step()
