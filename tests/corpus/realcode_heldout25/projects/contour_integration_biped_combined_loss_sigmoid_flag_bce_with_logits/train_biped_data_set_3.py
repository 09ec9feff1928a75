"""part of positive project [LG003]: main() builds torch.nn.BCEWithLogitsLoss() as the criterion (the class-balanced loss that needs probabilities is commented out) and sets criterion_loss_sigmoid_outputs = True, which CombinedLoss turns into torch.sigmoid before the criterion: sigmoid applied twice. iterate_epoch zeroes, computes the combined loss on the model's raw edge scores and the float labels, sums total_loss.item(), thresholds torch.sigmoid(label_out) only for IoU, back-propagates and steps."""
# Source: salkhan23/contour_integration_pytorch at c2dc17b9 (the parent of d2906f0d "turn off double sigmoid"), train_biped_data_set_3.py; re-typed, identifiers renamed; parameter checks,
# dataset construction, result files, plotting and the post-training experiments shortened.
import numpy as np
import torch
import torch.optim as optim
from torch.utils.data import DataLoader

import dataset_biped
import train_utils
import utils


def iterate_epoch(model, data_loader, loss_fcn, optimizer1, device, detect_th, is_train=True):
    if is_train:
        model.train()
    else:
        model.eval()
    torch.set_grad_enabled(is_train)
    e_loss = 0
    e_iou = np.zeros_like(detect_th)
    for iteration, (img, label) in enumerate(data_loader, 1):
        if is_train:
            optimizer1.zero_grad()
        img = img.to(device)
        label = label.to(device)
        label_out = model(img)
        total_loss = loss_fcn(label_out, label.float(), model.contour_integration_layer.lateral_e.weight,
                              model.contour_integration_layer.lateral_i.weight)
        e_loss += total_loss.item()
        sigmoid_label_out = torch.sigmoid(label_out)
        for th_idx, thresh in enumerate(detect_th):
            preds = sigmoid_label_out > thresh
            e_iou[th_idx] += utils.intersection_over_union(preds.float(), label.float()).cpu().detach().numpy()
        if is_train:
            total_loss.backward()
            optimizer1.step()
    return e_loss / len(data_loader), e_iou / len(data_loader)


def main(model, train_params, data_set_params):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = model.to(device)
    detect_thres = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8])

    criterion = torch.nn.BCEWithLogitsLoss()
    # criterion = train_utils.ClassBalancedCE()
    criterion_loss_sigmoid_outputs = True

    lateral_sparsity_loss = train_utils.GaussianMaskL1(
        model.contour_integration_layer.lateral_e.weight.shape[2:],
        model.contour_integration_layer.lateral_i.weight.shape[2:],
        train_params['lateral_w_reg_gaussian_sigma'])
    loss_function = train_utils.CombinedLoss(
        criterion=criterion,
        sigmoid_predictions=criterion_loss_sigmoid_outputs,
        sparsity_loss_fcn=lateral_sparsity_loss,
        sparsity_loss_weight=train_params['lateral_w_reg_weight'],
    ).to(device)

    train_set = dataset_biped.BipedDataSet(data_set_params['data_set_dir'], dataset_type='train')
    train_loader = DataLoader(train_set, batch_size=train_params['train_batch_size'], shuffle=True)
    val_set = dataset_biped.BipedDataSet(data_set_params['data_set_dir'], dataset_type='test')
    val_loader = DataLoader(val_set, batch_size=train_params['test_batch_size'], shuffle=True)

    optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=train_params['learning_rate'])
    lr_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)
    for epoch in range(train_params['num_epochs']):
        train_loss, train_iou = iterate_epoch(model, train_loader, loss_function, optimizer, device, detect_thres)
        val_loss, val_iou = iterate_epoch(model, val_loader, loss_function, optimizer, device, detect_thres,
                                          is_train=False)
        lr_scheduler.step()
        print("Epoch {}: train loss={:0.4f}, val loss={:0.4f}".format(epoch + 1, train_loss, val_loss))
