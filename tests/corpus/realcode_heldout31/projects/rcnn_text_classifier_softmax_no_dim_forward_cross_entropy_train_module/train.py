"""part of positive project [LG001, LG011]: train() and eval() score the RCNN's softmax probabilities with nn.CrossEntropyLoss."""
# Source: horvitzs/Text-Classification-Pytorch at 531d420e8e33723231a324c136cc22f622f17cdb Text_Classifier/train.py (tabs written as spaces; the predict() helper shortened; train() and eval() kept, eval() runs without no_grad as in the source)
import torch
import torch.autograd as autograd
import torch.nn as nn


def train(train_loader, dev_loader, model, cuda, learning_rate, num_epochs):
    if cuda:
        model.cuda()

    model.train()

    num_batch = len(train_loader.dataset)
    step = 0

    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

    for epoch in range(num_epochs):
        for i, batch in enumerate(train_loader):
            feature, target = batch.text, batch.label
            target.data.sub_(1)
            if cuda:
                feature, target = feature.cuda(), target.cuda()

            optimizer.zero_grad()
            output = model(feature)
            _, predicted = torch.max(output, 1)
            loss = criterion(output, target)  # expect: LG001
            loss.backward()
            nn.utils.clip_grad_norm(model.parameters(), 3, norm_type=2)

            optimizer.step()

            step += 1

            if step % 100 == 0:
                print('Epoch [%d/%d], Steps [%d/%d], Loss: %.4f'
                      % (epoch + 1, num_epochs, step, num_batch * num_epochs, loss.data[0]))

            if step % 1000 == 0:
                eval(dev_loader, model, cuda)


def eval(test_loader, model, cuda):
    model.eval()

    criterion = nn.CrossEntropyLoss()

    corrects = 0
    avg_loss = 0

    for i, batch in enumerate(test_loader):
        feature, target = batch.text, batch.label
        target.data.sub_(1)
        if cuda:
            feature, target = feature.cuda(), target.cuda()

        output = model(feature)
        loss = criterion(output, target)  # expect: LG001

        avg_loss += loss.data[0]
        corrects += (torch.max(output, 1)[1].view(target.size()).data == target.data).sum()

    size = len(test_loader.dataset)
    accuracy = 100 * corrects / size
    model.train()
    print('\nEvaluation - loss: {:.6f}  acc: {:.4f}%({}/{}) \n'.format(avg_loss, accuracy, corrects, size))


def predict(sample_text, model, text_field, label_field):
    model.eval()
    text = text_field.preprocess(sample_text)
    text = [[text_field.vocab.stoi[x] for x in text]]
    x = autograd.Variable(text_field.tensor_type(text)).cuda()
    output = model(x)
    _, predicted = torch.max(output, 1)
    return label_field.vocab.itos[predicted.data[0] + 1]
