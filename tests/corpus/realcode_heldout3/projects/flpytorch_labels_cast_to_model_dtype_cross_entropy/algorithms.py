"""part of positive project [LG013]: evaluateSgd moves data and labels to the model's compute dtype (a floating type) together, so class-index labels reach CrossEntropyLoss as floats."""
# Source: https://github.com/burlachenkok/flpytorch fl_pytorch/utils/algorithms.py at 5ee3140febee72c6082cc3ecb8ea48df041308e0,
# the parent of ab57c621e518e6e9980620d7ebba5804629bc5a5 (issue #12); re-typed, names changed, reduced (statistics,
# regularisers, the function-value sum and the other estimators left out).
import torch

from utils import model_funcs


def evaluateSgd(client_state, model, dataloader, criterion, is_rnn, update_statistics=True, device=None, args=None):
    model.train(True)
    total_number_of_samples = len(dataloader.dataset)
    for i, (data, label) in enumerate(dataloader):
        batch_size = data.shape[0]
        if str(data.device) != device or str(label.device) != device or data.dtype != model.fl_dtype or label.dtype != model.fl_dtype:
            data, label = data.to(device=device, dtype=model.fl_dtype), label.to(device=device, dtype=model.fl_dtype)

        input, label = model_funcs.get_train_inputs(data, label, model, batch_size, device, is_rnn)
        outputs = model(*input)
        if not is_rnn:
            hidden = None
            output = outputs
        else:
            output, hidden = outputs

        loss = model_funcs.compute_loss(model, criterion, output, label)
        loss = loss * (1.0 / total_number_of_samples)
        loss.backward()
