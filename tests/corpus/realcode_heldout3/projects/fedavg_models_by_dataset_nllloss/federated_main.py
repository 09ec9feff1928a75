"""part of positive project [LG007]: the script chooses the global model by args.model/args.dataset (two of the four choices do not end in log_softmax) and hands deep copies to LocalUpdate."""
# Source: https://github.com/AshwinRJ/Federated-Learning-PyTorch src/federated_main.py at 9baf79dd792372107edf0895bd1ae720d353acca
# (issue #29); re-typed, names changed, reduced (plots and pickling left out).
import copy

import numpy as np
import torch
from tensorboardX import SummaryWriter

from options import args_parser
from update import LocalUpdate, test_inference
from models import MLP, CNNMnist, CNNFashion_Mnist, CNNCifar
from utils import get_dataset, average_weights

if __name__ == "__main__":
    logger = SummaryWriter("../logs")
    args = args_parser()
    device = "cuda" if args.gpu else "cpu"
    train_dataset, test_dataset, user_groups = get_dataset(args)

    if args.model == "cnn":
        if args.dataset == "mnist":
            global_model = CNNMnist(args=args)
        elif args.dataset == "fmnist":
            global_model = CNNFashion_Mnist(args=args)
        elif args.dataset == "cifar":
            global_model = CNNCifar(args=args)
    elif args.model == "mlp":
        img_size = train_dataset[0][0].shape
        len_in = 1
        for x in img_size:
            len_in *= x
            global_model = MLP(dim_in=len_in, dim_hidden=64, dim_out=args.num_classes)
    else:
        exit("Error: unrecognized model")

    global_model.to(device)
    global_model.train()
    train_loss = []
    for epoch in range(args.epochs):
        local_weights, local_losses = [], []
        global_model.train()
        m = max(int(args.frac * args.num_users), 1)
        idxs_users = np.random.choice(range(args.num_users), m, replace=False)
        for idx in idxs_users:
            local_model = LocalUpdate(args=args, dataset=train_dataset, idxs=user_groups[idx], logger=logger)
            w, loss = local_model.update_weights(model=copy.deepcopy(global_model), global_round=epoch)
            local_weights.append(copy.deepcopy(w))
            local_losses.append(copy.deepcopy(loss))
        global_weights = average_weights(local_weights)
        global_model.load_state_dict(global_weights)
        train_loss.append(sum(local_losses) / len(local_losses))

    test_acc, test_loss = test_inference(args, global_model, test_dataset)
