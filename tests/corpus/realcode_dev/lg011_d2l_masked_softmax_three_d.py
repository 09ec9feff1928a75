"""positive [LG011]: d2l masked_softmax returns nn.Softmax()(X) for a 3-D X when valid_length is None: the implicit dim of a 3-D tensor is 0, the batch axis."""
# Source: https://github.com/dsgiitr/d2l-pytorch Ch11_Attention_Mechanism/Attention_Mechanism.ipynb at
# e84da49a9e1ba1f1b59e2ed5e2dc4f3b57b6fad (found by this survey); re-typed from the notebook cell, names changed.
import torch
from torch import nn


def masked_softmax(X, valid_length):
    # X: 3-D tensor, valid_length: 1-D or 2-D tensor
    softmax = nn.Softmax()  # expect: LG011
    if valid_length is None:
        return softmax(X)
    else:
        shape = X.shape
        if valid_length.dim() == 1:
            valid_length = torch.FloatTensor(valid_length.numpy().repeat(shape[1], axis=0))
        else:
            valid_length = valid_length.reshape((-1,))
        X = X.reshape(-1, shape[-1])
        for count, row in enumerate(X):
            row[int(valid_length[count]):] = -1e6
        return softmax(X).reshape(shape)
