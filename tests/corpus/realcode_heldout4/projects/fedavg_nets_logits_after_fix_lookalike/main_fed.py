"""part of look-alike project [LG001, LG006]: the federated-averaging script picks one of three models by --model/--dataset (all three end in a Linear layer); each client's LocalUpdate.train gets a deep copy and uses nn.CrossEntropyLoss, and test_img scores the global model with F.cross_entropy."""
# Source: https://github.com/shaoxiongji/federated-learning main_fed.py at 5ffe3e31cbd52ca3042d6af012b0d5fd55352e4f ("fix: remove softmax", closing issue #9);
# re-typed, names changed, reduced (data set download and user sampling reduced to one call, the loss plot left out).
import copy

import numpy as np
import torch

from models.Fed import FedAvg
from models.Nets import MLP, CNNCifar, CNNMnist
from models.test import test_img
from models.Update import LocalUpdate
from utils.options import args_parser

if __name__ == "__main__":
    args = args_parser()
    args.device = torch.device("cuda:{}".format(args.gpu) if torch.cuda.is_available() and args.gpu != -1 else "cpu")
    dataset_train, dataset_test, dict_users = load_federated(args)
    img_size = dataset_train[0][0].shape

    if args.model == "cnn" and args.dataset == "cifar":
        net_glob = CNNCifar(args=args).to(args.device)
    elif args.model == "cnn" and args.dataset == "mnist":
        net_glob = CNNMnist(args=args).to(args.device)
    elif args.model == "mlp":
        len_in = 1
        for x in img_size:
            len_in *= x
        net_glob = MLP(dim_in=len_in, dim_hidden=200, dim_out=args.num_classes).to(args.device)
    else:
        exit("Error: unrecognized model")
    net_glob.train()
    w_glob = net_glob.state_dict()

    loss_train = []
    for round_idx in range(args.epochs):
        w_locals, loss_locals = [], []
        m = max(int(args.frac * args.num_users), 1)
        idxs_users = np.random.choice(range(args.num_users), m, replace=False)
        for idx in idxs_users:
            local = LocalUpdate(args=args, dataset=dataset_train, idxs=dict_users[idx])
            w, loss = local.train(net=copy.deepcopy(net_glob).to(args.device))
            w_locals.append(copy.deepcopy(w))
            loss_locals.append(copy.deepcopy(loss))
        w_glob = FedAvg(w_locals)
        net_glob.load_state_dict(w_glob)
        loss_avg = sum(loss_locals) / len(loss_locals)
        print("Round {:3d}, Average loss {:.3f}".format(round_idx, loss_avg))
        loss_train.append(loss_avg)

    net_glob.eval()
    acc_train, loss_train = test_img(net_glob, dataset_train, args)
    acc_test, loss_test = test_img(net_glob, dataset_test, args)
    print("Testing accuracy: {:.2f}".format(acc_test))
