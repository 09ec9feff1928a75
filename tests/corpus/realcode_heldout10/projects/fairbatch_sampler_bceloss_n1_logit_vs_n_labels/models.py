"""part of positive project [LG005]: LogisticRegression is an nn.Sequential holding one nn.Linear(n_in, n_out); the notebook builds it with n_out=1, so its output is (N, 1)."""
# Source: yuji-roh/fairbatch@4f652764be12ce18d237d563d291b63fa1ddf67f models.py (read as is; re-typed, test_model shortened to its first lines)
import torch
import torch.nn as nn
import torch.nn.functional as F


def weights_init_normal(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        torch.nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find("BatchNorm") != -1:
        torch.nn.init.normal_(m.weight.data, 1.0, 0.02)
        torch.nn.init.constant_(m.bias.data, 0.0)
    elif classname.find('Linear') != -1:
        torch.nn.init.normal_(m.weight.data, 0.0, 0.2)
        torch.nn.init.constant_(m.bias.data, 0)


class LogisticRegression(nn.Module):
    def __init__(self, n_in, n_out):
        super(LogisticRegression, self).__init__()

        def block(in_feat, out_feat, normalize=True):
            layers = [nn.Linear(in_feat, out_feat)]
            if normalize:
                layers.append(nn.BatchNorm1d(out_feat, 0.8))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            return layers

        self.model = nn.Sequential(
            nn.Linear(n_in, n_out)
        )

    def forward(self, input_data):
        output = self.model(input_data)
        return output


def test_model(model_, X, y, s1):
    model_.eval()
    y_hat = model_(X).squeeze()
    prediction = (y_hat > 0.0).int().squeeze()
    y = (y > 0.0).int()
    test_acc = torch.sum(prediction == y.int()).float() / len(y)
    return {'Acc': test_acc.item()}
