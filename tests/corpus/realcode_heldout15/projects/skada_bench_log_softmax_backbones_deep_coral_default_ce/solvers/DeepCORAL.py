"""part of positive project [LG001]: the DeepCORAL solver wraps the chosen backbone in skada DeepCoral without a base_criterion, so skada trains it with its default torch.nn.CrossEntropyLoss."""
# Source: scikit-adaptation/skada-bench parent of f52dd76 ("Remove logsoftmax at the end of Deep models (#159)", which returns the raw scores), solvers/DeepCORAL.py (unchanged by the fix); re-typed, identifiers renamed.
# skada.deep.DeepCoral(module, layer_name, reg=1, base_criterion=None, ...) uses torch.nn.CrossEntropyLoss() when
# base_criterion is None (skada's documented default).
from benchopt import safe_import_context

with safe_import_context() as import_ctx:
    from benchmark_utils.base_solver import DASolver
    from benchmark_utils.backbones_architecture import SmallConvNet, SmallMLP
    from skada.deep import DeepCoral
    from torch.optim import AdamW
    from skada.metrics import SupervisedScorer, DeepEmbeddedValidation


class Solver(DASolver):
    name = 'DeepCORAL'

    default_param_grid = {
        'max_epochs': [20],
        'lr': [1e-3],
        'criterion__reg': [1],
        'optimizer__weight_decay': [0.01],
    }

    def get_estimator(self, n_classes, device, dataset_name, **kwargs):
        self.criterions = {
            'supervised': SupervisedScorer(),
            'deep_embedded_validation': DeepEmbeddedValidation(),
        }
        dataset_name = dataset_name.split("[")[0].lower()
        if dataset_name in ['mnist_usps']:
            model = SmallConvNet(n_classes=n_classes)
        elif dataset_name in ['office31', 'officehome']:
            model = SmallConvNet(n_classes=n_classes)
        elif dataset_name in ['bci']:
            model = SmallMLP(input_dim=253, n_classes=n_classes).double()
        else:
            raise ValueError(f"Unsupported dataset: {dataset_name}")

        net = DeepCoral(
            model,  # expect: LG001
            optimizer=AdamW,
            layer_name="feature_layer",
            batch_size=256,
            max_epochs=1,
            train_split=None,
            device=device,
        )
        return net
