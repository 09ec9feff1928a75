"""part of positive project [LG001]: EEGClassifier is a skorch NeuralNetClassifier whose default criterion is CrossEntropyLoss."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/classifier.py; re-typed; the docstring, predict_proba and the cropped-decoding
# callbacks cut.
from skorch.classifier import NeuralNetClassifier
from torch.nn import CrossEntropyLoss

from .eegneuralnet import _EEGNeuralNet


class EEGClassifier(_EEGNeuralNet, NeuralNetClassifier):
    def __init__(
        self,
        module,
        *args,
        criterion=CrossEntropyLoss,
        cropped=False,
        callbacks=None,
        iterator_train__shuffle=True,
        iterator_train__drop_last=True,
        aggregate_predictions=True,
        **kwargs,
    ):
        self.cropped = cropped
        self.aggregate_predictions = aggregate_predictions
        super().__init__(
            module,
            *args,
            criterion=criterion,
            callbacks=callbacks,
            iterator_train__shuffle=iterator_train__shuffle,
            iterator_train__drop_last=iterator_train__drop_last,
            **kwargs,
        )
