"""part of positive project [LG001, LG011]: the source-only training gives the classifier's softmax output to CrossEntropyLoss, which applies log-softmax itself."""
# Source: NaJaeMin92/pytorch-DANN@fb5ec0e535 (the parent of a70cf59, "Update code to match the PyTorch version 1.12.1", which removes both softmaxes; issue #7) train.py (re-typed: source_only; dann, testing and saving cut; names kept)
import torch
import torch.nn as nn
import torch.optim as optim

import params


def source_only(encoder, classifier, source_train_loader, target_train_loader, save_name):
    classifier_criterion = nn.CrossEntropyLoss().cuda()
    optimizer = optim.SGD(list(encoder.parameters()) + list(classifier.parameters()), lr=0.01, momentum=0.9)
    for epoch in range(params.epochs):
        encoder.train()
        classifier.train()
        for batch_idx, (source_data, target_data) in enumerate(zip(source_train_loader, target_train_loader)):
            source_image, source_label = source_data
            source_image = torch.cat((source_image, source_image, source_image), 1)  # MNIST convert to 3 channel
            source_image, source_label = source_image.cuda(), source_label.cuda()
            optimizer.zero_grad()
            source_feature = encoder(source_image)
            class_pred = classifier(source_feature)
            class_loss = classifier_criterion(class_pred, source_label)  # expect: LG001
            class_loss.backward()
            optimizer.step()
            if (batch_idx + 1) % 50 == 0:
                print("[{}/{}]\tClass Loss: {:.6f}".format(batch_idx, len(source_train_loader), class_loss.item()))
