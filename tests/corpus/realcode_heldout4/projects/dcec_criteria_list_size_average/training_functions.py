"""part of positive project [LG010]: the clustering phase feeds criteria[1] (the KLDivLoss) with torch.log of the soft cluster assignments and the sharpened target distribution, divided by the batch size; running statistics use .item()."""
# Source: https://github.com/michaal94/torch_DCEC training_functions.py at 55fe65099ceb491c0318a075c04c73740e2104a1;
# re-typed, names changed, reduced (pretraining, k-means initialisation, metrics and printing left out).
import copy

import numpy as np
import torch


def train_model(model, dataloader, criteria, optimizers, schedulers, num_epochs, params):
    device = params["device"]
    batch = params["batch"]
    gamma = params["gamma"]
    update_interval = params["update_interval"]

    output_distribution, labels, preds_prev = calculate_predictions(model, copy.deepcopy(dataloader), params)
    target_distribution = target(output_distribution)

    for epoch in range(num_epochs):
        schedulers[0].step()
        model.train(True)
        running_loss = 0.0
        running_rec = 0.0
        running_clust = 0.0
        batch_num = 1
        for data in dataloader:
            inputs, _ = data
            inputs = inputs.to(device)

            if (batch_num - 1) % update_interval == 0 and not (batch_num == 1 and epoch == 0):
                output_distribution, labels, preds = calculate_predictions(model, dataloader, params)
                target_distribution = target(output_distribution)

            tar_dist = target_distribution[((batch_num - 1) * batch):(batch_num * batch), :]
            tar_dist = torch.from_numpy(tar_dist).to(device)

            optimizers[0].zero_grad()
            with torch.set_grad_enabled(True):
                outputs, clusters, _ = model(inputs)
                loss_rec = criteria[0](outputs, inputs)
                loss_clust = gamma * criteria[1](torch.log(clusters), tar_dist) / batch
                loss = loss_rec + loss_clust
                loss.backward()
                optimizers[0].step()

            running_loss += loss.item() * inputs.size(0)
            running_rec += loss_rec.item() * inputs.size(0)
            running_clust += loss_rec.item() * inputs.size(0)
            batch_num = batch_num + 1
    return model


def calculate_predictions(model, dataloader, params):
    output_array = None
    label_array = None
    model.eval()
    for data in dataloader:
        inputs, labels = data
        inputs = inputs.to(params["device"])
        _, outputs, _ = model(inputs)
        if output_array is not None:
            output_array = np.concatenate((output_array, outputs.cpu().detach().numpy()), 0)
            label_array = np.concatenate((label_array, labels.cpu().detach().numpy()), 0)
        else:
            output_array = outputs.cpu().detach().numpy()
            label_array = labels.cpu().detach().numpy()
    preds = np.argmax(output_array.data, axis=1)
    return output_array, label_array, preds


def target(out_distr):
    tar_dist = out_distr ** 2 / np.sum(out_distr, axis=0)
    tar_dist = np.transpose(np.transpose(tar_dist) / np.sum(tar_dist, axis=1))
    return tar_dist
