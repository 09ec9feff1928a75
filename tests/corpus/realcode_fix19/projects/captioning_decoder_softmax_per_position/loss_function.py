"""part of positive project [LG001]: the criterion flattens the (batch, length, vocabulary) predictions and the captions and scores them with nn.CrossEntropyLoss."""

# Source: abdulqadirs/image-captioning@e480677c27 loss_function.py, fixed in afa114aad9 (cut, renamed)
import torch.nn as nn


def criterion(predicted_captions, target_captions):
    loss = nn.CrossEntropyLoss()
    batch_size, captions_length, vocab_length = predicted_captions.size()
    predicted_captions = predicted_captions.view(batch_size * captions_length, -1)
    target_captions = target_captions.view(-1)
    error = loss(predicted_captions, target_captions)  # expect: LG001
    return error
