"""part of positive project [LG009, LG011]: two module tables built at import time let a model or task name its activation and loss by string: nn.Softmax(), nn.LogSoftmax() and nn.Softmin() are built without dim, and nn.KLDivLoss() with its default 'mean' reduction; _parse returns the shared instance for a name."""
# Source: NTMC-Community/MatchZoo-py at 0e5c04e1, matchzoo/utils/parse.py; re-typed, identifiers renamed; the metric parsers, the optimizer table and the
# doctest examples cut.
import typing

from torch import nn

activation = nn.ModuleDict([
    ['relu', nn.ReLU()],
    ['hardtanh', nn.Hardtanh()],
    ['relu6', nn.ReLU6()],
    ['sigmoid', nn.Sigmoid()],
    ['tanh', nn.Tanh()],
    ['softmax', nn.Softmax()],  # expect: LG011
    ['softmax2d', nn.Softmax2d()],
    ['logsoftmax', nn.LogSoftmax()],  # expect: LG011
    ['elu', nn.ELU()],
    ['selu', nn.SELU()],
    ['leakyrelu', nn.LeakyReLU()],
    ['logsigmoid', nn.LogSigmoid()],
    ['softplus', nn.Softplus()],
    ['prelu', nn.PReLU()],
    ['softsign', nn.Softsign()],
    ['softmin', nn.Softmin()],  # expect: LG011
    ['tanhshrink', nn.Tanhshrink()],
    ['glu', nn.GLU()],
])

loss = nn.ModuleDict([
    ['l1', nn.L1Loss()],
    ['nll', nn.NLLLoss()],
    ['kldiv', nn.KLDivLoss()],  # expect: LG009
    ['mse', nn.MSELoss()],
    ['bce', nn.BCELoss()],
    ['bce_with_logits', nn.BCEWithLogitsLoss()],
    ['cosine_embedding', nn.CosineEmbeddingLoss()],
    ['ctc', nn.CTCLoss()],
    ['hinge_embedding', nn.HingeEmbeddingLoss()],
    ['margin_ranking', nn.MarginRankingLoss()],
    ['multi_label_soft_margin', nn.MultiLabelSoftMarginLoss()],
    ['smooth_l1', nn.SmoothL1Loss()],
    ['cross_entropy', nn.CrossEntropyLoss()],
    ['triplet_margin', nn.TripletMarginLoss()],
])


def _parse(identifier: typing.Union[str, typing.Type[nn.Module], nn.Module], dictionary: nn.ModuleDict,
           target: str) -> nn.Module:
    if isinstance(identifier, str):
        if identifier in dictionary:
            return dictionary[identifier]
        else:
            raise ValueError(f'Could not interpret {target} identifier: ' + str(identifier))
    elif isinstance(identifier, nn.Module):
        return identifier
    elif issubclass(identifier, nn.Module):
        return identifier()
    else:
        raise ValueError(f'Could not interpret {target} identifier: ' + str(identifier))


def parse_activation(identifier) -> nn.Module:
    return _parse(identifier, activation, 'activation')


def parse_loss(identifier, task: typing.Optional[str] = None) -> nn.Module:
    return _parse(identifier, loss, 'loss')
