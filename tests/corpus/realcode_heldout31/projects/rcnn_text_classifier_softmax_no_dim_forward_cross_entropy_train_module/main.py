"""part of positive project [LG001, LG011]: the script builds model.RecurrentConvTextNet and hands it to train.train()."""
# Source: horvitzs/Text-Classification-Pytorch at 531d420e8e33723231a324c136cc22f622f17cdb Text_Classifier/main.py (the SST/MR/20News loader helpers shortened to the one used; `import model` / `import train` modules and the commented-out alternatives kept)
import torch
import torchtext.data as data
import torchtext.vocab as vocab

import model
import train
from data_utils.News20 import News20


def news_loaders(text_field, label_field, vector, b_size, **kwargs):
    train_data, dev_data, test_data = News20.splits(text_field, label_field)
    text_field.build_vocab(train_data, dev_data, test_data, vectors=vector)
    label_field.build_vocab(train_data, dev_data, test_data, vectors=vector)
    return data.BucketIterator.splits(
        (train_data, dev_data, test_data),
        batch_sizes=(b_size, len(dev_data), len(test_data)), **kwargs)


if __name__ == '__main__':
    iscuda = torch.cuda.is_available()
    device_value = 0 if iscuda else -1
    batch_size = 50

    glove = vocab.GloVe(name='6B', dim=300)
    text_field = data.Field(lower=True, batch_first=True)
    label_field = data.Field(sequential=False)

    train_loader, dev_loader, test_loader = news_loaders(
        text_field, label_field, glove, batch_size, device=device_value, repeat=False)

    voca_size = len(text_field.vocab)
    num_classes = len(label_field.vocab) - 1
    embed_dim = glove.vectors.size()[1]
    embedding_weight = text_field.vocab.vectors

    learning_rate = 0.001
    num_epochs = 100
    num_layer = 2
    num_hidden = 128
    num_sm_hidden = 100

    print("Load model...")
    # classifier_model = model.ConvTextNet(1, 2, voca_size, embed_dim, num_classes, [3, 4, 5], 0.7, embedding_weight)
    classifier_model = model.RecurrentConvTextNet(voca_size, embed_dim, num_hidden, num_sm_hidden, num_layer, num_classes, embedding_weight)

    if iscuda:
        classifier_model = classifier_model.cuda()

    print("Start Train...")
    train.train(train_loader, dev_loader, classifier_model, iscuda, learning_rate, num_epochs)
