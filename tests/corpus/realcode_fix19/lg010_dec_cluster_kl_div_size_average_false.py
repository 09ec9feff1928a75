"""positive [LG010]: the clustering loop of a deep embedded clustering (DEC) model builds KLDivLoss(size_average=False), imported by name from torch.nn, and divides the summed KL of the soft assignments by the batch size (the fix writes reduction='sum')."""

# Source: relogu/Federated-Learning-Project@2553ff66c7 py/dec/torch/cluster_loops.py, py/dec/torch/utils.py, fixed in 05e169dd74 (cut, renamed)
import torch
from torch.nn import KLDivLoss
from tqdm import tqdm


def target_distribution(batch: torch.Tensor) -> torch.Tensor:
    weight = (batch ** 2) / torch.sum(batch, 0)
    return (weight.t() / torch.sum(weight, 1)).t()


def train(dataset, model, epochs, batch_size, optimizer, device, silent=False):
    train_dataloader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True)
    loss_function = KLDivLoss(size_average=False)  # expect: LG010
    for epoch in range(epochs):
        data_iterator = tqdm(train_dataloader, leave=True, unit="batch", disable=silent)
        model.train()
        for index, batch in enumerate(data_iterator):
            if (isinstance(batch, tuple) or isinstance(batch, list)) and len(batch) == 2:
                batch, _ = batch
            batch = batch.to(device, non_blocking=True)
            output = model(batch)
            target = target_distribution(output).detach()
            loss = loss_function(output.log(), target) / output.shape[0]
            data_iterator.set_postfix(epo=epoch, lss="%.8f" % float(loss.item()))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step(closure=None)
