"""look-alike [LG003, LG005, LG015]: a GrowNet baseline for tabular data builds its stage loss as MSELoss(reduction='none') only for binary tasks, where each weak learner's per-sample squared error against the functional gradient is weighted by the Hessian h and then averaged before backward(); regression uses the default mean; the corrective step uses BCEWithLogitsLoss on raw (N, 1) scores against (N, 1) targets."""
# Source: yandex-research/rtdl-revisiting-models at e3ed46ca, bin/grownet.py; re-typed, identifiers renamed; the
# config loading, the data preparation through the repository's lib, the early stopping and the report writing
# shortened. lib, DynamicNet, MLP_2HL and init_gbnn are the repository's (not included).
import argparse

import torch
import torch.nn as nn
import zero
from tqdm import tqdm

import lib
from grownet_models import MLP_2HL, DynamicNet, init_gbnn

args, output = lib.load_config()
D = lib.Dataset.from_dir(args['data']['path'])
X_num, X_cat, Y_device, train_size, device = lib.prepare_tensors(D, args)
batch_size = args['training']['batch_size']

loss_f1 = nn.MSELoss(reduction='none') if D.is_binclass else nn.MSELoss()
loss_f2 = nn.BCEWithLogitsLoss() if D.is_binclass else nn.MSELoss()

if D.is_binclass:
    c0 = init_gbnn(Y_device[lib.TRAIN])
else:
    c0 = Y_device[lib.TRAIN].mean()
net_ensemble = DynamicNet(c0, float(args["model"]["boost_rate"]), categories=lib.get_categories(X_cat),
                          d_embedding=args["model"]["d_embedding"])
if device.type != 'cpu':
    net_ensemble.to_cuda()

for s in range(args["model"]["num_nets"]):
    m = MLP_2HL.get_model(s, argparse.Namespace(**args["model"])).to(device)
    opt = torch.optim.Adam(m.parameters(), args["training"]["lr"], weight_decay=args["training"]["weight_decay"])
    net_ensemble.to_train()
    loader = lib.IndexLoader(train_size, batch_size, True, device)
    for e in range(args["model"]["epochs_per_stage"]):
        for batch_idx in tqdm(loader, leave=False):
            x_num = X_num[lib.TRAIN][batch_idx]
            x_cat = None if X_cat is None else X_cat[lib.TRAIN][batch_idx]
            y = Y_device[lib.TRAIN][batch_idx].unsqueeze(1)
            middle_feat, out = net_ensemble.forward(x_num, x_cat)
            out = torch.as_tensor(out, dtype=torch.float32).cuda().view(-1, 1)
            if D.is_binclass:
                h = 1 / ((1 + torch.exp(y * out)) * (1 + torch.exp(-y * out)))
                grad_direction = y * (1.0 + torch.exp(-y * out))
                out = torch.as_tensor(out)
                _, out = m(net_ensemble.embed_input(x_num, x_cat), middle_feat)
                out = torch.as_tensor(out, dtype=torch.float32).cuda().view(-1, 1)
                loss = loss_f1(net_ensemble.boost_rate * out, grad_direction)
                loss = loss * h
                loss = loss.mean()
            else:
                grad_direction = -(out - y)
                _, out = m(net_ensemble.embed_input(x_num, x_cat), middle_feat)
                out = torch.as_tensor(out, dtype=torch.float32).cuda().view(-1, 1)
                loss = loss_f1(net_ensemble.boost_rate * out, grad_direction)
            m.zero_grad()
            loss.backward()
            opt.step()
    net_ensemble.add(m)

    if s > 0:
        if s % 15 == 0:
            args["training"]["lr"] /= 2
            args["training"]["weight_decay"] /= 2
        opt = torch.optim.Adam(net_ensemble.parameters(), args["training"]["lr"] / args["training"]["lr_scaler"],
                               weight_decay=args["training"]["weight_decay"])
        for e in range(args["model"]["correct_epoch"]):
            for batch_idx in tqdm(loader, leave=False):
                x_num = X_num[lib.TRAIN][batch_idx]
                x_cat = None if X_cat is None else X_cat[lib.TRAIN][batch_idx]
                y = Y_device[lib.TRAIN][batch_idx].unsqueeze(1)
                _, out = net_ensemble.forward_grad(x_num, x_cat)
                out = torch.as_tensor(out, dtype=torch.float32).cuda().view(-1, 1)
                loss = loss_f2(out, y)
                opt.zero_grad()
                loss.backward()
                opt.step()
    net_ensemble.to_file(output / "ensemble.pt")
    print(f"Done with stage {s}; {zero.format_seconds(0)}")
