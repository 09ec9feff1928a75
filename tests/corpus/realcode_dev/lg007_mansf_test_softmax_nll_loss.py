"""positive [LG007]: stock-movement GAT evaluation applies F.softmax(output, dim=1) and reports F.nll_loss on the probabilities (the training loss uses CrossEntropyLoss on the model output)."""
# Source: https://github.com/midas-research/man-sf-emnlp train.py at ebe1327210300bd887c3ee9c3b0e73fedbe41544
# (issue #2: "Why is this F.softmax? should be F.log_softmax"); re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

cross_entropy = nn.CrossEntropyLoss(weight=torch.tensor([[1.00, 1.00]]))


def evaluate(model, adj, feature_data, text_ft_data, true_label):
    model.eval()
    test_loss = []
    for dates in feature_data.keys():
        test_text = torch.tensor(text_ft_data[dates], dtype=torch.float32)
        test_price = torch.tensor(feature_data[dates], dtype=torch.float32)
        test_label = torch.LongTensor(true_label[dates])
        output = model(test_text, test_price, adj)
        output = F.softmax(output, dim=1)
        loss_test = F.nll_loss(output, torch.max(test_label, 1)[0])  # expect: LG007
        test_loss.append(loss_test.item())
    return np.array(test_loss).mean()
